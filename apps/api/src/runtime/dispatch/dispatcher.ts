/**
 * Hands run ids to workers. Best effort by design: PostgreSQL holds every run, and the sweeper
 * re-dispatches what a lost message left behind. Dispatching the same id twice is harmless.
 */
export interface Dispatcher {
  readonly kind: 'in-process' | 'bullmq';
  dispatch(runIds: string[]): void;
  /**
   * Dispatches runs found again in PostgreSQL (by the sweeper, or released by a shutdown). Each
   * (run, claims) pair is a new message, so a message still held by a dead worker in the queue
   * cannot block it; waits until the queue has taken them (or refused: they stay for the next sweep).
   */
  redispatch(runs: Array<{ id: string; claims: number }>): Promise<void>;
  /** Whether the queue is reachable (for /api/health/ready). */
  healthy(): Promise<boolean>;
  close(): Promise<void>;
}

export const DISPATCHER = Symbol('DISPATCHER');

/** BullMQ queue carrying run ids; job id = run id. */
export const RUNS_QUEUE = 'runs';

export interface RunJobData {
  runId: string;
}
