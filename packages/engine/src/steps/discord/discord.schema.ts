import { z } from 'zod';
import { APP_DEFAULT_TIMEOUT_MS, incomingWebhookShape } from '../shared/app-step.schema';
import { timeoutSchema } from '../http/http.schema';
import { expressionSchema, stepBaseShape, templateSchema } from '../shared/step-base.schema';

/**
 * `discord`: posts a message to a Discord webhook: `{ content, username?, avatar_url?, embeds? }`.
 * Discord answers 204 without a body. Output: `{ status, headers, body }`.
 */
export const discordStepSchema = z.strictObject({
  ...stepBaseShape,
  type: z.literal('discord'),
  ...incomingWebhookShape,
  content: templateSchema
    .min(1, 'must not be empty')
    .max(2000, 'must be at most 2,000 characters')
    .describe('Message text (Discord markdown); may contain {{ expression }} placeholders'),
  username: templateSchema
    .max(80, 'must be at most 80 characters')
    .optional()
    .describe('Name shown as the sender instead of the webhook name'),
  avatarUrl: templateSchema
    .max(2048, 'must be at most 2,048 characters')
    .optional()
    .describe('URL of the avatar image shown with the message'),
  embeds: expressionSchema.optional().describe('JSONata expression giving an array of embeds (at most 10)'),
  timeoutMs: timeoutSchema(APP_DEFAULT_TIMEOUT_MS),
});
export type DiscordStep = z.infer<typeof discordStepSchema>;
