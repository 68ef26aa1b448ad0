import type { Logger } from '../../common/logger';
import type { ClaimedRun } from '../ledger/run-ledger.types';
import type { Dispatcher } from './dispatcher';

/**
 * Starting runs at ingest (issue 15): the ingest statement inserts a run already `running` under
 * this process's lease when a slot is free, so the run needs no claim statement. Ingest reserves the
 * slots before its statement, gives back those it did not use, and starts the runs it committed.
 */
export interface RunStarter {
  readonly workerId: string;
  readonly leaseSeconds: number;
  /** Reserves up to `wanted` free slots (none while runs wait in the queue: they go first); returns how many. */
  reserve(wanted: number): number;
  /** Gives back reserved slots that were not used. */
  unreserve(count: number): void;
  /** Executes runs committed as claimed by this process, each in a slot reserved for it. */
  start(runs: ClaimedRun[]): void;
}

/**
 * The embedded dispatcher: a FIFO in memory with a concurrency limit. Losing it (a crash) loses
 * nothing, since queued runs stay in PostgreSQL and the sweeper dispatches them again.
 */
export class InProcessDispatcher implements Dispatcher, RunStarter {
  readonly kind = 'in-process' as const;
  private readonly queue: string[] = [];
  private readonly known = new Set<string>();
  private active = 0;
  /** Slots held for runs that ingest is committing as started here. */
  private reserved = 0;
  private closed = false;
  private readonly idle: Array<() => void> = [];
  private scheduled = false;

  /** `execute` takes the runs that fit in the free slots together (one claim statement) and answers one promise per run. */
  constructor(
    private readonly execute: (runIds: string[]) => Array<Promise<void>>,
    private readonly concurrency: number,
    private readonly logger: Logger,
    private readonly starting: {
      workerId: string;
      leaseSeconds: number;
      /** Executes a run committed as claimed by this process. */
      executeStarted: (run: ClaimedRun) => Promise<void>;
      /** Gives back the leases of runs that can no longer start here (the dispatcher closed meanwhile). */
      release: (runIds: string[]) => Promise<unknown>;
    } | null = null,
  ) {}

  get workerId(): string {
    return this.starting?.workerId ?? '';
  }

  get leaseSeconds(): number {
    return this.starting?.leaseSeconds ?? 0;
  }

  reserve(wanted: number): number {
    if (!this.starting || this.closed || this.queue.length > 0) return 0;
    const granted = Math.max(0, Math.min(wanted, this.concurrency - this.active - this.reserved));
    this.reserved += granted;
    return granted;
  }

  unreserve(count: number): void {
    if (count <= 0) return;
    this.reserved = Math.max(0, this.reserved - count);
    this.schedule();
  }

  start(runs: ClaimedRun[]): void {
    if (runs.length === 0) return;
    this.reserved = Math.max(0, this.reserved - runs.length);
    if (this.closed || !this.starting) {
      // Shutting down: the leases go back at once, so that the sweeper of any process resumes them.
      this.starting
        ?.release(runs.map((r) => r.id))
        .catch((err) => this.logger.warn({ err: (err as Error).message }, 'could not release runs started at ingest'));
      return;
    }
    const { executeStarted } = this.starting;
    this.active += runs.length;
    for (const run of runs) {
      this.known.add(run.id);
      this.settle(run.id, executeStarted(run));
    }
  }

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
    const free = this.concurrency - this.active - this.reserved;
    if (this.closed || free <= 0 || this.queue.length === 0) return;
    const ids = this.queue.splice(0, free);
    this.active += ids.length;
    let runs: Array<Promise<void>>;
    try {
      runs = this.execute(ids);
    } catch (err) {
      runs = ids.map(() => Promise.reject(err));
    }
    ids.forEach((id, i) => this.settle(id, runs[i]));
  }

  private settle(id: string, run: Promise<void>): void {
    run
      .catch((err) => this.logger.error({ err, runId: id }, 'run execution failed; the sweeper will retry it'))
      .finally(() => {
        this.active--;
        this.known.delete(id);
        if (this.active === 0) this.idle.splice(0).forEach((resolve) => resolve());
        this.schedule();
      });
  }
}
