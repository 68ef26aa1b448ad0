/**
 * Run statuses and the moves between them. The run ledger (run-ledger.ts) is the only code that
 * writes `runs.status`; every move it makes is one of these.
 */
import { type RunStatus, TERMINAL_RUN_STATUSES } from '@switchyard/contract';

/** The statuses themselves are part of the HTTP contract; the moves between them are the ledger's. */
export { RUN_STATUSES, type RunStatus, TERMINAL_RUN_STATUSES } from '@switchyard/contract';

/** What a run becomes when an execution ends: the engine's verdict, or `waiting` for a delay or a step retry. */
export const FINISHED_RUN_STATUSES = ['succeeded', 'failed', 'filtered', 'waiting'] as const;
export type FinishedRunStatus = (typeof FINISHED_RUN_STATUSES)[number];

/**
 * The legal moves, and which ledger call makes each:
 * - created `queued` (ingest, a replay, a stored request run again);
 * - or created `waiting` with `resume_at` (a throttled request's run, whose start slot is later: ADR 0024);
 * - `queued -> running`: `claim`;
 * - `running -> running`: `claim` again once the lease has passed (a dead worker, a shutdown's release);
 * - `waiting -> running`: `claim` once `resume_at` is due;
 * - `running -> succeeded | failed | filtered | waiting`: `finish`, by the worker holding the lease.
 *
 * `cancelled` is in the v1 contract but nothing cancels a run yet. A failed run stays failed: its
 * auto-replay and dead letter are marks on the row, and the replay is a new run.
 */
export const RUN_TRANSITIONS: { readonly [S in RunStatus]: ReadonlyArray<RunStatus> } = {
  queued: ['running'],
  running: ['running', ...FINISHED_RUN_STATUSES],
  waiting: ['running'],
  succeeded: [],
  failed: [],
  filtered: [],
  cancelled: [],
};

/** The status every run starts in. */
export const INITIAL_RUN_STATUS: RunStatus = 'queued';

export function canMove(from: RunStatus, to: RunStatus): boolean {
  return RUN_TRANSITIONS[from].includes(to);
}

export function isTerminal(status: string): boolean {
  return (TERMINAL_RUN_STATUSES as ReadonlyArray<string>).includes(status);
}

/**
 * Which runs a worker may claim, in SQL: queued ones, running ones whose lease has passed, and
 * waiting ones that are due. It is the `-> running` column of RUN_TRANSITIONS with each source's
 * condition.
 */
export const CLAIMABLE_SQL = `(status = 'queued' OR (status = 'running' AND lease_until < now()) OR (status = 'waiting' AND resume_at <= now()))`;
