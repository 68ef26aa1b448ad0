import { z } from 'zod';
import { APP_DEFAULT_TIMEOUT_MS, incomingWebhookShape } from '../shared/app-step.schema';
import { timeoutSchema } from '../http/http.schema';
import { stepBaseShape, templateSchema } from '../shared/step-base.schema';

/**
 * `teams`: posts a message to a Microsoft Teams channel through a Workflows ("Post to a channel when
 * a webhook request is received") incoming webhook, as an Adaptive Card (version 1.4) with a bold
 * title and the wrapped text. Output: `{ status, headers, body }`.
 */
export const teamsStepSchema = z.strictObject({
  ...stepBaseShape,
  type: z.literal('teams'),
  ...incomingWebhookShape,
  title: templateSchema
    .max(1000, 'must be at most 1,000 characters')
    .optional()
    .describe('Title of the card (bold, large); may contain {{ expression }} placeholders'),
  text: templateSchema
    .min(1, 'must not be empty')
    .describe('Text of the card (Adaptive Card markdown); may contain {{ expression }} placeholders'),
  timeoutMs: timeoutSchema(APP_DEFAULT_TIMEOUT_MS),
});
export type TeamsStep = z.infer<typeof teamsStepSchema>;
