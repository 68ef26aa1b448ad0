import { checkIncomingWebhookTarget } from '../shared/app-step-checks';
import { OUTBOUND_RETRY_POLICY, type StepKit } from '../step-kit';
import { slackHandler } from './slack.handler';
import { slackStepSchema } from './slack.schema';

export const slackKit: StepKit<'slack'> = {
  type: 'slack',
  label: 'Slack',
  description: 'Posts a message to a Slack channel through an incoming webhook.',
  category: 'app',
  schema: slackStepSchema,
  handler: slackHandler,
  outbound: true,
  retry: OUTBOUND_RETRY_POLICY,
  check(step, fields) {
    checkIncomingWebhookTarget(step, fields);
    fields.template('text', step.text);
    fields.expression('blocks', step.blocks);
    fields.template('username', step.username);
    fields.template('iconEmoji', step.iconEmoji);
  },
};
