import type { StepType } from '@switchyard/engine';
import { WEB_STEP_KITS } from '../steps/kits/web-step-kits';
import type { StepDraftOf } from './step-draft';

/** `map_1`, `map_2`, ... the first that no other step uses (the engine names id-less steps alike). */
export function uniqueStepId(params: { base: string; taken: Iterable<string> }): string {
  const taken = new Set(params.taken);
  const base =
    params.base
      .replace(/[^A-Za-z0-9_]/g, '_')
      .replace(/^([^A-Za-z_])/, '_$1')
      .slice(0, 56) || 'step';
  for (let n = 1; ; n += 1) {
    const id = `${base}_${n}`;
    if (!taken.has(id)) return id;
  }
}

/** A new step of a type with empty fields for the user to fill in (its kit's `create`). */
export function createStep<T extends StepType>(params: { type: T; taken: Iterable<string> }): StepDraftOf<T> {
  const id = uniqueStepId({ base: params.type, taken: params.taken });
  return WEB_STEP_KITS[params.type].create(id) as StepDraftOf<T>;
}
