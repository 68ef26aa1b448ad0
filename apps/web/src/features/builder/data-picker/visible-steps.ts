import { walkSteps } from '../state/step-tree';
import type { DraftStep } from '../state/step-draft';

/**
 * The steps whose outputs the selected step can read, in document order: the steps before it,
 * without the steps it is nested in and without the insides of loops it is not in. `loop` is the
 * innermost loop around it, whose `$item` and `$index` it sees. Nothing selected: every step it
 * could read after the last one.
 */
export function visibleSteps(params: { steps: DraftStep[]; selectedKey: string | null }): { earlier: DraftStep[]; loop: DraftStep | null } {
  const visits = walkSteps(params.steps);
  const position = params.selectedKey === null ? -1 : visits.findIndex((visit) => visit.entry.key === params.selectedKey);
  const target = position === -1 ? undefined : visits[position];
  const enclosing = new Set((target?.ancestors ?? []).map((ancestor) => ancestor.entry.key));
  const earlier = (position === -1 ? visits : visits.slice(0, position))
    .filter((visit) => !enclosing.has(visit.entry.key))
    .filter((visit) => visit.ancestors.every((ancestor) => !ancestor.perItem || enclosing.has(ancestor.entry.key)))
    .map((visit) => visit.entry);
  const loop = [...(target?.ancestors ?? [])].reverse().find((ancestor) => ancestor.perItem)?.entry ?? null;
  return { earlier, loop };
}
