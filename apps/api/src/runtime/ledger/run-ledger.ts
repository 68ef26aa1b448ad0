import { hostname } from 'node:os';
import type { StepResult } from '@switchyard/engine';
import type { Pool } from 'pg';
import { newId } from '../../common/ids';
import type { Logger } from '../../common/logger';
import { checkoutClient } from '../../database/checkout-client';
import type { StoredRequest } from '../../inbound/trigger-data';
import type { AlertSettings, AutoReplaySettings } from '../../workflows/auto-replay-settings';
import type { ClaimedRun, DueRun, FailedRun, NewRun, RunOutcome, RunResponseState, SqlRunner } from './run-ledger.types';
import { ClaimBatcher } from './claim-batcher';
import { JournalWriter, type JournalEntry } from './journal-writer';
import { CLAIMABLE_SQL, canMove, INITIAL_RUN_STATUS } from './run-status';

export type { JournalEntry } from './journal-writer';
export type { ClaimedRun, DueRun, FailedRun, NewRun, RunOutcome, RunResponseState, SqlRunner } from './run-ledger.types';

/** A queued run younger than this is assumed to be on its way to a worker. */
const QUEUED_GRACE_SECONDS = 10;
const AUTO_REPLAY_BATCH = 100;
/** Requests handed over by ingest in this process and not yet read by a run: at most this many are kept. */
const HANDED_OVER_MAX = 10_000;

const CLAIM_SET = `status = 'running', claims = claims + 1, worker_id = $2,
              lease_until = now() + make_interval(secs => $3), started_at = COALESCE(started_at, now()), resume_at = NULL`;
// The limit comes back too, so that a resumed run of a limited workflow also dispatches the next one.
// A run claimed alone (BullMQ jobs, the sweeper) takes its stored request in the same statement.
const REQUEST_RETURNING = ['method', 'headers', 'query', 'content_type', 'body', 'received_at']
  .map((c) => `(SELECT i.${c} FROM inbound_requests i WHERE i.id = runs.request_id) AS req_${c}`)
  .join(', ');
const CLAIM_RETURNING =
  'id, workspace_id, workflow_id, version_id, request_id, claims, replay_of, idempotency_root, started_at, trace_parent, (SELECT concurrency FROM workflows w WHERE w.id = runs.workflow_id) AS concurrency';

// A run of a workflow without a concurrency limit: one conditional UPDATE (a prepared statement).
const CLAIM_SQL = `UPDATE runs
          SET ${CLAIM_SET}
        WHERE id = $1 AND ${CLAIMABLE_SQL}
          AND (status = 'running' OR NOT EXISTS (SELECT 1 FROM workflows w WHERE w.id = runs.workflow_id AND w.concurrency IS NOT NULL))
        RETURNING ${CLAIM_RETURNING}, ${REQUEST_RETURNING}`;

// The same for many runs, locked in id order so that two batches cannot deadlock.
const CLAIM_MANY_SQL = `UPDATE runs
          SET ${CLAIM_SET}
        WHERE id IN (SELECT id FROM runs WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE)
          AND ${CLAIMABLE_SQL}
          AND (status = 'running' OR NOT EXISTS (SELECT 1 FROM workflows w WHERE w.id = runs.workflow_id AND w.concurrency IS NOT NULL))
        RETURNING ${CLAIM_RETURNING}`;

// The same again, with each run's stored request: the claims of runs taken one at a time (BullMQ
// jobs, the sweeper) that arrive together, coalesced by ClaimBatcher.
const CLAIM_BATCH_SQL = `${CLAIM_MANY_SQL}, ${REQUEST_RETURNING}`;

interface ClaimRow {
  id: string;
  workspace_id: string;
  workflow_id: string;
  version_id: string;
  request_id: string;
  claims: number;
  replay_of: string | null;
  idempotency_root: string | null;
  started_at: Date;
  concurrency: number | null;
  trace_parent: string | null;
  req_method?: string | null;
  req_headers?: StoredRequest['headers'];
  req_query?: StoredRequest['query'];
  req_content_type?: string | null;
  req_body?: Buffer | null;
  req_received_at?: Date | null;
}

const claimed = (r: ClaimRow, concurrency = r.concurrency): ClaimedRun => ({
  id: r.id,
  workspaceId: r.workspace_id,
  workflowId: r.workflow_id,
  versionId: r.version_id,
  requestId: r.request_id,
  claims: r.claims,
  replayOf: r.replay_of,
  idempotencyRoot: r.idempotency_root ?? r.id,
  startedAt: r.started_at,
  concurrency: concurrency ?? null,
  traceParent: r.trace_parent ?? null,
  ...(r.req_method && r.req_received_at
    ? {
        request: {
          method: r.req_method,
          headers: r.req_headers ?? {},
          query: r.req_query ?? {},
          content_type: r.req_content_type ?? null,
          body: r.req_body ?? null,
          received_at: r.req_received_at,
        },
      }
    : {}),
});

const INSERT_RUNS_SQL = `
INSERT INTO runs (id, workspace_id, workflow_id, version_id, request_id, status, replay_of, auto_replay_attempt, idempotency_root)
SELECT id, ws, wf, ver, req, '${INITIAL_RUN_STATUS}', orig, attempt, root
  FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[], $5::uuid[], $6::uuid[], $7::int[], $8::uuid[]) AS t(id, ws, wf, ver, req, orig, attempt, root)`;

// A replay succeeded: the failed runs up its replay_of chain are resolved by it, and no longer auto-replayed.
const RESOLVE_CHAIN_SQL = `
WITH RECURSIVE chain(id) AS (
  SELECT replay_of FROM runs WHERE id = $1 AND replay_of IS NOT NULL
  UNION
  SELECT r.replay_of FROM runs r JOIN chain c ON r.id = c.id WHERE r.replay_of IS NOT NULL
)
UPDATE runs SET resolved_by = $1, auto_replay_at = NULL
 WHERE id IN (SELECT id FROM chain) AND status = 'failed' AND resolved_by IS NULL
RETURNING id`;

// The one journal copy: a replay from the failed step reuses the original's completed steps (attempts 0).
const COPY_JOURNAL_SQL = `
INSERT INTO step_runs (id, workspace_id, run_id, step_id, step_type, position, status, input, output, error, attempts, started_at, finished_at, duration_ms)
SELECT gen_random_uuid(), s.workspace_id, t.replay, s.step_id, s.step_type, s.position, s.status, s.input, s.output, s.error, 0, s.started_at, s.finished_at, s.duration_ms
  FROM unnest($1::uuid[], $2::uuid[]) AS t(orig, replay) JOIN step_runs s ON s.run_id = t.orig AND s.status = 'succeeded'`;

// The first respond step that finished, or the run's status: one query for every waiting request.
const RESPONSES_SQL = `
SELECT r.id, r.status,
       (SELECT s.output FROM step_runs s
         WHERE s.run_id = r.id AND s.step_type = 'respond' AND s.status = 'succeeded'
         ORDER BY s.finished_at, s.id LIMIT 1) AS response
  FROM runs r WHERE r.id = ANY($1::uuid[])`;

/**
 * The run ledger: the one owner of every write to `runs` and `step_runs` after ingest (claims and
 * leases, checkpoints, finishing, releasing, replays, auto-replay marks and dead letters), and of
 * the reads that decide them (due runs, the journal). Moves follow run-status.ts. Claims are made in
 * this process's name (`workerId`) with a lease of `leaseMs`, extended while the run executes.
 */
export class RunLedger {
  readonly workerId = `${hostname()}:${process.pid}:${newId().slice(-8)}`;
  /** Group commit of checkpoints and outcomes. */
  private readonly journal_: JournalWriter;
  /** Requests ingest committed in this process, by id, for the runs it executes here (in-process dispatch). */
  private readonly handedOver = new Map<string, StoredRequest>();
  /** Group commit of the claims of runs taken one at a time. */
  private readonly claims: ClaimBatcher<ClaimRow>;

  constructor(
    private readonly pool: Pool,
    private readonly leaseMs: number,
    private readonly logger: Logger,
  ) {
    this.journal_ = new JournalWriter(pool, this.workerId);
    this.claims = new ClaimBatcher<ClaimRow>(
      pool,
      { one: { name: 'ledger-claim', text: CLAIM_SQL }, many: { name: 'ledger-claim-batch', text: CLAIM_BATCH_SQL } },
      () => [this.workerId, this.leaseMs / 1000],
    );
  }

  /**
   * Claims a run. Runs of a workflow without a concurrency limit take one conditional UPDATE. Under
   * a limit, the claim is serialised per workflow (an advisory lock) and succeeds only while fewer
   * than the limit run, and, for a queued run, when no older run of the workflow still queues (arrival
   * order); a refused run stays queued without holding a worker slot, and a finishing run dispatches it.
   * Claims that arrive while earlier ones are in flight share one statement (ClaimBatcher, rows locked
   * in id order); a lone claim goes at once.
   */
  async claim(runId: string): Promise<ClaimedRun | null> {
    const row = await this.claims.claim(runId);
    if (row) return claimed(row);
    return this.claimUnderLimit(runId);
  }

  /**
   * Claims several runs in one statement (in-process dispatch hands them over together): those of
   * workflows without a concurrency limit that are claimable now. The others are not claimed here:
   * claim them one by one with `claim`, which also decides the limit.
   */
  async claimMany(runIds: string[]): Promise<Map<string, ClaimedRun>> {
    if (runIds.length === 0) return new Map();
    const { rows } = await this.pool.query<ClaimRow>({
      name: 'ledger-claim-many',
      text: CLAIM_MANY_SQL,
      values: [runIds, this.workerId, this.leaseMs / 1000],
    });
    return new Map(rows.map((r) => [r.id, claimed(r)]));
  }

  private async claimUnderLimit(runId: string): Promise<ClaimedRun | null> {
    // Most refused claims are runs another worker took (a duplicate dispatch, the sweeper): one
    // read tells them apart from a run waiting for its workflow's limit, without a transaction.
    const { rows: targets } = await this.pool.query<{ workflow_id: string; status: string; concurrency: number | null }>(
      `SELECT r.workflow_id, r.status, w.concurrency FROM runs r JOIN workflows w ON w.id = r.workflow_id WHERE r.id = $1`,
      [runId],
    );
    const target = targets[0];
    if (!target || target.concurrency === null || target.status === 'running') return null;
    const { client, release } = await checkoutClient(this.pool);
    let failure: unknown;
    try {
      await client.query('BEGIN');
      await client.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 7))', [target.workflow_id]);
      const { rows: load } = await client.query<{ running: number; older: boolean }>(
        `SELECT (SELECT count(*) FROM runs WHERE workflow_id = $1 AND status = 'running')::int AS running,
                EXISTS (SELECT 1 FROM runs WHERE workflow_id = $1 AND status = 'queued' AND id < $2) AS older`,
        [target.workflow_id, runId],
      );
      if (load[0].running >= target.concurrency || (target.status === 'queued' && load[0].older)) {
        await client.query('COMMIT');
        return null;
      }
      const { rows } = await client.query<ClaimRow>(
        `UPDATE runs SET ${CLAIM_SET} WHERE id = $1 AND ${CLAIMABLE_SQL} RETURNING ${CLAIM_RETURNING}`,
        [runId, this.workerId, this.leaseMs / 1000],
      );
      await client.query('COMMIT');
      return rows[0] ? claimed(rows[0], target.concurrency) : null;
    } catch (err) {
      failure = err;
      await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      release(failure);
    }
  }

  /** Pushes the lease of a run this process executes further out (a heartbeat). Never throws. */
  async extendLease(runId: string): Promise<void> {
    await this.pool
      .query(`UPDATE runs SET lease_until = now() + make_interval(secs => $3) WHERE id = $1 AND worker_id = $2 AND status = 'running'`, [
        runId,
        this.workerId,
        this.leaseMs / 1000,
      ])
      .catch((err) => this.logger.warn({ err: (err as Error).message, runId }, 'could not extend a run lease'));
  }

  /**
   * Writes step checkpoints, in one statement however many: a side effect's, with the journal of the
   * pure steps that ran before it (ADR 0014), group-committed with other runs' writes. Returns how
   * many attempts each step has had in this run.
   */
  async checkpoint(run: ClaimedRun, entries: JournalEntry[]): Promise<Map<string, number>> {
    return this.journal_.write({ runId: run.id, workspaceId: run.workspaceId, entries });
  }

  /**
   * Records how an execution ended, if this process still holds the run, with the entries of the pure
   * steps not written yet (ADR 0014), in the same statement, group-committed with other runs' writes.
   */
  async finish(run: Pick<ClaimedRun, 'id' | 'workspaceId'>, outcome: RunOutcome, entries: JournalEntry[] = []): Promise<void> {
    if (!canMove('running', outcome.status)) throw new Error(`a run cannot finish ${outcome.status}`);
    await this.journal_.write({ runId: run.id, workspaceId: run.workspaceId, entries, finish: outcome });
  }

  /**
   * Shutdown past its deadline: gives back the leases of these runs (still `running`, lease in the
   * past), so that any worker resumes them after their last completed step at once. Returns the
   * released runs with their claim counts, for re-dispatch.
   */
  async release(runIds: string[]): Promise<DueRun[]> {
    const { rows } = await this.pool.query<DueRun>(
      `UPDATE runs SET lease_until = now() - interval '1 second'
        WHERE id = ANY($1::uuid[]) AND worker_id = $2 AND status = 'running'
        RETURNING id, claims`,
      [runIds, this.workerId],
    );
    return rows;
  }

  /** The succeeded checkpoints of a run: what a resumed run or a replay from the failed step skips. */
  async journal(runId: string): Promise<StepResult[]> {
    const { rows } = await this.pool.query(
      `SELECT step_id, step_type, status, input, output, error, attempts, started_at, finished_at FROM step_runs WHERE run_id = $1 AND status = 'succeeded'`,
      [runId],
    );
    return rows.map((r) => ({
      stepId: r.step_id,
      type: r.step_type,
      status: r.status,
      input: r.input ?? undefined,
      output: r.output,
      error: r.error ?? undefined,
      attempts: r.attempts,
      startedAt: r.started_at.getTime(),
      finishedAt: r.finished_at.getTime(),
    }));
  }

  /**
   * Ingest, dispatching in process, hands over the requests it has just committed, so that their runs
   * read them from memory instead of back from PostgreSQL. Bounded: past the limit, runs read them.
   */
  handOver(requests: Array<{ id: string; request: StoredRequest }>): void {
    for (const { id, request } of requests) {
      if (this.handedOver.size >= HANDED_OVER_MAX) return;
      this.handedOver.set(id, request);
    }
  }

  /**
   * The stored request a run was created for (decode it with inbound/trigger-data.ts): the one ingest
   * handed over, the one its claim returned, or read from PostgreSQL.
   */
  async request(requestId: string, claimedWith?: StoredRequest): Promise<StoredRequest> {
    const handed = this.handedOver.get(requestId);
    if (handed) this.handedOver.delete(requestId);
    if (handed ?? claimedWith) return (handed ?? claimedWith)!;
    const { rows } = await this.pool.query<StoredRequest>({
      name: 'ledger-request',
      text: `SELECT method, headers, query, content_type, body, received_at FROM inbound_requests WHERE id = $1`,
      values: [requestId],
    });
    if (!rows[0]) throw new Error(`inbound request ${requestId} is missing`);
    return rows[0];
  }

  /** The oldest queued runs of a workflow, up to `limit` (its concurrency limit): next in line for a slot. */
  async nextQueued(workflowId: string, limit: number): Promise<string[]> {
    const { rows } = await this.pool.query<{ id: string }>(
      `SELECT id FROM runs WHERE workflow_id = $1 AND status = 'queued' ORDER BY id LIMIT $2`,
      [workflowId, limit],
    );
    return rows.map((r) => r.id);
  }

  /**
   * What the sweeper re-dispatches, oldest first: runs left `queued` past a grace period (a lost
   * message, Redis down, a restart), `running` runs whose lease passed (a dead worker) and `waiting`
   * runs that are due (a delay, a step retry).
   */
  async dueForDispatch(): Promise<DueRun[]> {
    const { rows } = await this.pool.query<DueRun>(
      `(SELECT id, claims FROM runs
         WHERE status IN ('queued', 'running')
           AND ((status = 'queued' AND created_at < now() - make_interval(secs => $1))
             OR (status = 'running' AND lease_until < now()))
         ORDER BY id LIMIT 1000)
       UNION ALL
       (SELECT id, claims FROM runs WHERE status = 'waiting' AND resume_at <= now() ORDER BY resume_at LIMIT 1000)`,
      [QUEUED_GRACE_SECONDS],
    );
    return rows;
  }

  /**
   * Creates queued runs, in the caller's transaction when `db` is one: a stored request run again,
   * a replay, an automatic replay. Two statements whatever the count; replays from the failed step
   * get the completed steps of the run they replay.
   */
  async create(db: SqlRunner, runs: NewRun[]): Promise<void> {
    if (runs.length === 0) return;
    await db.query(INSERT_RUNS_SQL, [
      runs.map((r) => r.id),
      runs.map((r) => r.workspaceId),
      runs.map((r) => r.workflowId),
      runs.map((r) => r.versionId),
      runs.map((r) => r.requestId),
      runs.map((r) => r.replayOf ?? null),
      runs.map((r) => r.autoReplayAttempt ?? 0),
      runs.map((r) => r.idempotencyRoot ?? null),
    ]);
    const copies = runs.filter((r) => r.journalFrom);
    if (copies.length > 0) await db.query(COPY_JOURNAL_SQL, [copies.map((r) => r.journalFrom), copies.map((r) => r.id)]);
  }

  /** A replay succeeded: marks the failed runs it replays (up the chain) resolved by it. Returns their ids. */
  async resolveReplayed(replayId: string): Promise<string[]> {
    const { rows } = await this.pool.query<{ id: string }>(RESOLVE_CHAIN_SQL, [replayId]);
    return rows.map((r) => r.id);
  }

  /** A run that ended failed, with its workflow's auto-replay and alert settings; null if it is not failed. */
  async failed(runId: string): Promise<FailedRun | null> {
    const { rows } = await this.pool.query<{
      attempt: number;
      workflow_id: string;
      name: string;
      auto_replay: AutoReplaySettings | null;
      alerts: AlertSettings | null;
      error: unknown;
    }>(
      `SELECT r.auto_replay_attempt AS attempt, r.workflow_id, w.name, w.auto_replay, w.alerts, r.error
         FROM runs r JOIN workflows w ON w.id = r.workflow_id WHERE r.id = $1 AND r.status = 'failed'`,
      [runId],
    );
    const r = rows[0];
    return r
      ? { attempt: r.attempt, workflowId: r.workflow_id, workflowName: r.name, autoReplay: r.auto_replay, alerts: r.alerts, error: r.error }
      : null;
  }

  /** Marks a failed run for an automatic replay after `delayMs`. */
  async scheduleAutoReplay(runId: string, delayMs: number): Promise<void> {
    await this.pool.query(`UPDATE runs SET auto_replay_at = now() + make_interval(secs => $2) WHERE id = $1`, [runId, delayMs / 1000]);
  }

  /** Marks a failed run a dead letter; returns when, or null if it already was one. */
  async deadLetter(runId: string): Promise<Date | null> {
    const { rows } = await this.pool.query<{ dead_lettered_at: Date }>(
      `UPDATE runs SET dead_lettered_at = now() WHERE id = $1 AND dead_lettered_at IS NULL RETURNING dead_lettered_at`,
      [runId],
    );
    return rows[0]?.dead_lettered_at ?? null;
  }

  /**
   * Whether a dead letter of this workflow may alert now: at most one alert per `minIntervalMinutes`
   * per workflow, decided by a conditional UPDATE across processes.
   */
  async takeAlertTurn(workflowId: string, minIntervalMinutes: number): Promise<boolean> {
    const { rowCount } = await this.pool.query(
      `UPDATE workflows SET last_alert_at = now()
        WHERE id = $1 AND (last_alert_at IS NULL OR last_alert_at <= now() - make_interval(mins => $2))`,
      [workflowId, minIntervalMinutes],
    );
    return Boolean(rowCount);
  }

  /** Records what became of a dead letter's alert. */
  async recordAlert(runId: string, record: Record<string, unknown>): Promise<void> {
    await this.pool.query(`UPDATE runs SET alert = $2 WHERE id = $1`, [runId, JSON.stringify(record)]);
  }

  /**
   * Replays the failed runs whose auto-replay time has come, from the failed step, on their
   * workflow's current version (`replay_of` = the failed run, attempt + 1), in one transaction that
   * also clears their time. Any process may sweep: the due rows are locked, SKIP LOCKED. Runs whose
   * workflow switched auto-replay off since are only cleared. Returns the new runs' ids.
   */
  async replayDueFailures(): Promise<string[]> {
    // PostgreSQL out: nothing is due until it is back.
    const checkout = await checkoutClient(this.pool).catch(() => null);
    if (!checkout) return [];
    const { client, release } = checkout;
    let failure: unknown;
    try {
      await client.query('BEGIN');
      const { rows } = await client.query<{
        id: string;
        workspace_id: string;
        workflow_id: string;
        request_id: string;
        attempt: number;
        version_id: string;
        enabled: boolean | null;
        root: string;
      }>(
        `SELECT r.id, r.workspace_id, r.workflow_id, r.request_id, r.auto_replay_attempt AS attempt, w.current_version_id AS version_id,
                COALESCE(r.idempotency_root, r.id) AS root,
                (w.auto_replay->>'enabled')::boolean AS enabled
           FROM runs r JOIN workflows w ON w.id = r.workflow_id
          WHERE r.auto_replay_at <= now()
          ORDER BY r.auto_replay_at LIMIT ${AUTO_REPLAY_BATCH}
          FOR UPDATE OF r SKIP LOCKED`,
      );
      if (rows.length === 0) {
        await client.query('COMMIT');
        return [];
      }
      const replays: NewRun[] = rows
        .filter((r) => r.enabled)
        .map((r) => ({
          id: newId(),
          workspaceId: r.workspace_id,
          workflowId: r.workflow_id,
          versionId: r.version_id,
          requestId: r.request_id,
          replayOf: r.id,
          autoReplayAttempt: r.attempt + 1,
          journalFrom: r.id,
          idempotencyRoot: r.root,
        }));
      await this.create(client, replays);
      await client.query(`UPDATE runs SET auto_replay_at = NULL WHERE id = ANY($1::uuid[])`, [rows.map((r) => r.id)]);
      await client.query('COMMIT');
      return replays.map((r) => r.id);
    } catch (err) {
      failure = err;
      await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      release(failure);
    }
  }

  /** For triggers in wait mode: the first `respond` output and the status of each run. */
  async responses(runIds: string[]): Promise<RunResponseState[]> {
    const { rows } = await this.pool.query<RunResponseState>(RESPONSES_SQL, [runIds]);
    return rows;
  }
}
