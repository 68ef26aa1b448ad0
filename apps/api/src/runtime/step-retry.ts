import { defaultRetryPolicy, nextRetry, type RunVerdict, type WorkflowDefinition } from '@switchyard/engine';

/**
 * A failed run whose failing step may be tried again: how long to wait (see the step's retry
 * policy), or null. `attempts` counts each step's attempts in this run, as the checkpoints returned them.
 */
export function stepRetry(definition: WorkflowDefinition, verdict: RunVerdict, attempts: Map<string, number>): { delayMs: number } | null {
  if (verdict.status !== 'failed' || !verdict.error?.stepId) return null;
  const failed = verdict.steps.find((s) => s.stepId === verdict.error?.stepId);
  const step = findStep(definition.steps, (failed as { definitionStepId?: string } | undefined)?.definitionStepId ?? verdict.error.stepId);
  const policy = step?.retry ?? defaultRetryPolicy(failed?.type ?? step?.type ?? '');
  return nextRetry({
    policy: { ...defaultRetryPolicy('http'), ...policy },
    attempts: attempts.get(verdict.error.stepId) ?? 1,
    error: verdict.error,
    random: Math.random(),
  });
}

type AnyStep = WorkflowDefinition['steps'][number];

/** Finds a step by id at any depth (ids are unique across branches and loops). */
function findStep(steps: unknown, id: string): AnyStep | undefined {
  if (!Array.isArray(steps) && (steps === null || typeof steps !== 'object')) return undefined;
  for (const value of Array.isArray(steps) ? steps : Object.values(steps as object)) {
    if (value === null || typeof value !== 'object') continue;
    if ((value as { id?: unknown }).id === id && typeof (value as { type?: unknown }).type === 'string') return value as AnyStep;
    const nested = findStep(value, id);
    if (nested) return nested;
  }
  return undefined;
}
