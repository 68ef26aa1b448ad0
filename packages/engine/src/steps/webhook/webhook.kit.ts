import { OUTBOUND_RETRY_POLICY, type StepKit } from '../step-kit';
import { webhookHandler } from './webhook.handler';
import { webhookStepSchema } from './webhook.schema';

export const webhookKit: StepKit<'webhook'> = {
  type: 'webhook',
  label: 'Signed webhook',
  description: 'POSTs JSON signed the Standard Webhooks way with a stored signing secret.',
  category: 'app',
  schema: webhookStepSchema,
  handler: webhookHandler,
  outbound: true,
  retry: OUTBOUND_RETRY_POLICY,
  check(step, fields) {
    fields.template('url', step.url);
    fields.httpUrl('url', step.url);
    fields.expression('body', step.body);
    fields.template('eventType', step.eventType);
  },
};
