import { z } from 'zod';
import { expressionSchema } from '../steps/shared/step-base.schema';
import { DEFAULT_TOLERANCE_SECONDS, MAX_TOLERANCE_SECONDS, MAX_TRIGGER_SECRETS } from './trigger-schemes';

export const TRIGGER_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
export const DEFAULT_TRIGGER_METHODS: ReadonlyArray<(typeof TRIGGER_METHODS)[number]> = ['GET', 'POST', 'PUT', 'PATCH'];

/** Default and maximum dedupe window, in seconds (one day; thirty days). */
export const DEFAULT_DEDUPE_WINDOW_SECONDS = 86_400;
export const MAX_DEDUPE_WINDOW_SECONDS = 30 * 86_400;
/** Default and maximum time a `wait` trigger holds the sender's request, in milliseconds. */
export const DEFAULT_RESPONSE_TIMEOUT_MS = 30_000;
export const MAX_RESPONSE_TIMEOUT_MS = 120_000;
/** Largest per-trigger rate limit, in requests per minute. */
export const MAX_RATE_LIMIT_PER_MINUTE = 1_000_000;
/** Largest length of one secret, in characters. */
export const MAX_SECRET_LENGTH = 4096;

const secretsSchema = z
  .array(z.string().min(1, 'must not be empty').max(MAX_SECRET_LENGTH, `must be at most ${MAX_SECRET_LENGTH} characters`))
  .max(MAX_TRIGGER_SECRETS, `must list at most ${MAX_TRIGGER_SECRETS} secrets (the current one and the one being rotated out)`);

const headerNameSchema = z
  .string()
  .min(1, 'must not be empty')
  .max(256, 'must be at most 256 characters')
  .regex(/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/, 'must be a valid HTTP header name');

/** Fields every `verify` variant has. */
const verifyBaseShape = {
  /**
   * Write-only: up to two secrets, any of which may sign (the second lets a secret be rotated). The
   * api stores them encrypted apart from the definition and never returns them; omitting `secrets`
   * on an update keeps the stored ones, `[]` clears them.
   */
  secrets: secretsSchema.optional().describe('Secrets (write-only); at most two, so a secret can be rotated'),
  /** Read-only masked hints of the stored secrets (`whsec_…a1b2`); ignored on input. */
  secretHints: z.array(z.string().max(64)).max(MAX_TRIGGER_SECRETS).optional().describe('Masked hints of the stored secrets (read-only)'),
  /** Replay window on signed timestamps in seconds, both directions. Default 300, at most 86,400. */
  toleranceSeconds: z
    .number()
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(MAX_TOLERANCE_SECONDS, `must be at most ${MAX_TOLERANCE_SECONDS}`)
    .optional()
    .describe(`Replay window on signed timestamps in seconds (default ${DEFAULT_TOLERANCE_SECONDS})`),
};

const presetVerify = <N extends string>(scheme: N) => z.strictObject({ scheme: z.literal(scheme), ...verifyBaseShape });

/** `hmac`: a generic HMAC signature in a header. */
export const hmacVerifySchema = z.strictObject({
  scheme: z.literal('hmac'),
  ...verifyBaseShape,
  header: headerNameSchema.describe('The header that carries the signature'),
  algorithm: z.enum(['sha1', 'sha256', 'sha512']).optional().describe('Hash function (default sha256)'),
  encoding: z.enum(['hex', 'base64']).optional().describe('Encoding of the signature (default hex)'),
  prefix: z.string().max(64, 'must be at most 64 characters').optional().describe('Text before the signature, e.g. `sha256=`'),
  timestampHeader: headerNameSchema.optional().describe('Header with the signed Unix timestamp (seconds or milliseconds)'),
  template: z
    .string()
    .min(1, 'must not be empty')
    .max(256, 'must be at most 256 characters')
    .refine((t) => t.includes('{body}'), 'must contain {body}')
    .optional()
    .describe('What is signed: `{body}` and `{timestamp}` placeholders (default `{body}`)'),
  deliveryIdHeader: headerNameSchema.optional().describe('Header with a unique id per delivery, for dedupe'),
});

/** `header-token`: a shared token sent in a header (default `Authorization`). */
export const headerTokenVerifySchema = z.strictObject({
  scheme: z.literal('header-token'),
  ...verifyBaseShape,
  header: headerNameSchema.optional().describe('The header that carries the token (default Authorization)'),
  prefix: z.string().max(64, 'must be at most 64 characters').optional().describe('Text before the token, e.g. `Bearer `'),
});

/** `basic`: HTTP Basic authentication; the secrets are accepted passwords. */
export const basicVerifySchema = z.strictObject({
  scheme: z.literal('basic'),
  ...verifyBaseShape,
  username: z
    .string()
    .min(1, 'must not be empty')
    .max(256, 'must be at most 256 characters')
    .refine((u) => !u.includes(':'), 'must not contain ":"')
    .describe('User name'),
});

/** `twilio`: `url` overrides the URL Twilio signed when a proxy rewrites it. */
export const twilioVerifySchema = z.strictObject({
  scheme: z.literal('twilio'),
  ...verifyBaseShape,
  url: z.url('must be an absolute URL').max(2048).optional().describe('The public URL Twilio calls, when it differs from the trigger URL'),
});

/**
 * How a webhook trigger checks that a request is genuine, by `scheme` (see `TRIGGER_SCHEMES`).
 * Checked on the raw body before the request is answered; failures answer 401.
 */
export const triggerVerifySchema = z.discriminatedUnion('scheme', [
  presetVerify('standard-webhooks'),
  presetVerify('svix'),
  presetVerify('stripe'),
  presetVerify('github'),
  presetVerify('shopify'),
  presetVerify('slack'),
  presetVerify('typeform'),
  twilioVerifySchema,
  presetVerify('zoom'),
  presetVerify('paddle'),
  presetVerify('linear'),
  presetVerify('discord'),
  hmacVerifySchema,
  headerTokenVerifySchema,
  basicVerifySchema,
]);
export type TriggerVerify = z.infer<typeof triggerVerifySchema>;

/** An IPv4 or IPv6 address or CIDR range. */
const ipRangeSchema = z.union([z.ipv4(), z.ipv6(), z.cidrv4(), z.cidrv6()], {
  error: 'must be an IP address or CIDR range such as 192.0.2.0/24',
});

/** Dedupe: each key starts at most one run inside the window. */
export const triggerDedupeSchema = z.strictObject({
  /** JSONata over the trigger document; default: the scheme's delivery id. An empty result skips dedupe. */
  key: expressionSchema.optional().describe("JSONata key expression (default: the scheme's delivery id)"),
  windowSeconds: z
    .number()
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(MAX_DEDUPE_WINDOW_SECONDS, `must be at most ${MAX_DEDUPE_WINDOW_SECONDS}`)
    .default(DEFAULT_DEDUPE_WINDOW_SECONDS)
    .describe(`How long a key is remembered, in seconds (default ${DEFAULT_DEDUPE_WINDOW_SECONDS})`),
});

/** Longest debounce window, throttle period or batch wait: one day. */
export const MAX_FLOW_SECONDS = 86_400;
/** Largest throttle limit or batch size. */
export const MAX_FLOW_COUNT = 1000;

const flowSeconds = (what: string) =>
  z
    .number()
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(MAX_FLOW_SECONDS, `must be at most ${MAX_FLOW_SECONDS}`)
    .describe(what);
const flowCount = (what: string) =>
  z
    .number()
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(MAX_FLOW_COUNT, `must be at most ${MAX_FLOW_COUNT}`)
    .describe(what);
const flowKey = expressionSchema
  .optional()
  .describe('JSONata key expression over the trigger document (for example trigger.body.customer.id); none: one bucket');

/**
 * Flow control by key (docs/flow-control.md, ADR 0024): `debounce` runs only the last event of a
 * key once `windowSeconds` passed without another; `throttle` starts at most `limit` runs per key
 * per `periodSeconds` and delays the rest; `batch` runs up to `size` events of a key collected for
 * at most `maxWaitSeconds` as one run whose `trigger.body` is the list of their bodies.
 */
export const triggerFlowControlSchema = z.discriminatedUnion('mode', [
  z.strictObject({
    mode: z.literal('debounce'),
    key: flowKey,
    windowSeconds: flowSeconds('Quiet time after the latest event before its run starts, in seconds'),
  }),
  z.strictObject({
    mode: z.literal('throttle'),
    key: flowKey,
    limit: flowCount('Most runs per key per period'),
    periodSeconds: flowSeconds('The period, in seconds'),
  }),
  z.strictObject({
    mode: z.literal('batch'),
    key: flowKey,
    size: flowCount('Most events in one batch'),
    maxWaitSeconds: flowSeconds('Longest a batch waits for more events, in seconds'),
  }),
]);
export type TriggerFlowControl = z.infer<typeof triggerFlowControlSchema>;

/** How the trigger answers the sender. */
export const triggerResponseSchema = z.strictObject({
  /** `immediate`: 202 `{ runId }` at once. `wait`: the run's `respond` step builds the answer. */
  mode: z.enum(['immediate', 'wait']).default('immediate').describe('Answer at once, or wait for the workflow to respond'),
  timeoutMs: z
    .number()
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(MAX_RESPONSE_TIMEOUT_MS, `must be at most ${MAX_RESPONSE_TIMEOUT_MS}`)
    .default(DEFAULT_RESPONSE_TIMEOUT_MS)
    .describe(`In wait mode, how long to wait before answering 202 (default ${DEFAULT_RESPONSE_TIMEOUT_MS} ms)`),
});

/**
 * The webhook trigger. `methods` lists the HTTP methods the trigger URL accepts (default GET, POST,
 * PUT, PATCH); others are answered 405 and recorded. Every other part is optional: `verify`
 * (signature), `ipAllow` (CIDR allow-list, 403 otherwise), `dedupe`, `condition` (JSONata; false
 * answers 200 and starts no run), `response`, `rateLimit` (429 over it) and `maxBodyBytes` (413
 * over it; at most the server's SWITCHYARD_MAX_BODY_BYTES).
 */
export const webhookTriggerSchema = z.strictObject({
  type: z.literal('webhook'),
  methods: z.array(z.enum(TRIGGER_METHODS)).min(1, 'must list at least one method').optional(),
  verify: triggerVerifySchema.optional().describe('Signature check of the sender'),
  ipAllow: z
    .array(ipRangeSchema)
    .max(100, 'must list at most 100 ranges')
    .optional()
    .describe('Only these addresses or CIDR ranges may call'),
  dedupe: triggerDedupeSchema.optional().describe('Run each delivery once'),
  condition: expressionSchema.optional().describe('JSONata condition; when false the request is recorded as filtered and starts no run'),
  response: triggerResponseSchema.optional().describe('How the request is answered'),
  rateLimit: z
    .strictObject({
      perMinute: z
        .number()
        .int('must be a whole number')
        .min(1, 'must be at least 1')
        .max(MAX_RATE_LIMIT_PER_MINUTE, `must be at most ${MAX_RATE_LIMIT_PER_MINUTE}`)
        .describe('Requests per minute'),
    })
    .optional()
    .describe('Requests over the rate are answered 429 with Retry-After'),
  maxBodyBytes: z
    .number()
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .optional()
    .describe('Largest body accepted, in bytes'),
  flowControl: triggerFlowControlSchema.optional().describe('Debounce, throttle or batch the runs by key'),
});
export type WebhookTrigger = z.infer<typeof webhookTriggerSchema>;
