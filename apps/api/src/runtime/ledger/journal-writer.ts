import type { StepResult } from '@switchyard/engine';
import type { Pool } from 'pg';
import { newId } from '../../common/ids';
import { GroupCommit } from '../../database/group-commit';
import { stepAttempt } from './step-attempt';
import type { FinishedRunStatus } from './run-status';

/** A step result to journal, with the position of its step in the definition (-1 when nested). */
export interface JournalEntry {
  result: StepResult;
  position: number;
}

/** One run's write: step entries, and, at the end of an execution, its outcome. */
export interface JournalWrite {
  runId: string;
  workspaceId: string;
  entries: JournalEntry[];
  /** The outcome (already checked against run-status.ts); the entries are then written only if the run is still this worker's. */
  finish?: { status: FinishedRunStatus; error?: unknown; resumeAt?: number };
}

/*
 * One statement for any number of runs: the outcomes (an UPDATE of runs held by this worker, in id
 * order), then the step entries, those of a finishing run only if its UPDATE found it. A step written
 * again (a retry) adds its attempts to the earlier ones.
 */
const WRITE_SQL = `
WITH fin AS (
  UPDATE runs r SET status = t.st, error = t.err::jsonb, lease_until = NULL,
         finished_at = CASE WHEN t.st = 'waiting' THEN NULL ELSE now() END,
         resume_at = CASE WHEN t.st = 'waiting' THEN to_timestamp(t.ra / 1000) ELSE NULL END
    FROM (SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::float8[]) AS u(id, st, err, ra) ORDER BY id) AS t
   WHERE r.id = t.id AND r.worker_id = $5
  RETURNING r.id
)
INSERT INTO step_runs (id, workspace_id, run_id, step_id, step_type, position, status, input, output, error, attempts, started_at, finished_at, duration_ms, attempt_log)
SELECT id, ws, run, sid, typ, pos, st, inp::jsonb, outp::jsonb, err::jsonb, att, to_timestamp(sa / 1000.0), to_timestamp(fa / 1000.0), dur, alog::jsonb
  FROM unnest($6::uuid[], $7::uuid[], $8::uuid[], $9::bool[], $10::text[], $11::text[], $12::int[], $13::text[], $14::text[], $15::text[], $16::text[],
              $17::int[], $18::float8[], $19::float8[], $20::int[], $21::text[]) AS t(id, ws, run, fin, sid, typ, pos, st, inp, outp, err, att, sa, fa, dur, alog)
 WHERE NOT t.fin OR t.run IN (SELECT id FROM fin)
ON CONFLICT (run_id, step_id) DO UPDATE SET status = EXCLUDED.status, input = EXCLUDED.input, output = EXCLUDED.output,
  error = EXCLUDED.error, attempts = step_runs.attempts + EXCLUDED.attempts, started_at = EXCLUDED.started_at,
  finished_at = EXCLUDED.finished_at, duration_ms = EXCLUDED.duration_ms,
  attempt_log = COALESCE(step_runs.attempt_log, '[]'::jsonb) || EXCLUDED.attempt_log
RETURNING run_id, step_id, attempts`;

/**
 * Group commit for the journal and run outcomes (ADR 0014), as ingest does for requests (ADR 0004):
 * the checkpoints and outcomes of the runs executing in this process that arrive while earlier
 * writes are in flight are written together, in one statement, so one commit. Each caller's promise
 * settles after that commit; a lone write goes at once, without waiting for a timer.
 */
export class JournalWriter {
  private readonly commits: GroupCommit<JournalWrite, Map<string, number>>;

  constructor(
    private readonly db: Pick<Pool, 'query'>,
    private readonly workerId: string,
    options = { maxBatch: 200, maxInFlight: 2 },
  ) {
    this.commits = new GroupCommit((writes) => this.writeBatch(writes), options);
  }

  /** Writes one run's entries (and outcome); resolves with the attempts of each entry's step in this run. */
  write(write: JournalWrite): Promise<Map<string, number>> {
    return this.commits.submit(write);
  }

  private async writeBatch(writes: JournalWrite[]): Promise<Array<Map<string, number>>> {
    const { rows } = await this.db.query<{ run_id: string; step_id: string; attempts: number }>({
      name: 'journal-write',
      text: WRITE_SQL,
      values: writeParams(writes, this.workerId),
    });
    const byRun = new Map<string, Map<string, number>>();
    for (const r of rows) {
      let steps = byRun.get(r.run_id);
      if (!steps) byRun.set(r.run_id, (steps = new Map()));
      steps.set(r.step_id, r.attempts);
    }
    return writes.map((w) => byRun.get(w.runId) ?? new Map());
  }
}

/** The 21 parameters of WRITE_SQL. A step id given twice for a run keeps its last result (one statement cannot write a row twice). */
export function writeParams(writes: JournalWrite[], workerId: string): unknown[] {
  const finishes = writes.filter((w) => w.finish);
  const rows = writes.flatMap((w) => [...new Map(w.entries.map((e) => [e.result.stepId, e])).values()].map((e) => ({ w, e, r: e.result })));
  return [
    finishes.map((w) => w.runId),
    finishes.map((w) => w.finish!.status),
    finishes.map((w) => (w.finish!.error ? JSON.stringify(w.finish!.error) : null)),
    finishes.map((w) => w.finish!.resumeAt ?? null),
    workerId,
    rows.map(() => newId()),
    rows.map(({ w }) => w.workspaceId),
    rows.map(({ w }) => w.runId),
    rows.map(({ w }) => w.finish !== undefined),
    rows.map(({ r }) => r.stepId),
    rows.map(({ r }) => r.type),
    rows.map(({ e }) => e.position),
    rows.map(({ r }) => r.status),
    rows.map(({ r }) => json(r.input)),
    rows.map(({ r }) => json(r.output)),
    rows.map(({ r }) => (r.error ? JSON.stringify(r.error) : null)),
    rows.map(({ r }) => r.attempts),
    rows.map(({ r }) => r.startedAt),
    rows.map(({ r }) => r.finishedAt),
    rows.map(({ r }) => r.finishedAt - r.startedAt),
    rows.map(({ r }) => JSON.stringify([stepAttempt(r)])),
  ];
}

function json(value: unknown): string | null {
  return value === undefined ? null : JSON.stringify(value);
}
