import type { Logger } from '../../common/logger';
import type { Dispatcher } from './dispatcher';

/**
 * The embedded dispatcher: a FIFO in memory with a concurrency limit. Losing it (a crash) loses
 * nothing, since queued runs stay in PostgreSQL and the sweeper dispatches them again.
 */
export class InProcessDispatcher implements Dispatcher {
  readonly kind = 'in-process' as const;
  private readonly queue: string[] = [];
  private readonly known = new Set<string>();
  private active = 0;
  private closed = false;
  private readonly idle: Array<() => void> = [];
  private scheduled = false;

  /** `execute` takes the runs that fit in the free slots together (one claim statement) and answers one promise per run. */
  constructor(
    private readonly execute: (runIds: string[]) => Array<Promise<void>>,
    private readonly concurrency: number,
    private readonly logger: Logger,
  ) {}

  dispatch(runIds: string[]): void {
    if (this.closed) return;
    for (const id of runIds) {
      if (this.known.has(id)) continue;
      this.known.add(id);
      this.queue.push(id);
    }
    this.schedule();
  }

  async redispatch(runs: Array<{ id: string; claims: number }>): Promise<void> {
    this.dispatch(runs.map((r) => r.id));
  }

  async healthy(): Promise<boolean> {
    return !this.closed;
  }

  /** Stops taking work and waits for the runs in progress. */
  async close(): Promise<void> {
    this.closed = true;
    this.queue.length = 0;
    if (this.active > 0) await new Promise<void>((resolve) => this.idle.push(resolve));
  }

  /** Pumps once per turn of the event loop, so that slots freed together (a group commit) are filled together. */
  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.pump();
    });
  }

  private pump(): void {
    if (this.closed || this.active >= this.concurrency || this.queue.length === 0) return;
    const ids = this.queue.splice(0, this.concurrency - this.active);
    this.active += ids.length;
    let runs: Array<Promise<void>>;
    try {
      runs = this.execute(ids);
    } catch (err) {
      runs = ids.map(() => Promise.reject(err));
    }
    ids.forEach((id, i) => {
      runs[i]
        .catch((err) => this.logger.error({ err, runId: id }, 'run execution failed; the sweeper will retry it'))
        .finally(() => {
          this.active--;
          this.known.delete(id);
          if (this.active === 0) this.idle.splice(0).forEach((resolve) => resolve());
          this.schedule();
        });
    });
  }
}
