import { z } from 'zod';
import { credentialIdSchema, expressionSchema } from '../../steps/shared/step-base.schema';

/** Shortest and longest poll interval, in minutes. */
export const MIN_POLL_INTERVAL_MINUTES = 1;
export const MAX_POLL_INTERVAL_MINUTES = 1440;
/** Most new items one poll starts runs for; the rest wait for the next poll. */
export const MAX_ITEMS_PER_POLL = 100;

const headerNameSchema = z
  .string()
  .min(1, 'must not be empty')
  .max(256, 'must be at most 256 characters')
  .regex(/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/, 'must be a valid HTTP header name');

/**
 * The polling trigger, for services without webhooks: every `intervalMinutes`, call `endpoint` (through
 * the egress guard, with `headers` and the stored credential `credentialId`), evaluate `items`
 * (JSONata over `{ status, headers, body }`, default `body`) to a list, and start one run per item
 * whose `key` (JSONata over the item, e.g. `id`) was never seen. The first poll only records the keys
 * that exist; a failed poll is recorded with its reason and tried again at the next interval; an
 * empty list is not taken for deletions (seen keys are kept).
 */
export const pollTriggerSchema = z.strictObject({
  type: z.literal('poll'),
  endpoint: z
    .url({ protocol: /^https?$/, error: 'must be an http(s) URL' })
    .max(2048, 'must be at most 2048 characters')
    .describe('URL to call (named endpoint: `url` is where a trigger is reached)'),
  method: z.enum(['GET', 'POST']).default('GET').describe('HTTP method'),
  headers: z.record(headerNameSchema, z.string().max(8192, 'must be at most 8192 characters')).optional().describe('Request headers'),
  body: z.string().max(100_000, 'must be at most 100,000 characters').optional().describe('Request body (POST), sent as is'),
  credentialId: credentialIdSchema.optional().describe('Stored credential that authenticates the call'),
  intervalMinutes: z
    .number()
    .int('must be a whole number')
    .min(MIN_POLL_INTERVAL_MINUTES, `must be at least ${MIN_POLL_INTERVAL_MINUTES}`)
    .max(MAX_POLL_INTERVAL_MINUTES, `must be at most ${MAX_POLL_INTERVAL_MINUTES}`)
    .describe('Minutes between polls'),
  items: expressionSchema.default('body').describe('JSONata over { status, headers, body } giving the list of items'),
  key: expressionSchema.describe('JSONata over one item giving its unique key, e.g. id'),
});
export type PollTrigger = z.infer<typeof pollTriggerSchema>;
