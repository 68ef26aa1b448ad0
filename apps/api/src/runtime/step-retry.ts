import { defaultRetryPolicy, findStepVisit, nextRetry, type RunVerdict, type WorkflowDefinition } from '@switchyard/engine';

/**
 * A failed run whose failing step may be tried again: how long to wait (see the step's retry
 * policy), or null. `attempts` counts each step's attempts in this run, as the checkpoints returned them.
 */
export function stepRetry(definition: WorkflowDefinition, verdict: RunVerdict, attempts: Map<string, number>): { delayMs: number } | null {
  if (verdict.status !== 'failed' || !verdict.error?.stepId) return null;
  const failed = verdict.steps.find((s) => s.stepId === verdict.error?.stepId);
  const stepId = (failed as { definitionStepId?: string } | undefined)?.definitionStepId ?? verdict.error.stepId;
  const step = findStepVisit(definition.steps, (candidate) => candidate.id === stepId)?.entry;
  const policy = step?.retry ?? defaultRetryPolicy(failed?.type ?? step?.type ?? '');
  return nextRetry({
    policy: { ...defaultRetryPolicy('http'), ...policy },
    attempts: attempts.get(verdict.error.stepId) ?? 1,
    error: verdict.error,
    random: Math.random(),
  });
}
