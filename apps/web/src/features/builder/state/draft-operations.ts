import type { StepDefinition } from '../../../api';
import type { DraftStep, WorkflowDraft } from './workflow-draft';
import { createStep, uniqueStepId, type BuilderStepType } from './step-factory';

/** Every edit the builder makes to the open workflow, as data. */
export type DraftOperation =
  | { type: 'setName'; name: string }
  | { type: 'addStep'; stepType: BuilderStepType; index?: number; key: string }
  | { type: 'insertStep'; step: StepDefinition; index?: number; key: string }
  | { type: 'moveStep'; key: string; toIndex: number }
  | { type: 'duplicateStep'; key: string; newKey: string }
  | { type: 'deleteStep'; key: string }
  | { type: 'setStepField'; key: string; field: string; value: unknown }
  | { type: 'renameStep'; key: string; id: string }
  | { type: 'setTriggerField'; field: string; value: unknown };

function clampIndex(index: number | undefined, length: number): number {
  if (index === undefined || Number.isNaN(index)) return length;
  return Math.max(0, Math.min(length, Math.trunc(index)));
}

function indexOfKey(draft: WorkflowDraft, key: string): number {
  return draft.steps.findIndex((entry) => entry.key === key);
}

function withSteps(draft: WorkflowDraft, steps: DraftStep[]): WorkflowDraft {
  return { ...draft, steps };
}

function takenIds(draft: WorkflowDraft): string[] {
  return draft.steps.map((entry) => entry.step.id);
}

/** Inserts a step at `index` (default: the end), giving it a fresh id if its id is taken. */
export function insertStep(draft: WorkflowDraft, params: { step: StepDefinition; index?: number; key: string }): WorkflowDraft {
  const taken = takenIds(draft);
  const step = taken.includes(params.step.id) ? { ...params.step, id: uniqueStepId({ base: params.step.type, taken }) } : params.step;
  const steps = [...draft.steps];
  steps.splice(clampIndex(params.index, steps.length), 0, { key: params.key, step });
  return withSteps(draft, steps);
}

export function addStep(draft: WorkflowDraft, params: { stepType: BuilderStepType; index?: number; key: string }): WorkflowDraft {
  return insertStep(draft, { step: createStep({ type: params.stepType, taken: takenIds(draft) }), index: params.index, key: params.key });
}

/** Moves a step to `toIndex` (its position after the move). */
export function moveStep(draft: WorkflowDraft, params: { key: string; toIndex: number }): WorkflowDraft {
  const from = indexOfKey(draft, params.key);
  if (from === -1) return draft;
  const steps = [...draft.steps];
  const [entry] = steps.splice(from, 1);
  const to = clampIndex(params.toIndex, steps.length);
  if (to === from) return draft;
  steps.splice(to, 0, entry);
  return withSteps(draft, steps);
}

/** Copies a step right after itself, with an id of its own (`<id>_copy`, `<id>_copy_2`...). */
export function duplicateStep(draft: WorkflowDraft, params: { key: string; newKey: string }): WorkflowDraft {
  const index = indexOfKey(draft, params.key);
  if (index === -1) return draft;
  const original = draft.steps[index].step;
  const taken = new Set(takenIds(draft));
  let id = `${original.id}_copy`.slice(0, 64);
  if (taken.has(id)) id = uniqueStepId({ base: id.slice(0, 56), taken });
  const copy: StepDefinition = structuredClone({ ...original, id });
  if (typeof copy.name === 'string' && copy.name) copy.name = `${copy.name} (copy)`;
  const steps = [...draft.steps];
  steps.splice(index + 1, 0, { key: params.newKey, step: copy });
  return withSteps(draft, steps);
}

export function deleteStep(draft: WorkflowDraft, params: { key: string }): WorkflowDraft {
  if (indexOfKey(draft, params.key) === -1) return draft;
  return withSteps(draft, draft.steps.filter((entry) => entry.key !== params.key));
}

/** Sets one field of a step; `undefined` removes it. `id` and `type` change through other operations. */
export function setStepField(draft: WorkflowDraft, params: { key: string; field: string; value: unknown }): WorkflowDraft {
  const index = indexOfKey(draft, params.key);
  if (index === -1 || params.field === 'id' || params.field === 'type') return draft;
  const current = draft.steps[index];
  if (current.step[params.field] === params.value) return draft;
  const step: StepDefinition = { ...current.step };
  if (params.value === undefined) delete step[params.field];
  else step[params.field] = params.value;
  const steps = [...draft.steps];
  steps[index] = { ...current, step };
  return withSteps(draft, steps);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Rewrites `steps.<from>` references in a text (expression or template) to `steps.<to>`. */
export function renameStepReferences(params: { text: string; from: string; to: string }): string {
  const pattern = new RegExp(`(\\bsteps\\s*\\.\\s*)${escapeRegExp(params.from)}(?![A-Za-z0-9_])`, 'g');
  return params.text.replace(pattern, (_match, prefix: string) => `${prefix}${params.to}`);
}

function renameInValue(value: unknown, from: string, to: string): unknown {
  if (typeof value === 'string') return renameStepReferences({ text: value, from, to });
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    return Object.fromEntries(Object.entries(value).map(([name, inner]) => [name, renameInValue(inner, from, to)]));
  }
  return value;
}

/**
 * Changes a step's id and the `steps.<id>` references to it in later steps, so that renaming
 * never silently breaks a mapping. Expressions in earlier steps cannot see the step and stay as they are.
 */
export function renameStep(draft: WorkflowDraft, params: { key: string; id: string }): WorkflowDraft {
  const index = indexOfKey(draft, params.key);
  if (index === -1) return draft;
  const from = draft.steps[index].step.id;
  const to = params.id;
  if (from === to) return draft;
  const valid = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/.test(to) && /^[A-Za-z_][A-Za-z0-9_]{0,63}$/.test(from);
  const clash = draft.steps.some((entry) => entry.step.id === from && entry.key !== params.key);
  const steps = draft.steps.map((entry, position) => {
    if (position === index) return { ...entry, step: { ...entry.step, id: to } };
    if (position < index || !valid || clash) return entry;
    const step: StepDefinition = { id: entry.step.id, type: entry.step.type };
    for (const [field, value] of Object.entries(entry.step)) {
      if (field === 'id' || field === 'type' || field === 'name') continue;
      step[field] = renameInValue(value, from, to);
    }
    if (entry.step.name !== undefined) step.name = entry.step.name;
    return { ...entry, step: { ...entry.step, ...step } };
  });
  return withSteps(draft, steps);
}

/** Sets one setting of the trigger (`verify`, `methods`...); `undefined` removes it. The type stays `webhook`. */
export function setTriggerField(draft: WorkflowDraft, params: { field: string; value: unknown }): WorkflowDraft {
  if (params.field === 'type' || draft.trigger[params.field] === params.value) return draft;
  const trigger = { ...draft.trigger };
  if (params.value === undefined) delete trigger[params.field];
  else trigger[params.field] = params.value;
  return { ...draft, trigger };
}

/** Applies one operation; every operation returns a new draft and leaves its input untouched. */
export function applyOperation(draft: WorkflowDraft, operation: DraftOperation): WorkflowDraft {
  switch (operation.type) {
    case 'setName':
      return draft.name === operation.name ? draft : { ...draft, name: operation.name };
    case 'addStep':
      return addStep(draft, operation);
    case 'insertStep':
      return insertStep(draft, operation);
    case 'moveStep':
      return moveStep(draft, operation);
    case 'duplicateStep':
      return duplicateStep(draft, operation);
    case 'deleteStep':
      return deleteStep(draft, operation);
    case 'setStepField':
      return setStepField(draft, operation);
    case 'renameStep':
      return renameStep(draft, operation);
    case 'setTriggerField':
      return setTriggerField(draft, operation);
  }
}
