import { isPureStepType, runWorkflow, type RunVerdict, type StepResult } from '@switchyard/engine';
import type { Logger } from '../common/logger';
import type { SwitchyardEvent } from '../events/event-bus';
import { NO_OBSERVATION, type RunObserver } from '../observability/run-observer';
import { runLogFields } from '../observability/log-fields';
import { toTriggerData } from '../inbound/trigger-data';
import type { VersionStore } from '../versions/version-store';
import type { EnginePortsFactory } from './engine-ports';
import type { ClaimedRun, DueRun, JournalEntry, RunLedger } from './ledger/run-ledger';
import type { RunEvents } from './run-events';
import { stepRetry } from './step-retry';

/**
 * Executes one run, as orchestration only: claims it through the ledger (a lease, so two workers
 * never run it at once and a dead worker's run is resumed once the lease passes), loads the version
 * it was created for from the version store, runs the engine, checkpoints its steps through the
 * ledger, records the outcome, and says the run finished.
 *
 * The journal (ADR 0014): a side-effecting step (http, app actions, email, delay, respond) and any
 * failed step is checkpointed as it finishes, together with the entries of the pure steps (map,
 * filter, branch, loop, stop) that finished before it and were held back; what is still held back
 * at the end is written with the run's outcome, in the same statement, and so is the entry of the
 * last top-level step when it succeeded (nothing happens between the two). A crash loses only pure
 * entries, which a resumed run computes again from the same inputs, or the last step's, whose
 * effect is then repeated with the same idempotency key, as when a crash came before its checkpoint. Once a step of the run called
 * `$uuid()` (not deterministic), every entry is written at once, as before.
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
    private readonly observe: RunObserver = () => NO_OBSERVATION,
  ) {}

  async execute(runId: string): Promise<void> {
    const claimed = await this.ledger.claim(runId);
    if (claimed) await this.executeClaimed(claimed);
  }

  /**
   * Executes several runs, claimed together in one statement; a run that statement did not claim
   * (a workflow under a concurrency limit, a run taken by another worker) goes through `execute`.
   * One promise per run, settled when that run is done.
   */
  executeMany(runIds: string[]): Array<Promise<void>> {
    if (runIds.length === 1) return [this.execute(runIds[0])];
    const claims = this.ledger.claimMany(runIds);
    return runIds.map((id) =>
      claims.then((claimed) => {
        const run = claimed.get(id);
        return run ? this.executeClaimed(run) : this.execute(id);
      }),
    );
  }

  /** Executes a run that ingest committed already claimed by this process (started at ingest: no claim statement). */
  executeStarted(run: ClaimedRun): Promise<void> {
    return this.executeClaimed(run);
  }

  private async executeClaimed(claimed: ClaimedRun): Promise<void> {
    const runId = claimed.id;
    const state = { released: false };
    this.active.set(runId, state);
    const observation = this.observe(claimed);
    const log = this.logger.child(runLogFields(claimed));
    let ended = false;
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
        this.ledger.request(claimed.requestId, claimed.request),
        claimed.claims > 1 || claimed.replayOf ? this.ledger.journal(runId) : Promise.resolve([]),
      ]);
      const positions = new Map(definition.steps.map((s, i) => [s.id, i]));
      const attempts = new Map<string, number>();
      // Pure steps' entries not written yet, and whether the run stopped being deterministic.
      let held: JournalEntry[] = [];
      let random = false;
      const basePorts = this.ports.forRun(claimed);
      const ports = basePorts.ids
        ? {
            ...basePorts,
            ids: {
              uuid: () => {
                random = true;
                return basePorts.ids!.uuid();
              },
            },
          }
        : basePorts;
      // The last top-level step: nothing runs between its end and the outcome, so its entry goes with it.
      const lastStepId = definition.steps[definition.steps.length - 1]?.id;
      const entry = (result: StepResult): JournalEntry => ({ result, position: positions.get(result.stepId) ?? -1 });
      const verdict = await runWorkflow({
        definition,
        trigger: toTriggerData(request),
        journal,
        ports: observation.ports(ports),
        // The engine puts this id in idempotency keys: a replay keeps its original's (ADR 0019).
        runId: claimed.idempotencyRoot,
        now: claimed.startedAt.getTime(),
        onStepFinished: async (result) => {
          // Another worker may own the run by now: stop here, it resumes from the last checkpoint.
          if (state.released) throw new RunReleasedError(runId);
          observation.stepFinished(result);
          if (!random && result.status === 'succeeded' && (isPureStepType(result.type) || result.stepId === lastStepId)) {
            held.push(entry(result));
            return;
          }
          const entries = [...held, entry(result)];
          held = [];
          for (const [stepId, n] of await this.ledger.checkpoint(claimed, entries)) attempts.set(stepId, n);
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
      await this.ledger.finish(claimed, { status: verdict.status, error: verdict.error, resumeAt: verdict.resumeAt }, held);
      ended = true;
      observation.finished({ status: verdict.status, retryScheduled: retry !== null });
      this.publish({ type: 'run', id: runId, workflowId: claimed.workflowId, status: verdict.status });
      await this.events.finished({
        runId,
        workspaceId: claimed.workspaceId,
        workflowId: claimed.workflowId,
        status: verdict.status,
        replayOf: claimed.replayOf,
        concurrency: claimed.concurrency,
        called: request.headers['x-switchyard-parent-run'] !== undefined,
      });
      if (journal.length > 0) log.info({ resumedAfter: journal.length }, 'resumed run finished');
    } catch (err) {
      if (!ended) observation.abandoned(err);
      if (!(err instanceof RunReleasedError)) throw err;
      log.info('stopped a released run; it resumes elsewhere from its last checkpoint');
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
