import { z } from 'zod';

export const TRIGGER_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
export const DEFAULT_TRIGGER_METHODS: ReadonlyArray<(typeof TRIGGER_METHODS)[number]> = ['GET', 'POST', 'PUT', 'PATCH'];

/**
 * The webhook trigger. `methods` lists the HTTP methods the trigger URL accepts (default GET, POST,
 * PUT, PATCH); others are answered 405 and recorded.
 */
export const webhookTriggerSchema = z.strictObject({
  type: z.literal('webhook'),
  methods: z.array(z.enum(TRIGGER_METHODS)).min(1, 'must list at least one method').optional(),
});
export type WebhookTrigger = z.infer<typeof webhookTriggerSchema>;
