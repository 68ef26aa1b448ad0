import { z } from 'zod';
import { expressionSchema, stepBaseShape, templateSchema } from './step-base.schema';

export const HTTP_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD'] as const;

/** Default and maximum time an outbound HTTP call may take, in milliseconds. */
export const HTTP_DEFAULT_TIMEOUT_MS = 10_000;
export const HTTP_MAX_TIMEOUT_MS = 120_000;

/**
 * `http`: sends a request. `url` and header values are text with `{{ expression }}` placeholders;
 * `body` is a JSONata expression whose result is sent as JSON (or as text when it is a string).
 * A non-2xx answer fails the step with the status and an excerpt of the body.
 */
export const httpStepSchema = z.strictObject({
  ...stepBaseShape,
  type: z.literal('http'),
  method: z.enum(HTTP_METHODS).default('POST').describe('HTTP method'),
  url: templateSchema.min(1, 'must not be empty').describe('Target URL; may contain {{ expression }} placeholders'),
  headers: z
    .record(z.string().min(1).max(256), templateSchema)
    .default({})
    .describe('Request headers; values may contain {{ expression }} placeholders'),
  body: expressionSchema.optional().describe('JSONata expression whose result is the request body'),
  timeoutMs: z
    .number()
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(HTTP_MAX_TIMEOUT_MS, `must be at most ${HTTP_MAX_TIMEOUT_MS}`)
    .default(HTTP_DEFAULT_TIMEOUT_MS)
    .describe('Time limit of the call in milliseconds'),
});
export type HttpStep = z.infer<typeof httpStepSchema>;
