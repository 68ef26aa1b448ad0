import { NO_RETRY_POLICY, type StepKit } from '../step-kit';
import { isRecord } from '../step-lists';
import { delayHandler } from './delay.handler';
import { delayStepSchema } from './delay.schema';

export const delayKit: StepKit<'delay'> = {
  type: 'delay',
  label: 'Wait',
  description: 'Pauses the run for a duration, or until a time; the run waits and resumes then.',
  category: 'flow',
  schema: delayStepSchema,
  handler: delayHandler,
  outbound: false,
  retry: NO_RETRY_POLICY,
  check(step, fields) {
    fields.expression('until', step.until);
  },
  replay: {
    // The entry is journaled when the delay starts: reused, it waits until its time has come.
    halt({ output, now }) {
      const resumeAt = isRecord(output) && typeof output.resumeAt === 'string' ? Date.parse(output.resumeAt) : Number.NaN;
      return Number.isFinite(resumeAt) && resumeAt > now() ? { reason: 'waiting', resumeAt } : undefined;
    },
  },
};
