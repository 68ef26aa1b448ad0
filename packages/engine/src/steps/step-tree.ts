import type { Step } from './step.schema';
import { findStepKit } from './step-kits';
import { isRecord, type StepList, type StepListId, type StepListsOf } from './step-lists';

// The one walker of the nested step tree (branch paths and loops hold steps). The container kits
// say where their lists are (`StepKit.lists`); everything here is generic over what a list holds:
// validated steps, a definition not validated yet, or the builder's draft entries (`stepOf`).

/** How a container step holds its lists, or `undefined` for a step that holds none (or is not a step). */
export function stepListsOf(step: unknown): StepListsOf | undefined {
  return isRecord(step) ? findStepKit(step.type)?.lists : undefined;
}

/**
 * The nested step lists of a step, in document order, each with its id and its path relative to
 * the step (`paths[0].steps`). None for steps that hold no steps. Safe on unvalidated input: lists
 * that are not arrays are left out. `E` is what the lists hold (steps by default).
 */
export function childStepLists<E = Step>(step: unknown): Array<StepList<E>> {
  const lists = stepListsOf(step);
  return lists ? (lists.read(step as Record<string, unknown>) as Array<StepList<E>>) : [];
}

/** A copy of `step` with its nested list `id` replaced by `steps`; `step` itself when it has no such list. */
export function withChildStepList<S>(step: S, id: StepListId, steps: readonly unknown[]): S {
  const lists = stepListsOf(step);
  return lists ? (lists.write(step as Record<string, unknown>, id, [...steps]) as S) : step;
}

/** A copy of `step` whose nested lists went through `map`; `step` itself when it holds none. */
export function mapChildStepLists<S, E = Step>(step: S, map: (steps: E[], list: StepList<E>) => readonly unknown[]): S {
  let out = step;
  for (const list of childStepLists<E>(step)) out = withChildStepList(out, list.id, map(list.steps, list));
  return out;
}

/** A container step enclosing a visited step, and which of its lists holds it. */
export interface StepAncestor<E> {
  entry: E;
  list: StepListId;
  /** The list runs once per item (a loop): outputs inside are not visible outside it. */
  perItem: boolean;
}

/** One step met while walking a tree of steps. */
export interface StepVisit<E> {
  entry: E;
  /** Its path from the root list, as validation issues name it: `steps[2].paths[0].steps[1]`. */
  path: string;
  /** Its position in its list, and the list itself. */
  index: number;
  siblings: readonly E[];
  /** The enclosing container steps, outermost first, each with the list that holds this step. */
  ancestors: ReadonlyArray<StepAncestor<E>>;
}

export interface WalkOptions<E> {
  /** The step an entry holds (the builder's draft entries hold it in `step`); the entry itself by default. */
  stepOf?: (entry: E) => unknown;
  /** Path of the root list (default `steps`). */
  path?: string;
}

/**
 * Every step of a tree in document order, a container before its nested steps, each with its path
 * and its ancestors. Iterative, so a deep tree does not overflow the stack (validation still bounds
 * the depth before parsing, see `checkStepNesting`).
 */
export function walkSteps<E = Step>(steps: readonly E[], options: WalkOptions<E> = {}): Array<StepVisit<E>> {
  const stepOf = options.stepOf ?? ((entry: E) => entry);
  const out: Array<StepVisit<E>> = [];
  const stack: Array<Visit<E>> = [];
  const pushList = (list: readonly E[], path: string, up: AncestorLink<E> | undefined) => {
    for (let index = list.length - 1; index >= 0; index--) stack.push(new Visit(list[index], `${path}[${index}]`, index, list, up));
  };
  pushList(steps, options.path ?? 'steps', undefined);
  while (stack.length > 0) {
    const visit = stack.pop() as Visit<E>;
    out.push(visit);
    const step = stepOf(visit.entry);
    const perItem = stepListsOf(step)?.perItem ?? false;
    const lists = childStepLists<E>(step);
    for (let i = lists.length - 1; i >= 0; i--) {
      const list = lists[i];
      pushList(list.steps, `${visit.path}.${list.path}`, { ancestor: { entry: visit.entry, list: list.id, perItem }, up: visit.up });
    }
  }
  return out;
}

/** The ancestors of a visit as a chain up to the root, so that a deep tree costs no copies. */
interface AncestorLink<E> {
  ancestor: StepAncestor<E>;
  up: AncestorLink<E> | undefined;
}

class Visit<E> implements StepVisit<E> {
  private list?: ReadonlyArray<StepAncestor<E>>;

  constructor(
    readonly entry: E,
    readonly path: string,
    readonly index: number,
    readonly siblings: readonly E[],
    readonly up: AncestorLink<E> | undefined,
  ) {}

  get ancestors(): ReadonlyArray<StepAncestor<E>> {
    if (!this.list) {
      const list: Array<StepAncestor<E>> = [];
      for (let link = this.up; link; link = link.up) list.push(link.ancestor);
      this.list = list.reverse();
    }
    return this.list;
  }
}

/** The first step of a tree (in document order) that `match` accepts, with where it is. */
export function findStepVisit<E = Step>(
  steps: readonly E[],
  match: (entry: E) => boolean,
  options: WalkOptions<E> = {},
): StepVisit<E> | undefined {
  return walkSteps(steps, options).find((visit) => match(visit.entry));
}

/** The step with the id `id` at any depth (ids are unique across branches and loops). */
export function findStepById(steps: readonly Step[], id: string): Step | undefined {
  return findStepVisit(steps, (step) => step.id === id)?.entry;
}

/**
 * The journal key prefix of the steps of list `list` of the container step whose journal key is
 * `key` (`route.0.`, `orders[3].`; `item` is the loop item).
 */
export function nestedJournalPrefix(params: { step: unknown; key: string; list: StepListId; item?: number }): string {
  const lists = stepListsOf(params.step);
  if (!lists) throw new Error(`A step of type ${String((params.step as { type?: unknown }).type)} holds no steps`);
  return lists.journalPrefix({ key: params.key, id: params.list, item: params.item });
}
