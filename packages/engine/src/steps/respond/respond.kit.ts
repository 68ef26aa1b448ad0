import { NO_RETRY_POLICY, type StepKit } from '../step-kit';
import { respondHandler } from './respond.handler';
import { respondStepSchema } from './respond.schema';

export const respondKit: StepKit<'respond'> = {
  type: 'respond',
  label: 'Answer the sender',
  description: 'Sets the HTTP answer to the request that started the run, for triggers that wait for it.',
  category: 'flow',
  schema: respondStepSchema,
  handler: respondHandler,
  outbound: false,
  retry: NO_RETRY_POLICY,
  check(step, fields) {
    fields.templates('headers', step.headers);
    fields.expression('body', step.body);
  },
  answersSender: true,
};
