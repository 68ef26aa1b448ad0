import { z } from 'zod';
import { inboundRequestSchema } from '../requests/requests.schema';

/**
 * `POST /api/workflows/:id/test-event`: a provider-shaped sample event (GitHub push, Stripe
 * payment_intent.succeeded, Shopify orders/create, Slack message, Typeform response, Standard
 * Webhooks; a plain JSON order otherwise), signed with the trigger's stored secret and sent through
 * its trigger URL, so it is verified and recorded like a real delivery.
 */
export const testEventResultSchema = z.strictObject({
  /** What was sent, in words: `GitHub push`. */
  label: z.string(),
  scheme: z.string().nullable(),
  /** False when the trigger checks a signature but has no stored secret to sign with. */
  signed: z.boolean(),
  /** What the trigger URL answered (202 accepted, 401 refused...). */
  statusCode: z.number().int(),
  /** The request as recorded (the Inbox's entry), when it was. */
  request: inboundRequestSchema.nullable(),
});
export type TestEventResult = z.infer<typeof testEventResultSchema>;
