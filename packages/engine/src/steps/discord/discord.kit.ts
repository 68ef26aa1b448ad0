import { checkIncomingWebhookTarget } from '../shared/app-step-checks';
import { OUTBOUND_RETRY_POLICY, type StepKit } from '../step-kit';
import { discordHandler } from './discord.handler';
import { discordStepSchema } from './discord.schema';

export const discordKit: StepKit<'discord'> = {
  type: 'discord',
  label: 'Discord',
  description: 'Posts a message to a Discord channel through a webhook.',
  category: 'app',
  schema: discordStepSchema,
  handler: discordHandler,
  outbound: true,
  retry: OUTBOUND_RETRY_POLICY,
  check(step, fields) {
    checkIncomingWebhookTarget(step, fields);
    fields.template('content', step.content);
    fields.template('username', step.username);
    fields.template('avatarUrl', step.avatarUrl);
    fields.expression('embeds', step.embeds);
  },
};
