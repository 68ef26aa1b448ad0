import { StepError } from '../../runner/step-error';
import type { StepHandler } from '../../runner/step-handler';
import { DELAY_UNIT_MS } from '../delay/delay.schema';
import type { WaitStep } from './wait.schema';

/**
 * `wait`: opens the step's wait with the host (once: later executions find the same one) and, while
 * nobody has answered and the timeout has not come, halts the run as `waiting` until the timeout,
 * without a journal entry, so that the step asks again when the run is woken (by the answer or the
 * timeout). Once answered, the answer is the output.
 */
export const waitHandler: StepHandler<WaitStep> = async ({ step, key, ports }) => {
  if (!ports.waits) {
    throw new StepError({ code: 'WAIT_UNAVAILABLE', message: 'This host cannot hold a run waiting', kind: 'system', retryable: false });
  }
  const reachedAt = ports.clock.now();
  const wait = await ports.waits.open({
    key,
    mode: step.mode,
    timeoutAt: reachedAt + Math.round(step.timeoutAmount * DELAY_UNIT_MS[step.timeoutUnit]),
  });
  const link = step.mode === 'callback' ? { resumeUrl: wait.resumeUrl } : { approvalUrl: wait.approvalUrl };
  const resolution = wait.resolution;
  if (!resolution) {
    const output = { status: 'waiting', mode: step.mode, ...link, timeoutAt: new Date(wait.timeoutAt).toISOString() };
    return { output, halt: { reason: 'waiting', resumeAt: wait.timeoutAt }, journal: false };
  }
  const { outcome, at } = resolution;
  if (outcome === 'timed_out' && step.onTimeout === 'fail') {
    throw new StepError({
      code: 'WAIT_TIMED_OUT',
      message: `Nobody answered before ${new Date(wait.timeoutAt).toISOString()}`,
      kind: 'user',
      retryable: false,
    });
  }
  if (outcome === 'rejected' && step.onReject === 'fail') {
    throw new StepError({
      code: 'WAIT_REJECTED',
      message: `Rejected${resolution.by ? ` by ${resolution.by}` : ''} at ${at}`,
      kind: 'user',
      retryable: false,
      details: { by: resolution.by ?? null, at },
    });
  }
  if (outcome === 'resumed') return { output: { status: outcome, body: resolution.body ?? null, at } };
  if (outcome === 'timed_out') return { output: { status: outcome, at } };
  return { output: { status: outcome, decision: outcome === 'approved' ? 'approve' : 'reject', by: resolution.by ?? null, at } };
};
