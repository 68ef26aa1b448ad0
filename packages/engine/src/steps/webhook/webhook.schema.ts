import { z } from 'zod';
import { APP_DEFAULT_TIMEOUT_MS } from '../shared/app-step.schema';
import { timeoutSchema } from '../http/http.schema';
import { credentialIdSchema, expressionSchema, stepBaseShape, templateSchema } from '../shared/step-base.schema';

/**
 * `webhook` (Send signed webhook): POSTs JSON signed the Standard Webhooks way with a stored
 * `webhook-signing-secret`. The body is the result of `body`; with `eventType` it is wrapped in the
 * Standard Webhooks envelope `{ type, timestamp, data }`. Headers `webhook-id`
 * (`msg_<runId>_<stepId>`, stable across retries), `webhook-timestamp` and `webhook-signature`.
 * Output: `{ status, headers, body, webhookId }`.
 */
export const webhookStepSchema = z.strictObject({
  ...stepBaseShape,
  type: z.literal('webhook'),
  url: templateSchema.min(1, 'must not be empty').describe('Receiver URL; may contain {{ expression }} placeholders'),
  body: expressionSchema.describe('JSONata expression whose result is the payload'),
  credentialId: credentialIdSchema.describe('Stored signing secret (credential type webhook-signing-secret)'),
  eventType: templateSchema
    .max(256, 'must be at most 256 characters')
    .optional()
    .describe(
      'Event type, e.g. order.created: sends { type, timestamp, data } with the payload as data; may contain {{ expression }} placeholders',
    ),
  timeoutMs: timeoutSchema(APP_DEFAULT_TIMEOUT_MS),
});
export type WebhookStep = z.infer<typeof webhookStepSchema>;
