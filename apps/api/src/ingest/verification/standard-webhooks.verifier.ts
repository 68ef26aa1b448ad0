import {
  checkTimestamp,
  decodeSignature,
  fail,
  headerOf,
  hmac,
  matchesAny,
  noMatchReason,
  noSecretReason,
  parseUnixSeconds,
  toleranceOf,
} from './verification-utils';
import type { Verifier, VerifyInput, VerifyResult, VerifySettings } from './verification.types';

/** Secrets are `whsec_<base64>`; the bytes after the prefix are the HMAC key. */
export function standardWebhooksKey(secret: string): Buffer {
  const body = secret.startsWith('whsec_') ? secret.slice('whsec_'.length) : secret;
  return Buffer.from(body, 'base64');
}

/**
 * The Standard Webhooks signature, with headers `<prefix>-id`, `<prefix>-timestamp` and
 * `<prefix>-signature` (space-separated `v1,<base64>` entries), HMAC-SHA256 of `id.timestamp.body`.
 * The first prefix whose id header is present is used.
 */
export function verifyStandardWebhooksWith(prefixes: string[], input: VerifyInput<{ toleranceSeconds?: number }>): VerifyResult {
  if (input.secrets.length === 0) return fail(noSecretReason);
  const prefix = prefixes.find((p) => headerOf(input.headers, `${p}-id`) !== undefined) ?? prefixes[0];
  const id = headerOf(input.headers, `${prefix}-id`);
  const timestamp = headerOf(input.headers, `${prefix}-timestamp`);
  const signature = headerOf(input.headers, `${prefix}-signature`);
  if (id === undefined) return fail(`missing header ${prefix}-id`);
  if (timestamp === undefined) return fail(`missing header ${prefix}-timestamp`);
  if (signature === undefined) return fail(`missing header ${prefix}-signature`);
  const seconds = parseUnixSeconds(timestamp);
  if (seconds === null) return fail(`malformed header ${prefix}-timestamp: not a Unix time in seconds`);
  const candidates = signature
    .split(' ')
    .filter((entry) => entry.startsWith('v1,'))
    .map((entry) => decodeSignature(entry.slice(3), 'base64'))
    .filter((sig): sig is Buffer => sig !== null);
  if (candidates.length === 0) return fail(`malformed header ${prefix}-signature: no v1,<base64> signature`);
  const signed = (secret: string) => hmac('sha256', standardWebhooksKey(secret), `${id}.${seconds}.`, input.rawBody);
  if (!matchesAny(input.secrets, signed, candidates)) return fail(noMatchReason(input.secrets));
  const stale = checkTimestamp(seconds, input.now, toleranceOf(input.settings));
  if (stale) return fail(stale);
  return { ok: true, deliveryId: id };
}

/** `standard-webhooks`: https://www.standardwebhooks.com/ (headers `webhook-*`). */
export const verifyStandardWebhooks: Verifier<VerifySettings<'standard-webhooks'>> = (input) =>
  verifyStandardWebhooksWith(['webhook'], input);
