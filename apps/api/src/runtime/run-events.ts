import type { Logger } from '../common/logger';
import type { FinishedRunStatus } from './ledger/run-status';

/**
 * An execution of a run ended: with its verdict, or `waiting` (a delay, a step retry). Either way
 * the run no longer holds a worker slot.
 */
export interface RunFinished {
  runId: string;
  workspaceId: string;
  workflowId: string;
  status: FinishedRunStatus;
  /** The run this one replays, when it is a replay. */
  replayOf?: string | null;
  /** The workflow's concurrency limit, when it has one. */
  concurrency: number | null;
  /**
   * Whether the run's request says another run called it (the `x-switchyard-parent-run` header a
   * Run workflow step writes). Only such runs can have a caller to wake; listeners check the runs
   * table before acting, so a sender who forges the header costs one statement and changes nothing.
   */
  called?: boolean;
}

export type RunFinishedListener = (event: RunFinished) => Promise<void> | void;

/**
 * In-process, typed run events: the executor says a run finished, and what reacts (auto-replay and
 * dead letters, the next queued run of a limited workflow; schedules and callbacks later) listens,
 * so the executor depends on none of them. Listeners are independent: they run together, a failing
 * one is logged and does not stop the others, and `finished` resolves when all have settled, so a
 * worker slot is held until they have. Cross-process events for live views are the EventBus's.
 */
export class RunEvents {
  private readonly listeners: RunFinishedListener[] = [];

  constructor(private readonly logger: Logger) {}

  /** Adds a listener; returns its removal. */
  onFinished(listener: RunFinishedListener): () => void {
    this.listeners.push(listener);
    return () => {
      const i = this.listeners.indexOf(listener);
      if (i >= 0) this.listeners.splice(i, 1);
    };
  }

  async finished(event: RunFinished): Promise<void> {
    await Promise.all(
      this.listeners.map(async (listener) => {
        try {
          await listener(event);
        } catch (err) {
          this.logger.warn({ err: (err as Error).message, runId: event.runId }, 'a run-finished listener failed');
        }
      }),
    );
  }
}
