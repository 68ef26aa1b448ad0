/**
 * Which nested list of a container step: a `branch` path by its index or `otherwise`, a `loop`'s
 * `steps`. Stable while the step is edited; part of the journal keys of a branch's nested steps.
 */
export type StepListId = number | string;

/** One nested list of steps of a container step. `E` is what the list holds: steps, or draft entries. */
export interface StepList<E> {
  id: StepListId;
  /** Where the list is, relative to the step, as validation issues name it: `paths[0].steps`, `otherwise.steps`, `steps`. */
  path: string;
  /** Plain name of the list: `Path 1`, `Otherwise`, `Steps`. */
  label: string;
  /** The name the user gave the list (a branch path's `name`), when there is one. */
  name?: string;
  steps: E[];
}

/**
 * How a container step (one that holds steps: `branch`, `loop`) holds its nested lists. The
 * functions read and copy plain objects, so the same code serves a validated step, a definition
 * not validated yet (a list that is not an array is left out) and the builder's draft, whose lists
 * hold draft entries.
 */
export interface StepListsOf {
  /** The nested lists of a step, in document order. */
  read(step: Readonly<Record<string, unknown>>): Array<StepList<unknown>>;
  /** A copy of the step with the list `id` replaced; the step itself when it has no such list. */
  write(step: Readonly<Record<string, unknown>>, id: StepListId, steps: unknown[]): Record<string, unknown>;
  /**
   * `true`: the steps run once per item, each item in a copy of the context, so their outputs are not
   * visible after the step (`loop`). `false`: a chosen list runs once in the run's context (`branch`).
   */
  perItem: boolean;
  /**
   * Prefix of the journal keys of the nested steps of list `id`: `<key>.<id>.` (branch paths) or, per
   * item, `<key>[<item>].` (loops). Journal keys compose at every level: `orders[3].route.0.notify`.
   */
  journalPrefix(params: { key: string; id: StepListId; item?: number }): string;
  /**
   * Whether list `id` ran, as the step's journaled output tells (a branch's `matched` paths); undefined
   * when the output does not tell. Restores the outputs of a journaled branch's nested steps and
   * shows which paths a run took.
   */
  ran?(params: { output: unknown; id: StepListId }): boolean | undefined;
}

/** Whether a value is a plain object (not null, not an array). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
