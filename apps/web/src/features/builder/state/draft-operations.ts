import type { StepType } from '@switchyard/engine';
import type { DraftStep, StepDraft, StepDraftOf } from './step-draft';
import { createStep, uniqueStepId } from './step-factory';
import { allStepIds, findStep, nestedLists, setList, updateListIn, updateStepIn, walkSteps, type StepListRef } from './step-tree';
import type { WorkflowDraft } from './workflow-draft';

/** Every edit the builder makes to the open workflow, as data. `list` is where a new step goes (default: the workflow's own list). */
export type DraftOperation =
  | { type: 'setName'; name: string }
  | { type: 'addStep'; stepType: StepType; index?: number; key: string; list?: StepListRef }
  | { type: 'insertStep'; step: StepDraft; index?: number; key: string; list?: StepListRef }
  | { type: 'moveStep'; key: string; toIndex: number }
  | { type: 'duplicateStep'; key: string; newKey: string }
  | { type: 'deleteStep'; key: string }
  | { type: 'setStepField'; key: string; field: string; value: unknown }
  | { type: 'renameStep'; key: string; id: string }
  | { type: 'addPath'; key: string }
  | { type: 'deletePath'; key: string; pathIndex: number }
  | { type: 'setPathField'; key: string; pathIndex: number | 'otherwise'; field: 'name' | 'condition'; value: string }
  | { type: 'setOtherwise'; key: string; enabled: boolean }
  | { type: 'setTriggerField'; field: string; value: unknown }
  | { type: 'setTrigger'; trigger: WorkflowDraft['trigger'] };

function clampIndex(index: number | undefined, length: number): number {
  if (index === undefined || Number.isNaN(index)) return length;
  return Math.max(0, Math.min(length, Math.trunc(index)));
}

function withSteps(draft: WorkflowDraft, steps: DraftStep[]): WorkflowDraft {
  return steps === draft.steps ? draft : { ...draft, steps };
}

function takenIds(draft: WorkflowDraft): string[] {
  return allStepIds(draft.steps);
}

/**
 * Inserts a step at `index` (default: the end) of a list (default: the workflow's), giving it a
 * fresh id if its id is taken anywhere in the workflow. Unchanged when the list does not exist.
 */
export function insertStep(
  draft: WorkflowDraft,
  params: { step: StepDraft; index?: number; key: string; list?: StepListRef },
): WorkflowDraft {
  const taken = takenIds(draft);
  const step = taken.includes(params.step.id) ? { ...params.step, id: uniqueStepId({ base: params.step.type, taken }) } : params.step;
  return withSteps(
    draft,
    updateListIn(draft.steps, params.list ?? null, (list) => {
      const next = [...list];
      next.splice(clampIndex(params.index, next.length), 0, { key: params.key, step });
      return next;
    }),
  );
}

export function addStep(
  draft: WorkflowDraft,
  params: { stepType: StepType; index?: number; key: string; list?: StepListRef },
): WorkflowDraft {
  return insertStep(draft, {
    step: createStep({ type: params.stepType, taken: takenIds(draft) }),
    index: params.index,
    key: params.key,
    list: params.list,
  });
}

/** Moves a step to `toIndex` (its position after the move) within its own list. */
export function moveStep(draft: WorkflowDraft, params: { key: string; toIndex: number }): WorkflowDraft {
  const found = findStep(draft.steps, params.key);
  if (!found) return draft;
  return withSteps(
    draft,
    updateListIn(draft.steps, found.ref, (list) => {
      const from = list.findIndex((entry) => entry.key === params.key);
      const next = [...list];
      const [entry] = next.splice(from, 1);
      const to = clampIndex(params.toIndex, next.length);
      if (to === from) return list;
      next.splice(to, 0, entry);
      return next;
    }),
  );
}

function copyId(id: string, taken: Set<string>): string {
  let copy = `${id}_copy`.slice(0, 64);
  if (taken.has(copy)) copy = uniqueStepId({ base: copy.slice(0, 56), taken });
  taken.add(copy);
  return copy;
}

/** Renames `steps.<from>` references in every field of a step and its nested steps. */
function renameReferencesDeep(entry: DraftStep, renames: Map<string, string>): DraftStep {
  let step: StepDraft = { ...entry.step };
  for (const [from, to] of renames) step = renameFields(step, from, to);
  for (const nested of nestedLists(step))
    step = setList(
      step,
      nested.list,
      nested.steps.map((inner) => renameReferencesDeep(inner, renames)),
    );
  return { ...entry, step };
}

/**
 * Copies a step right after itself, with an id of its own (`<id>_copy`, `<id>_copy_2`...). The
 * steps inside a copied branch or loop are copied too, with new ids and keys (`<newKey>.1`...), and
 * references between them follow the new ids.
 */
export function duplicateStep(draft: WorkflowDraft, params: { key: string; newKey: string }): WorkflowDraft {
  const found = findStep(draft.steps, params.key);
  if (!found) return draft;
  const taken = new Set(takenIds(draft));
  const renames = new Map<string, string>();
  let counter = 0;
  const copyEntry = (entry: DraftStep, key: string): DraftStep => {
    const id = copyId(entry.step.id, taken);
    renames.set(entry.step.id, id);
    let step: StepDraft = { ...structuredClone(entry.step), id };
    for (const nested of nestedLists(entry.step)) {
      step = setList(
        step,
        nested.list,
        nested.steps.map((inner) => copyEntry(inner, `${params.newKey}.${(counter += 1)}`)),
      );
    }
    return { key, step };
  };
  const copied = copyEntry(found.entry, params.newKey);
  renames.delete(found.entry.step.id);
  const copy = renameReferencesDeep(copied, renames);
  if (typeof copy.step.name === 'string' && copy.step.name) copy.step.name = `${copy.step.name} (copy)`;
  return withSteps(
    draft,
    updateListIn(draft.steps, found.ref, (list) => {
      const next = [...list];
      next.splice(found.index + 1, 0, copy);
      return next;
    }),
  );
}

/** Removes a step, at any depth, with the steps inside it. */
export function deleteStep(draft: WorkflowDraft, params: { key: string }): WorkflowDraft {
  const found = findStep(draft.steps, params.key);
  if (!found) return draft;
  return withSteps(
    draft,
    updateListIn(draft.steps, found.ref, (list) => list.filter((entry) => entry.key !== params.key)),
  );
}

/** Sets one field of a step; `undefined` removes it. `id` and `type` change through other operations. */
export function setStepField(draft: WorkflowDraft, params: { key: string; field: string; value: unknown }): WorkflowDraft {
  if (params.field === 'id' || params.field === 'type') return draft;
  return withSteps(
    draft,
    updateStepIn(draft.steps, params.key, (current) => {
      // Any field, by name: the form says which; validation judges the value.
      const step: Record<string, unknown> = { ...current.step };
      if (step[params.field] === params.value) return current;
      if (params.value === undefined) delete step[params.field];
      else step[params.field] = params.value;
      return { ...current, step: step as StepDraft };
    }),
  );
}

type BranchDraft = StepDraftOf<'branch'>;

function updateBranch(draft: WorkflowDraft, key: string, update: (step: BranchDraft) => BranchDraft): WorkflowDraft {
  return withSteps(
    draft,
    updateStepIn(draft.steps, key, (entry) => {
      if (entry.step.type !== 'branch') return entry;
      const step = update(entry.step);
      return step === entry.step ? entry : { ...entry, step };
    }),
  );
}

/** Adds an empty path at the end of a branch. */
export function addPath(draft: WorkflowDraft, params: { key: string }): WorkflowDraft {
  return updateBranch(draft, params.key, (step) => {
    const paths = step.paths ?? [];
    return { ...step, paths: [...paths, { name: `Path ${paths.length + 1}`, condition: '', steps: [] }] };
  });
}

/** Removes a path of a branch with its steps. */
export function deletePath(draft: WorkflowDraft, params: { key: string; pathIndex: number }): WorkflowDraft {
  return updateBranch(draft, params.key, (step) => {
    const paths = step.paths ?? [];
    if (!paths[params.pathIndex]) return step;
    return { ...step, paths: paths.filter((_, index) => index !== params.pathIndex) };
  });
}

/** Sets the name or condition of a path (the otherwise path has only a name). */
export function setPathField(
  draft: WorkflowDraft,
  params: { key: string; pathIndex: number | 'otherwise'; field: 'name' | 'condition'; value: string },
): WorkflowDraft {
  return updateBranch(draft, params.key, (step) => {
    if (params.pathIndex === 'otherwise') {
      const otherwise = step.otherwise;
      if (!otherwise || params.field !== 'name' || otherwise.name === params.value) return step;
      return { ...step, otherwise: { ...otherwise, name: params.value } };
    }
    const paths = step.paths ?? [];
    const path = paths[params.pathIndex];
    if (!path || path[params.field] === params.value) return step;
    return {
      ...step,
      paths: paths.map((candidate, index) => (index === params.pathIndex ? { ...candidate, [params.field]: params.value } : candidate)),
    };
  });
}

/** Adds an empty "otherwise" path, or removes it with its steps. */
export function setOtherwise(draft: WorkflowDraft, params: { key: string; enabled: boolean }): WorkflowDraft {
  return updateBranch(draft, params.key, (step) => {
    const has = step.otherwise !== undefined;
    if (has === params.enabled) return step;
    if (params.enabled) return { ...step, otherwise: { name: 'Otherwise', steps: [] } };
    const { otherwise: _removed, ...rest } = step;
    return rest;
  });
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Rewrites `steps.<from>` references in a text (expression or template) to `steps.<to>`. */
export function renameStepReferences(params: { text: string; from: string; to: string }): string {
  const pattern = new RegExp(`(\\bsteps\\s*\\.\\s*)${escapeRegExp(params.from)}(?![A-Za-z0-9_])`, 'g');
  return params.text.replace(pattern, (_match, prefix: string) => `${prefix}${params.to}`);
}

function isDraftList(value: unknown): boolean {
  return (
    Array.isArray(value) && value.length > 0 && value.every((item) => item && typeof item === 'object' && 'key' in item && 'step' in item)
  );
}

function renameInValue(value: unknown, from: string, to: string): unknown {
  if (typeof value === 'string') return renameStepReferences({ text: value, from, to });
  // Nested steps are renamed on their own, in document order.
  if (isDraftList(value)) return value;
  if (Array.isArray(value)) return value.map((inner) => renameInValue(inner, from, to));
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([name, inner]) => [name, name === 'name' ? inner : renameInValue(inner, from, to)]),
    );
  }
  return value;
}

/** `steps.<from>` rewritten to `steps.<to>` in a step's own fields (names and nested steps left alone). */
function renameFields(step: StepDraft, from: string, to: string): StepDraft {
  const out: Record<string, unknown> = { ...step };
  for (const [field, value] of Object.entries(step)) {
    if (field === 'id' || field === 'type' || field === 'name') continue;
    out[field] = renameInValue(value, from, to);
  }
  return out as StepDraft;
}

/**
 * Changes a step's id and the `steps.<id>` references to it in the steps after it (in document
 * order, nested steps included), so that renaming never silently breaks a mapping. Expressions
 * before the step cannot see it and stay as they are.
 */
export function renameStep(draft: WorkflowDraft, params: { key: string; id: string }): WorkflowDraft {
  const visits = walkSteps(draft.steps);
  const position = visits.findIndex((visit) => visit.entry.key === params.key);
  if (position === -1) return draft;
  const from = visits[position].entry.step.id;
  const to = params.id;
  if (from === to) return draft;
  const valid = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/.test(to) && /^[A-Za-z_][A-Za-z0-9_]{0,63}$/.test(from);
  const clash = visits.some((visit) => visit.entry.step.id === from && visit.entry.key !== params.key);
  let steps = updateStepIn(draft.steps, params.key, (entry) => ({ ...entry, step: { ...entry.step, id: to } }));
  if (valid && !clash) {
    for (const visit of visits.slice(position + 1)) {
      steps = updateStepIn(steps, visit.entry.key, (entry) => {
        const step = renameFields(entry.step, from, to);
        return JSON.stringify(step) === JSON.stringify(entry.step) ? entry : { ...entry, step };
      });
    }
  }
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
    case 'addPath':
      return addPath(draft, operation);
    case 'deletePath':
      return deletePath(draft, operation);
    case 'setPathField':
      return setPathField(draft, operation);
    case 'setOtherwise':
      return setOtherwise(draft, operation);
    case 'setTrigger':
      return { ...draft, trigger: operation.trigger };
    case 'setTriggerField':
      return setTriggerField(draft, operation);
  }
}
