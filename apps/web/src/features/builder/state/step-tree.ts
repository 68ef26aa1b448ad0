import { childStepLists, walkSteps as walkStepTree, withChildStepList, type StepAncestor, type StepListId } from '@switchyard/engine';
import { webKitOf } from '../steps/kits/web-step-kits';
import type { DraftStep, StepDraft } from './step-draft';

// The builder's draft as a tree, with the engine's step tree: the same container kits say where
// the nested lists are. In a draft the lists hold draft entries (`DraftStep[]`) instead of steps:
// a branch is `{ paths: [{ name, condition, steps: DraftStep[] }], otherwise?: { name, steps: DraftStep[] } }`,
// a loop `{ items, steps: DraftStep[] }`. `cleanStep` turns them back into definitions.

export type { StepListId } from '@switchyard/engine';

/** Where a list of steps is: `null` is the workflow's own list. */
export type StepListRef = { parentKey: string; list: StepListId } | null;

const DRAFT = { stepOf: (entry: DraftStep) => entry.step };

/** The nested step lists of a step, in document order. */
export function nestedLists(step: StepDraft): Array<{ list: StepListId; steps: DraftStep[] }> {
  return childStepLists<DraftStep>(step).map((list) => ({ list: list.id, steps: list.steps }));
}

export function getList(step: StepDraft, list: StepListId): DraftStep[] | undefined {
  return nestedLists(step).find((candidate) => candidate.list === list)?.steps;
}

/** A copy of a container step with one of its lists replaced; unchanged when the list does not exist. */
export function setList(step: StepDraft, list: StepListId, steps: DraftStep[]): StepDraft {
  return withChildStepList(step, list, steps);
}

/**
 * A draft step from a definition, nested steps included, each with a key of its own. The API's
 * workflows hold valid definitions (it validates them), so their steps are taken as steps of their type.
 */
export function draftStepFromDefinition(step: { id: string; type: string }, makeKey: () => string): DraftStep {
  const key = makeKey();
  const copy = { ...step } as unknown as StepDraft;
  let draft = copy;
  for (const list of childStepLists<{ id: string; type: string }>(copy))
    draft = withChildStepList(
      draft,
      list.id,
      list.steps.map((inner) => draftStepFromDefinition(inner, makeKey)),
    );
  return { key, step: draft };
}

/** One step met while walking a tree of steps. */
export interface StepVisit {
  entry: DraftStep;
  /** Where the step's list is, its position in it and the list itself. */
  ref: StepListRef;
  index: number;
  siblings: readonly DraftStep[];
  /** The enclosing container steps, outermost first, with the list of each that holds this step. */
  ancestors: ReadonlyArray<StepAncestor<DraftStep>>;
}

/** Every step in document order (a container before its nested steps). */
export function walkSteps(steps: DraftStep[]): StepVisit[] {
  return walkStepTree(steps, DRAFT).map((visit) => {
    const parent = visit.ancestors[visit.ancestors.length - 1];
    return {
      entry: visit.entry,
      ref: parent ? { parentKey: parent.entry.key, list: parent.list } : null,
      index: visit.index,
      siblings: visit.siblings,
      ancestors: visit.ancestors,
    };
  });
}

export function findStep(steps: DraftStep[], key: string): StepVisit | undefined {
  return walkSteps(steps).find((visit) => visit.entry.key === key);
}

/** Every step id in the tree: ids are unique in the whole workflow, nested steps included. */
export function allStepIds(steps: DraftStep[]): string[] {
  return walkStepTree(steps, DRAFT).map((visit) => visit.entry.step.id);
}

/** The steps of a list, or undefined when the list does not exist. */
export function listAt(steps: DraftStep[], ref: StepListRef): DraftStep[] | undefined {
  if (ref === null) return steps;
  const parent = findStep(steps, ref.parentKey);
  return parent ? getList(parent.entry.step, ref.list) : undefined;
}

/** Replaces one step (found at any depth) by what `update` returns; the same array when nothing changed. */
export function updateStepIn(steps: DraftStep[], key: string, update: (entry: DraftStep) => DraftStep): DraftStep[] {
  let changed = false;
  const next = steps.map((entry) => {
    if (entry.key === key) {
      const updated = update(entry);
      if (updated !== entry) changed = true;
      return updated;
    }
    let step = entry.step;
    for (const nested of nestedLists(entry.step)) {
      const inner = updateStepIn(nested.steps, key, update);
      if (inner !== nested.steps) step = setList(step, nested.list, inner);
    }
    if (step === entry.step) return entry;
    changed = true;
    return { ...entry, step };
  });
  return changed ? next : steps;
}

/** Replaces one list by what `update` returns; the same array when the list does not exist or nothing changed. */
export function updateListIn(steps: DraftStep[], ref: StepListRef, update: (list: DraftStep[]) => DraftStep[]): DraftStep[] {
  if (ref === null) return update(steps);
  return updateStepIn(steps, ref.parentKey, (entry) => {
    const list = getList(entry.step, ref.list);
    if (!list) return entry;
    const next = update(list);
    return next === list ? entry : { ...entry, step: setList(entry.step, ref.list, next) };
  });
}

/** Same list? (`null` is the top level.) */
export function sameList(a: StepListRef, b: StepListRef): boolean {
  if (a === null || b === null) return a === b;
  return a.parentKey === b.parentKey && a.list === b.list;
}

/** What to call a list in the interface: "Path 2 (Europe)", "Otherwise", "For each item" (its kit's words). */
export function listLabel(step: StepDraft, list: StepListId): string {
  const kit = webKitOf(step);
  if (kit?.listLabel) return kit.listLabel(step, list);
  return childStepLists(step).find((candidate) => candidate.id === list)?.label ?? String(list);
}
