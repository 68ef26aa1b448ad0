import { StepError } from '../../runner/step-error';
import type { StepHandler } from '../../runner/step-handler';
import { DELAY_UNIT_MS } from '../delay/delay.schema';
import { evaluateField } from '../shared/evaluate-field';
import type { SubworkflowStep } from './subworkflow.schema';

const FINISHED = ['succeeded', 'filtered'];
const FAILED = ['failed', 'cancelled'];

/**
 * `subworkflow`: asks the host to start the child run (once per step key; a later execution gets
 * the same child) and, in mode `wait`, halts the run as `waiting` without a journal entry until the
 * child ends (the host wakes the caller) or the timeout comes; then the child's answer is the output.
 */
export const subworkflowHandler: StepHandler<SubworkflowStep> = async ({ step, key, context, ports, evaluate }) => {
  if (!ports.workflows) {
    throw new StepError({
      code: 'SUBWORKFLOW_UNAVAILABLE',
      message: 'This host cannot start other workflows',
      kind: 'system',
      retryable: false,
    });
  }
  const input =
    step.input === undefined ? context.trigger.body : await evaluateField({ field: 'input', source: step.input, context, evaluate });
  const reachedAt = ports.clock.now();
  const wait = step.mode === 'wait';
  const child = await ports.workflows.call({
    key,
    workflowId: step.workflowId,
    input: input ?? null,
    wait,
    timeoutAt: reachedAt + Math.round(step.timeoutAmount * DELAY_UNIT_MS[step.timeoutUnit]),
  });
  if (!wait) return { output: { runId: child.runId, status: 'started' } };
  if (FINISHED.includes(child.status)) return { output: { runId: child.runId, status: child.status, output: child.output ?? null } };
  if (FAILED.includes(child.status)) {
    throw new StepError({
      code: child.error?.code ?? 'CHILD_RUN_FAILED',
      message: `The workflow run ${child.runId} failed: ${child.error?.message ?? child.status}`.slice(0, 1000),
      kind: 'user',
      retryable: false,
      details: { childRunId: child.runId, ...(child.error?.stepId ? { childStepId: child.error.stepId } : {}) },
    });
  }
  if (ports.clock.now() >= child.timeoutAt) {
    throw new StepError({
      code: 'SUBWORKFLOW_TIMED_OUT',
      message: `The workflow run ${child.runId} had not finished by ${new Date(child.timeoutAt).toISOString()}`,
      kind: 'user',
      retryable: false,
      details: { childRunId: child.runId },
    });
  }
  const output = { runId: child.runId, status: child.status, timeoutAt: new Date(child.timeoutAt).toISOString() };
  return { output, halt: { reason: 'waiting', resumeAt: child.timeoutAt }, journal: false };
};
