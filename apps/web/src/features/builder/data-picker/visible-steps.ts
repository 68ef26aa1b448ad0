import { listLabel, type StepVisit, walkSteps } from '../state/step-tree';
import type { DraftStep } from '../state/step-draft';

/**
 * The steps whose outputs the selected step can read, in document order: the steps before it,
 * without the steps it is nested in and without the insides of loops it is not in. `loop` is the
 * innermost loop around it, whose `$item` and `$index` it sees. Nothing selected: every step it
 * could read after the last one.
 */
export function visibleSteps(params: { steps: DraftStep[]; selectedKey: string | null }): {
  earlier: DraftStep[];
  /** What the data panel calls each of `earlier`, by key: "Branch A › Step 1" inside a branch. */
  labels: Record<string, string>;
  loop: DraftStep | null;
} {
  const visits = walkSteps(params.steps);
  const position = params.selectedKey === null ? -1 : visits.findIndex((visit) => visit.entry.key === params.selectedKey);
  const target = position === -1 ? undefined : visits[position];
  const enclosing = new Set((target?.ancestors ?? []).map((ancestor) => ancestor.entry.key));
  const seen = (position === -1 ? visits : visits.slice(0, position))
    .filter((visit) => !enclosing.has(visit.entry.key))
    .filter((visit) => visit.ancestors.every((ancestor) => !ancestor.perItem || enclosing.has(ancestor.entry.key)));
  const earlier = seen.map((visit) => visit.entry);
  const labels = Object.fromEntries(seen.map((visit) => [visit.entry.key, stepTrail(visit)]));
  const loop = [...(target?.ancestors ?? [])].reverse().find((ancestor) => ancestor.perItem)?.entry ?? null;
  return { earlier, labels, loop };
}

/** A step's name with the lists it is nested in: "Branch A › Step 1", "Otherwise › Notify", "Each order › Post". */
export function stepTrail(visit: Pick<StepVisit, 'entry' | 'ancestors'>): string {
  const lists = visit.ancestors.map((ancestor) => {
    if (ancestor.perItem) return ancestor.entry.step.name || ancestor.entry.step.id;
    const label = listLabel(ancestor.entry.step, ancestor.list);
    // "Path 1 (Branch A)": the path's own name is what the user typed and sees on the card.
    return /^Path \d+ \((.+)\)$/.exec(label)?.[1] ?? label;
  });
  return [...lists, visit.entry.step.name || visit.entry.step.id].join(' › ');
}
