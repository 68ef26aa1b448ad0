import { hostname } from 'node:os';
import {
  defaultRetryPolicy,
  nextRetry,
  runWorkflow,
  validateDefinition,
  type CredentialResolver,
  type EnginePorts,
  type RunVerdict,
  type StepResult,
  type WorkflowDefinition,
} from '@switchyard/engine';
import { LRUCache } from 'lru-cache';
import type { Pool } from 'pg';
import { newId } from '../common/ids';
import { checkoutClient } from '../database/checkout-client';
import type { Logger } from '../common/logger';
import type { SwitchyardEvent } from '../events/event-bus';
import { toTriggerData, type StoredRequest } from '../inbound/trigger-data';

const CLAIM_SET = `status = 'running', claims = claims + 1, worker_id = $2,
              lease_until = now() + make_interval(secs => $3), started_at = COALESCE(started_at, now()), resume_at = NULL`;
const CLAIMABLE = `(status = 'queued' OR (status = 'running' AND lease_until < now()) OR (status = 'waiting' AND resume_at <= now()))`;
// The limit comes back too, so that a resumed run of a limited workflow also dispatches the next one.
const CLAIM_RETURNING =
  'id, workspace_id, workflow_id, version_id, request_id, claims, replay_of, started_at, (SELECT concurrency FROM workflows w WHERE w.id = runs.workflow_id) AS concurrency';

interface ClaimedRun {
  /** The workflow's concurrency limit, when it has one. */
  concurrency?: number | null;
  id: string;
  workspace_id: string;
  workflow_id: string;
  version_id: string;
  request_id: string;
  claims: number;
  replay_of: string | null;
  started_at: Date;
}

/**
 * Executes one run: claims it with a lease (so two workers never run it at once, and a dead
 * worker's run is resumed once the lease passes), runs the engine on the version the run was created
 * for, checkpoints every step as it finishes, and records the verdict.
 */
export class RunExecutor {
  readonly workerId = `${hostname()}:${process.pid}:${newId().slice(-8)}`;
  private readonly versions = new LRUCache<string, WorkflowDefinition>({ max: 1000 });
  /** Set by the runtime: dispatches runs that a finished run made room for. */
  onSlotFreed: ((runIds: string[]) => void) | null = null;
  /** Set by the runtime: a run ended failed (auto-replay and dead letters). */
  onRunFailed: ((runId: string) => Promise<void>) | null = null;
  /** Runs this process executes now; `released` once a shutdown gave their lease back. */
  private readonly active = new Map<string, { released: boolean }>();

  constructor(
    private readonly pool: Pool,
    private readonly ports: EnginePorts,
    private readonly publish: (event: SwitchyardEvent) => void,
    private readonly leaseMs: number,
    private readonly logger: Logger,
    /** Stored credentials, scoped to the workspace of the run. */
    private readonly credentialsFor?: (workspaceId: string) => CredentialResolver,
  ) {}

  /** The ports runs use, for the builder's test endpoints. */
  get enginePorts(): EnginePorts {
    return this.ports;
  }

  /** The ports of a run (or step test) in a workspace: the shared ones plus that workspace's credentials. */
  enginePortsFor(workspaceId: string): EnginePorts {
    return this.credentialsFor ? { ...this.ports, credentials: this.credentialsFor(workspaceId) } : this.ports;
  }

  async execute(runId: string): Promise<void> {
    const claimed = await this.claim(runId);
    if (!claimed) return;
    const state = { released: false };
    this.active.set(runId, state);
    this.publish({ type: 'run', id: runId, workflowId: claimed.workflow_id, status: 'running' });
    const heartbeat = setInterval(
      () => {
        if (!state.released) void this.extendLease(runId);
      },
      Math.max(1000, Math.floor(this.leaseMs / 3)),
    );
    heartbeat.unref();
    try {
      const [definition, request, journal] = await Promise.all([
        this.definition(claimed.version_id),
        this.request(claimed.request_id),
        claimed.claims > 1 || claimed.replay_of ? this.journal(runId) : Promise.resolve([]),
      ]);
      const positions = new Map(definition.steps.map((s, i) => [s.id, i]));
      const attempts = new Map<string, number>();
      const verdict = await runWorkflow({
        definition,
        trigger: toTriggerData(request),
        journal,
        ports: this.enginePortsFor(claimed.workspace_id),
        runId,
        now: claimed.started_at.getTime(),
        onStepFinished: async (result) => {
          // Another worker may own the run by now: stop here, it resumes from the last checkpoint.
          if (state.released) throw new RunReleasedError(runId);
          attempts.set(result.stepId, await this.checkpoint(claimed, result, positions.get(result.stepId) ?? -1));
        },
      });
      const retry = this.retryOf(definition, verdict, attempts);
      if (retry) {
        // Not a worker slot held while waiting: the run waits in PostgreSQL and the sweeper wakes it.
        verdict.status = 'waiting';
        verdict.resumeAt = Date.now() + retry.delayMs;
        verdict.error = {
          ...(verdict.error as NonNullable<RunVerdict['error']>),
          details: { ...verdict.error?.details, willRetryAt: new Date(verdict.resumeAt).toISOString() },
        };
      }
      await this.pool.query(
        `UPDATE runs SET status = $2, error = $3, lease_until = NULL,
                finished_at = CASE WHEN $2 = 'waiting' THEN NULL ELSE now() END,
                resume_at = CASE WHEN $2 = 'waiting' THEN to_timestamp($5::double precision / 1000) ELSE NULL END
          WHERE id = $1 AND worker_id = $4`,
        [runId, verdict.status, verdict.error ? JSON.stringify(verdict.error) : null, this.workerId, verdict.resumeAt ?? null],
      );
      this.publish({ type: 'run', id: runId, workflowId: claimed.workflow_id, status: verdict.status });
      if (verdict.status === 'failed' && this.onRunFailed)
        await this.onRunFailed(runId).catch((err) =>
          this.logger.warn({ err: (err as Error).message, runId }, 'could not schedule the auto-replay of a failed run'),
        );
      if (claimed.concurrency)
        await this.dispatchNext(claimed.workflow_id, claimed.concurrency).catch((err) =>
          this.logger.warn({ err: (err as Error).message }, 'could not dispatch the next queued runs; the sweeper will'),
        );
      if (journal.length > 0) this.logger.info({ runId, resumedAfter: journal.length }, 'resumed run finished');
    } catch (err) {
      if (!(err instanceof RunReleasedError)) throw err;
      this.logger.info({ runId }, 'stopped a released run; it resumes elsewhere from its last checkpoint');
    } finally {
      clearInterval(heartbeat);
      this.active.delete(runId);
    }
  }

  /** How many runs this process is executing. */
  get activeCount(): number {
    return this.active.size;
  }

  /**
   * Shutdown past its deadline: gives back the lease of every run still executing here, so that
   * another worker (or this one, restarted) resumes it after its last completed step at once.
   * Returns the released runs with their claim counts, for re-dispatch.
   */
  async releaseAll(): Promise<Array<{ id: string; claims: number }>> {
    const ids = [...this.active.keys()];
    if (ids.length === 0) return [];
    for (const state of this.active.values()) state.released = true;
    const { rows } = await this.pool.query<{ id: string; claims: number }>(
      `UPDATE runs SET lease_until = now() - interval '1 second'
        WHERE id = ANY($1::uuid[]) AND worker_id = $2 AND status = 'running'
        RETURNING id, claims`,
      [ids, this.workerId],
    );
    this.logger.warn({ count: rows.length }, 'shutdown deadline passed: released the leases of unfinished runs');
    return rows;
  }

  /**
   * Claims a run. Runs of a workflow without a concurrency limit take one conditional UPDATE. Under
   * a limit, the claim is serialised per workflow (an advisory lock) and succeeds only while fewer
   * than the limit run, and, for a queued run, when no older run of the workflow still queues (arrival
   * order); a refused run stays queued without holding a worker slot, and a finishing run dispatches it.
   */
  private async claim(runId: string): Promise<ClaimedRun | null> {
    const { rows } = await this.pool.query<ClaimedRun>(
      `UPDATE runs
          SET ${CLAIM_SET}
        WHERE id = $1 AND ${CLAIMABLE}
          AND (status = 'running' OR NOT EXISTS (SELECT 1 FROM workflows w WHERE w.id = runs.workflow_id AND w.concurrency IS NOT NULL))
        RETURNING ${CLAIM_RETURNING}`,
      [runId, this.workerId, this.leaseMs / 1000],
    );
    if (rows[0]) return rows[0];
    return this.claimUnderLimit(runId);
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
      const { rows } = await client.query<ClaimedRun>(
        `UPDATE runs SET ${CLAIM_SET} WHERE id = $1 AND ${CLAIMABLE} RETURNING ${CLAIM_RETURNING}`,
        [runId, this.workerId, this.leaseMs / 1000],
      );
      await client.query('COMMIT');
      return rows[0] ? { ...rows[0], concurrency: target.concurrency } : null;
    } catch (err) {
      failure = err;
      await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      release(failure);
    }
  }

  /** A run of a limited workflow ended: hands the oldest waiting runs to workers (they claim in order). */
  private async dispatchNext(workflowId: string, concurrency: number): Promise<void> {
    if (!this.onSlotFreed) return;
    const { rows } = await this.pool.query<{ id: string }>(
      `SELECT id FROM runs WHERE workflow_id = $1 AND status = 'queued' ORDER BY id LIMIT $2`,
      [workflowId, concurrency],
    );
    if (rows.length > 0) this.onSlotFreed(rows.map((r) => r.id));
  }

  private async extendLease(runId: string): Promise<void> {
    await this.pool
      .query(`UPDATE runs SET lease_until = now() + make_interval(secs => $3) WHERE id = $1 AND worker_id = $2 AND status = 'running'`, [
        runId,
        this.workerId,
        this.leaseMs / 1000,
      ])
      .catch((err) => this.logger.warn({ err: (err as Error).message, runId }, 'could not extend a run lease'));
  }

  private async definition(versionId: string): Promise<WorkflowDefinition> {
    const cached = this.versions.get(versionId);
    if (cached) return cached;
    const { rows } = await this.pool.query<{ definition: Record<string, unknown> }>(
      `SELECT definition FROM workflow_versions WHERE id = $1`,
      [versionId],
    );
    if (!rows[0]) throw new Error(`workflow version ${versionId} is missing`);
    const result = validateDefinition(rows[0].definition);
    if (!result.ok)
      throw new Error(`stored workflow version ${versionId} is invalid: ${result.issues[0].path} ${result.issues[0].message}`);
    this.versions.set(versionId, result.definition);
    return result.definition;
  }

  private async request(requestId: string): Promise<StoredRequest> {
    const { rows } = await this.pool.query<StoredRequest>(
      `SELECT method, headers, query, content_type, body, received_at FROM inbound_requests WHERE id = $1`,
      [requestId],
    );
    if (!rows[0]) throw new Error(`inbound request ${requestId} is missing`);
    return rows[0];
  }

  private async journal(runId: string): Promise<StepResult[]> {
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

  /** A failed run whose failing step may be tried again: how long to wait (see the step's retry policy). */
  private retryOf(definition: WorkflowDefinition, verdict: RunVerdict, attempts: Map<string, number>): { delayMs: number } | null {
    if (verdict.status !== 'failed' || !verdict.error?.stepId) return null;
    const failed = verdict.steps.find((s) => s.stepId === verdict.error?.stepId);
    const step = findStep(
      definition.steps,
      (failed as { definitionStepId?: string } | undefined)?.definitionStepId ?? verdict.error.stepId,
    );
    const policy = step?.retry ?? defaultRetryPolicy(failed?.type ?? step?.type ?? '');
    return nextRetry({
      policy: { ...defaultRetryPolicy('http'), ...policy },
      attempts: attempts.get(verdict.error.stepId) ?? 1,
      error: verdict.error,
      random: Math.random(),
    });
  }

  /** Writes a step's checkpoint; returns how many attempts the step has had in this run. */
  private async checkpoint(run: ClaimedRun, result: StepResult, position: number): Promise<number> {
    const { rows } = await this.pool.query<{ attempts: number }>(
      `INSERT INTO step_runs (id, workspace_id, run_id, step_id, step_type, position, status, input, output, error, attempts, started_at, finished_at, duration_ms)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, to_timestamp($12 / 1000.0), to_timestamp($13 / 1000.0), $14)
       ON CONFLICT (run_id, step_id) DO UPDATE SET status = EXCLUDED.status, input = EXCLUDED.input, output = EXCLUDED.output,
         error = EXCLUDED.error, attempts = step_runs.attempts + EXCLUDED.attempts, started_at = EXCLUDED.started_at,
         finished_at = EXCLUDED.finished_at, duration_ms = EXCLUDED.duration_ms
       RETURNING attempts`,
      [
        newId(),
        run.workspace_id,
        run.id,
        result.stepId,
        result.type,
        position,
        result.status,
        json(result.input),
        json(result.output),
        result.error ? JSON.stringify(result.error) : null,
        result.attempts,
        result.startedAt,
        result.finishedAt,
        result.finishedAt - result.startedAt,
      ],
    );
    return rows[0].attempts;
  }
}

/** Thrown into a run whose lease was given back, to stop it before it writes anything else. */
export class RunReleasedError extends Error {
  constructor(runId: string) {
    super(`run ${runId} was released by a shutdown`);
  }
}

type AnyStep = WorkflowDefinition['steps'][number];

/** Finds a step by id at any depth (ids are unique across branches and loops). */
function findStep(steps: unknown, id: string): AnyStep | undefined {
  if (!Array.isArray(steps) && (steps === null || typeof steps !== 'object')) return undefined;
  for (const value of Array.isArray(steps) ? steps : Object.values(steps as object)) {
    if (value === null || typeof value !== 'object') continue;
    if ((value as { id?: unknown }).id === id && typeof (value as { type?: unknown }).type === 'string') return value as AnyStep;
    const nested = findStep(value, id);
    if (nested) return nested;
  }
  return undefined;
}

function json(value: unknown): string | null {
  return value === undefined ? null : JSON.stringify(value);
}
