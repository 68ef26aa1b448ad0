import type { StepDefinition } from '../../../api';
import type { DraftStep } from './workflow-draft';

/**
 * Branches and loops hold steps. In a draft, their nested `steps` fields hold `DraftStep[]` (each
 * nested step with its own editing key) instead of definitions: a branch is
 * `{ paths: [{ name, condition, steps: DraftStep[] }], otherwise?: { name, steps: DraftStep[] } }`,
 * a loop `{ items, steps: DraftStep[] }`. `cleanStep` turns them back into definitions.
 */

/** Which list of a container step: a loop's `steps`, a branch path by index, or its `otherwise` path. */
export type StepListId = 'steps' | 'otherwise' | number;

/** Where a list of steps is: `null` is the workflow's own list. */
export type StepListRef = { parentKey: string; list: StepListId } | null;

/** A path of a branch as the draft holds it. */
export interface DraftPath {
  name?: string;
  condition: string;
  steps: DraftStep[];
}

export interface DraftOtherwise {
  name?: string;
  steps: DraftStep[];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function asSteps(value: unknown): DraftStep[] {
  return Array.isArray(value) ? (value as DraftStep[]) : [];
}

/** The paths of a branch in a draft (empty for other steps). */
export function branchPaths(step: StepDefinition): DraftPath[] {
  return step.type === 'branch' && Array.isArray(step.paths) ? (step.paths as DraftPath[]) : [];
}

export function branchOtherwise(step: StepDefinition): DraftOtherwise | undefined {
  return step.type === 'branch' && isRecord(step.otherwise) ? (step.otherwise as unknown as DraftOtherwise) : undefined;
}

/** The nested step lists of a step, in document order. */
export function nestedLists(step: StepDefinition): Array<{ list: StepListId; steps: DraftStep[] }> {
  if (step.type === 'loop') return [{ list: 'steps', steps: asSteps(step.steps) }];
  if (step.type !== 'branch') return [];
  const lists: Array<{ list: StepListId; steps: DraftStep[] }> = branchPaths(step).map((path, index) => ({
    list: index,
    steps: asSteps(path.steps),
  }));
  const otherwise = branchOtherwise(step);
  if (otherwise) lists.push({ list: 'otherwise', steps: asSteps(otherwise.steps) });
  return lists;
}

export function getList(step: StepDefinition, list: StepListId): DraftStep[] | undefined {
  return nestedLists(step).find((candidate) => candidate.list === list)?.steps;
}

/** A copy of a container step with one of its lists replaced; unchanged when the list does not exist. */
export function setList(step: StepDefinition, list: StepListId, steps: DraftStep[]): StepDefinition {
  if (step.type === 'loop' && list === 'steps') return { ...step, steps };
  if (step.type !== 'branch') return step;
  if (list === 'otherwise') {
    const otherwise = branchOtherwise(step);
    return otherwise ? { ...step, otherwise: { ...otherwise, steps } } : step;
  }
  const paths = branchPaths(step);
  if (typeof list !== 'number' || !paths[list]) return step;
  return { ...step, paths: paths.map((path, index) => (index === list ? { ...path, steps } : path)) };
}

/** A draft step from a definition, nested steps included, each with a key of its own. */
export function draftStepFromDefinition(step: StepDefinition, makeKey: () => string): DraftStep {
  const key = makeKey();
  const toDrafts = (value: unknown) =>
    Array.isArray(value) ? (value as StepDefinition[]).map((inner) => draftStepFromDefinition(inner, makeKey)) : [];
  if (step.type === 'loop') return { key, step: { ...step, steps: toDrafts(step.steps) } };
  if (step.type === 'branch') {
    const paths = Array.isArray(step.paths)
      ? (step.paths as Array<Record<string, unknown>>).map((path) => ({ ...path, steps: toDrafts(path.steps) }))
      : [];
    const out: StepDefinition = { ...step, paths };
    if (isRecord(step.otherwise)) out.otherwise = { ...step.otherwise, steps: toDrafts(step.otherwise.steps) };
    return { key, step: out };
  }
  return { key, step: { ...step } };
}

/** One step met while walking a tree of steps. */
export interface StepVisit {
  entry: DraftStep;
  /** Where the step's list is, its position in it and the list itself. */
  ref: StepListRef;
  index: number;
  siblings: DraftStep[];
  /** The enclosing container steps, outermost first, with the list of each that holds this step. */
  ancestors: Array<{ entry: DraftStep; list: StepListId }>;
}

/** Every step in document order (a container before its nested steps). */
export function walkSteps(steps: DraftStep[], ancestors: StepVisit['ancestors'] = []): StepVisit[] {
  const out: StepVisit[] = [];
  const parent = ancestors[ancestors.length - 1];
  const ref: StepListRef = parent ? { parentKey: parent.entry.key, list: parent.list } : null;
  steps.forEach((entry, index) => {
    out.push({ entry, ref, index, siblings: steps, ancestors });
    for (const nested of nestedLists(entry.step)) out.push(...walkSteps(nested.steps, [...ancestors, { entry, list: nested.list }]));
  });
  return out;
}

export function findStep(steps: DraftStep[], key: string): StepVisit | undefined {
  return walkSteps(steps).find((visit) => visit.entry.key === key);
}

/** Every step id in the tree: ids are unique in the whole workflow, nested steps included. */
export function allStepIds(steps: DraftStep[]): string[] {
  return walkSteps(steps).map((visit) => visit.entry.step.id);
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

/** What to call a list in the interface: "Path 2 (Europe)", "Otherwise", "For each item". */
export function listLabel(step: StepDefinition, list: StepListId): string {
  if (list === 'steps') return 'For each item';
  if (list === 'otherwise') return branchOtherwise(step)?.name || 'Otherwise';
  const name = branchPaths(step)[list]?.name;
  return name ? `Path ${list + 1} (${name})` : `Path ${list + 1}`;
}
