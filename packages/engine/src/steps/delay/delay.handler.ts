import { parseIsoDate } from '../../expressions/functions/date-functions';
import { DELAY_MAX_MS, DELAY_UNIT_MS, type DelayStep } from './delay.schema';
import { StepError } from '../../runner/step-error';
import type { StepHandler } from '../../runner/step-handler';
import { evaluateField } from '../shared/evaluate-field';

/**
 * `delay`: computes when to resume, from the clock when the step is reached. Output
 * `{ resumeAt: ISO }`; when that is in the future the run halts as `waiting` (the entry is
 * journaled, so on resume the step is reused and the run goes on once the clock has passed it).
 */
export const delayHandler: StepHandler<DelayStep> = async ({ step, context, ports, evaluate }) => {
  const reachedAt = ports.clock.now();
  let resumeAt: number;
  if (step.mode === 'for') {
    resumeAt = reachedAt + Math.round((step.amount ?? 0) * DELAY_UNIT_MS[step.unit]);
  } else {
    const value = await evaluateField({ field: 'until', source: step.until ?? '', context, evaluate });
    const ms = typeof value === 'number' ? value : typeof value === 'string' ? parseIsoDate(value) : undefined;
    if (ms === undefined || !Number.isFinite(ms)) {
      throw new StepError({
        code: 'DELAY_INVALID_TIME',
        message: `until: expected an ISO 8601 time or epoch milliseconds, got ${JSON.stringify(value) ?? 'nothing'}`.slice(0, 300),
        kind: 'user',
        retryable: false,
        field: 'until',
      });
    }
    resumeAt = Math.round(ms);
  }
  if (resumeAt - reachedAt > DELAY_MAX_MS) {
    throw new StepError({
      code: 'DELAY_TOO_LONG',
      message: `The delay ends ${new Date(resumeAt).toISOString()}, more than 30 days ahead`,
      kind: 'user',
      retryable: false,
      field: step.mode === 'for' ? 'amount' : 'until',
    });
  }
  const output = { resumeAt: new Date(resumeAt).toISOString() };
  return resumeAt > reachedAt ? { output, halt: { reason: 'waiting', resumeAt } } : { output };
};
