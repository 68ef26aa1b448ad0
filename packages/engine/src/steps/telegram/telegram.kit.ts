import { OUTBOUND_RETRY_POLICY, type StepKit } from '../step-kit';
import { telegramHandler } from './telegram.handler';
import { telegramStepSchema } from './telegram.schema';

export const telegramKit: StepKit<'telegram'> = {
  type: 'telegram',
  label: 'Telegram',
  description: 'Sends a message to a chat with a Telegram bot.',
  category: 'app',
  schema: telegramStepSchema,
  handler: telegramHandler,
  outbound: true,
  retry: OUTBOUND_RETRY_POLICY,
  check(step, fields) {
    fields.template('chatId', step.chatId);
    fields.template('text', step.text);
    if (step.apiBaseUrl !== undefined && !/^https?:\/\/[^/?#\s]+/i.test(step.apiBaseUrl.trim())) {
      fields.issue('apiBaseUrl', 'must be an http:// or https:// URL');
    }
  },
};
