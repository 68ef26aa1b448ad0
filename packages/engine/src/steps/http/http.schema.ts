import { z } from 'zod';
import { credentialIdSchema, expressionSchema, stepBaseShape, templateSchema } from '../shared/step-base.schema';

export const HTTP_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD'] as const;
/** Default and maximum time an outbound HTTP call may take, in milliseconds. */
export const HTTP_DEFAULT_TIMEOUT_MS = 10_000;
export const HTTP_MAX_TIMEOUT_MS = 120_000;

/**
 * How the request body is built: `json` from the JSONata expression `body` (a text result is sent
 * as text), `form` from the `form` fields (urlencoded), `raw` from the `raw` text template.
 */
export const HTTP_BODY_TYPES = ['json', 'form', 'raw'] as const;
export type HttpBodyType = (typeof HTTP_BODY_TYPES)[number];

/**
 * Standard Webhooks signing of a request: the body is signed with the `webhook-signing-secret`
 * credential `credentialId` and sent with `webhook-id` (`msg_<runId>_<stepId>`, stable across
 * retries), `webhook-timestamp` (seconds) and `webhook-signature` (`v1,<base64 HMAC-SHA256>`).
 */
export const webhookSigningSchema = z.strictObject({
  credentialId: credentialIdSchema.describe('Stored webhook signing secret (whsec_…) that signs the request'),
});

/** The `timeoutMs` field of steps that call out: at most {@link HTTP_MAX_TIMEOUT_MS}. */
export function timeoutSchema(defaultMs: number) {
  return z
    .number()
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(HTTP_MAX_TIMEOUT_MS, `must be at most ${HTTP_MAX_TIMEOUT_MS}`)
    .default(defaultMs)
    .describe('Time limit of the call in milliseconds');
}

const nameSchema = z.string().min(1, 'must not be empty').max(256, 'must be at most 256 characters');

/**
 * `http`: sends a request. `url`, query parameters and header values are text with
 * `{{ expression }}` placeholders. The body is built by `bodyType` (default `json`); GET and HEAD send
 * none. Every request but GET and HEAD carries `Idempotency-Key: <runId>:<stepId>` (stable across
 * retries of the same run and, by default, its replays, so receivers can drop duplicates) unless `idempotencyKey` is false or the
 * host gives no run id. A non-2xx answer fails the step with the status and an excerpt of the body
 * unless `failOnNon2xx` is false. `credentialId` names a stored credential whose headers the host
 * adds (and which the journal masks). `sign` signs the request the Standard Webhooks way.
 */
export const httpStepSchema = z.strictObject({
  ...stepBaseShape,
  type: z.literal('http'),
  method: z.enum(HTTP_METHODS).default('POST').describe('HTTP method'),
  url: templateSchema.min(1, 'must not be empty').describe('Target URL; may contain {{ expression }} placeholders'),
  query: z
    .record(nameSchema, templateSchema)
    .optional()
    .describe('Query parameters added to the URL (encoded); values may contain {{ expression }} placeholders; empty values are left out'),
  headers: z.record(nameSchema, templateSchema).default({}).describe('Request headers; values may contain {{ expression }} placeholders'),
  bodyType: z.enum(HTTP_BODY_TYPES).optional().describe('How the body is built: json (default), form or raw'),
  body: expressionSchema.optional().describe('JSONata expression whose result is sent as JSON (bodyType json)'),
  form: z
    .record(nameSchema, templateSchema)
    .optional()
    .describe('Form fields sent as application/x-www-form-urlencoded (bodyType form); values may contain {{ expression }} placeholders'),
  raw: templateSchema.optional().describe('Text sent as it is (bodyType raw); may contain {{ expression }} placeholders'),
  contentType: z
    .string()
    .max(256, 'must be at most 256 characters')
    .optional()
    .describe('Content type of a raw body (default text/plain; charset=utf-8); a Content-Type header wins'),
  failOnNon2xx: z.boolean().optional().describe('Fail the step when the answer is not 2xx (default true)'),
  idempotencyKey: z.boolean().optional().describe('Send an Idempotency-Key header, stable per run and step (default true)'),
  credentialId: credentialIdSchema.optional().describe('Stored credential that authenticates the request'),
  sign: webhookSigningSchema.optional().describe('Sign the request with a stored webhook signing secret (Standard Webhooks)'),
  timeoutMs: timeoutSchema(HTTP_DEFAULT_TIMEOUT_MS),
});
export type HttpStep = z.infer<typeof httpStepSchema>;
