/** Where a run is: `queued` until a worker claims it, `waiting` while a delay step sleeps, then one of the terminal statuses. */
export const RUN_STATUSES = ['queued', 'running', 'succeeded', 'failed', 'filtered', 'waiting', 'cancelled'] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];

/** Statuses a run never leaves. */
export const TERMINAL_RUN_STATUSES: ReadonlyArray<RunStatus> = ['succeeded', 'failed', 'filtered', 'cancelled'];

/** A step in the run detail: checkpointed (`succeeded`, `failed`), or not (yet) run. */
export const STEP_RUN_STATUSES = ['succeeded', 'failed', 'pending', 'skipped', 'running', 'waiting'] as const;
export type StepRunStatus = (typeof STEP_RUN_STATUSES)[number];
