import { runWorkflow, type RunVerdict } from '@switchyard/engine';
import type { Logger } from '../common/logger';
import type { SwitchyardEvent } from '../events/event-bus';
import { toTriggerData } from '../inbound/trigger-data';
import type { VersionStore } from '../versions/version-store';
import type { EnginePortsFactory } from './engine-ports';
import type { DueRun, RunLedger } from './ledger/run-ledger';
import type { RunEvents } from './run-events';
import { stepRetry } from './step-retry';

/**
 * Executes one run, as orchestration only: claims it through the ledger (a lease, so two workers
 * never run it at once and a dead worker's run is resumed once the lease passes), loads the version
 * it was created for from the version store, runs the engine, checkpoints every step through the
 * ledger as it finishes, records the outcome, and says the run finished.
 */
export class RunExecutor {
  /** Runs this process executes now; `released` once a shutdown gave their lease back. */
  private readonly active = new Map<string, { released: boolean }>();

  constructor(
    private readonly ledger: RunLedger,
    private readonly versions: VersionStore,
    private readonly ports: EnginePortsFactory,
    private readonly events: RunEvents,
    private readonly publish: (event: SwitchyardEvent) => void,
    private readonly leaseMs: number,
    private readonly logger: Logger,
  ) {}

  async execute(runId: string): Promise<void> {
    const claimed = await this.ledger.claim(runId);
    if (!claimed) return;
    const state = { released: false };
    this.active.set(runId, state);
    this.publish({ type: 'run', id: runId, workflowId: claimed.workflowId, status: 'running' });
    const heartbeat = setInterval(
      () => {
        if (!state.released) void this.ledger.extendLease(runId);
      },
      Math.max(1000, Math.floor(this.leaseMs / 3)),
    );
    heartbeat.unref();
    try {
      const [definition, request, journal] = await Promise.all([
        this.versions.get(claimed.versionId),
        this.ledger.request(claimed.requestId),
        claimed.claims > 1 || claimed.replayOf ? this.ledger.journal(runId) : Promise.resolve([]),
      ]);
      const positions = new Map(definition.steps.map((s, i) => [s.id, i]));
      const attempts = new Map<string, number>();
      const verdict = await runWorkflow({
        definition,
        trigger: toTriggerData(request),
        journal,
        ports: this.ports.forWorkspace(claimed.workspaceId),
        // The engine puts this id in idempotency keys: a replay keeps its original's (ADR 0019).
        runId: claimed.idempotencyRoot,
        now: claimed.startedAt.getTime(),
        onStepFinished: async (result) => {
          // Another worker may own the run by now: stop here, it resumes from the last checkpoint.
          if (state.released) throw new RunReleasedError(runId);
          attempts.set(result.stepId, await this.ledger.checkpoint(claimed, result, positions.get(result.stepId) ?? -1));
        },
      });
      const retry = stepRetry(definition, verdict, attempts);
      if (retry) {
        // Not a worker slot held while waiting: the run waits in PostgreSQL and the sweeper wakes it.
        verdict.status = 'waiting';
        verdict.resumeAt = Date.now() + retry.delayMs;
        verdict.error = {
          ...(verdict.error as NonNullable<RunVerdict['error']>),
          details: { ...verdict.error?.details, willRetryAt: new Date(verdict.resumeAt).toISOString() },
        };
      }
      await this.ledger.finish(runId, { status: verdict.status, error: verdict.error, resumeAt: verdict.resumeAt });
      this.publish({ type: 'run', id: runId, workflowId: claimed.workflowId, status: verdict.status });
      await this.events.finished({
        runId,
        workspaceId: claimed.workspaceId,
        workflowId: claimed.workflowId,
        status: verdict.status,
        replayOf: claimed.replayOf,
        concurrency: claimed.concurrency,
      });
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
  async releaseAll(): Promise<DueRun[]> {
    const ids = [...this.active.keys()];
    if (ids.length === 0) return [];
    for (const state of this.active.values()) state.released = true;
    const released = await this.ledger.release(ids);
    this.logger.warn({ count: released.length }, 'shutdown deadline passed: released the leases of unfinished runs');
    return released;
  }
}

/** Thrown into a run whose lease was given back, to stop it before it writes anything else. */
export class RunReleasedError extends Error {
  constructor(runId: string) {
    super(`run ${runId} was released by a shutdown`);
  }
}
