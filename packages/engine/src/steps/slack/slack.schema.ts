import { z } from 'zod';
import { APP_DEFAULT_TIMEOUT_MS, incomingWebhookShape } from '../shared/app-step.schema';
import { timeoutSchema } from '../http/http.schema';
import { expressionSchema, stepBaseShape, templateSchema } from '../shared/step-base.schema';

/**
 * `slack`: posts a message to a Slack incoming webhook: `{ text, blocks?, username?, icon_emoji? }`.
 * `text` is also the notification text when `blocks` (a JSONata expression giving Block Kit blocks)
 * is set. Output: `{ status, headers, body }` of Slack's answer (`ok`).
 */
export const slackStepSchema = z.strictObject({
  ...stepBaseShape,
  type: z.literal('slack'),
  ...incomingWebhookShape,
  text: templateSchema.min(1, 'must not be empty').describe('Message text (Slack mrkdwn); may contain {{ expression }} placeholders'),
  blocks: expressionSchema.optional().describe('JSONata expression giving an array of Block Kit blocks'),
  username: templateSchema
    .max(80, 'must be at most 80 characters')
    .optional()
    .describe('Name shown as the sender (when the webhook allows it)'),
  iconEmoji: templateSchema.max(100, 'must be at most 100 characters').optional().describe('Emoji shown as the avatar, e.g. :rocket:'),
  timeoutMs: timeoutSchema(APP_DEFAULT_TIMEOUT_MS),
});
export type SlackStep = z.infer<typeof slackStepSchema>;
