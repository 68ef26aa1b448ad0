import { OUTBOUND_STEP_TYPES } from '@switchyard/engine';
import type { ReplayOptions, StepRun } from '../../../api';

/** A step that calls out and that a replay would send again. */
export interface ResentStep {
  key: string;
  name: string;
  type: string;
}

function flatten(steps: StepRun[]): StepRun[] {
  return steps.flatMap((step) => [
    step,
    // A branch the run reached counts its taken paths; one it did not reach may take any.
    ...flatten((step.paths ?? []).filter((path, _, all) => path.taken || !all.some((p) => p.taken)).flatMap((path) => path.steps)),
    ...flatten((step.items ?? []).flatMap((item) => item.steps)),
  ]);
}

/**
 * The steps that call out (HTTP, apps, e-mail) and a replay of this run would send again: from the
 * start, every one on the run's path; from the failed step, those this run did not complete (a
 * completed step's result is reused, not sent). Paths not taken are left out; a step inside a loop
 * is named once.
 */
export function replaySideEffects(params: { steps: StepRun[]; from: ReplayOptions['from'] }): ResentStep[] {
  const outbound = new Set<string>(OUTBOUND_STEP_TYPES);
  const seen = new Set<string>();
  return flatten(params.steps)
    .filter((step) => outbound.has(step.type) && step.status !== 'skipped')
    .filter((step) => params.from === 'start' || step.status !== 'succeeded')
    .filter((step) => !seen.has(step.id) && Boolean(seen.add(step.id)))
    .map((step) => ({ key: step.key, name: step.name ?? step.id, type: step.type }));
}
