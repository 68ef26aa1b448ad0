import type { Step, StepOf, StepType } from '@switchyard/engine';

/**
 * A step as the builder holds it while it is edited: the engine's step of its type, loosened on
 * purpose in two ways.
 * - Every field but `id` and `type` may be missing: a new step starts with its required fields
 *   empty, and the user fills them in any order. Validation (the engine's, in the browser and on
 *   save) points at what is missing or wrong; the type does not pretend the draft is valid.
 * - The nested step lists of branches and loops hold draft entries (each with its editing key)
 *   instead of steps; `cleanStep` turns them back into definitions.
 * Values that are present have their field's type, so forms and previews read typed fields.
 */
export type StepDraftOf<T extends StepType> = { id: string; type: T } & DraftFields<Omit<StepOf<T>, 'id' | 'type'>>;

/** A step being edited, of any type (discriminated by `type`). */
export type StepDraft = { [T in StepType]: StepDraftOf<T> }[StepType];

/** A step being edited. `key` is stable for the editing session; `step.id` is the user's id. */
export interface DraftStep {
  key: string;
  step: StepDraft;
}

/** A draft entry whose step is of one type. */
export interface DraftStepOf<T extends StepType> {
  key: string;
  step: StepDraftOf<T>;
}

type DraftFields<V> = { [K in keyof V]?: DraftValue<V[K]> };

type DraftValue<V> = [V] extends [ReadonlyArray<Step>]
  ? DraftStep[]
  : V extends ReadonlyArray<infer U>
    ? Array<DraftValue<U>>
    : V extends object
      ? DraftFields<V>
      : V;

/**
 * One field of a step by name, for the code that edits any field the same way (operations,
 * cleaning, the generic text fields of app actions).
 */
export function stepField(step: StepDraft, field: string): unknown {
  return (step as Record<string, unknown>)[field];
}
