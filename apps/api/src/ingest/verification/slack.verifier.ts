import {
  checkTimestamp,
  decodeSignature,
  fail,
  headerOf,
  hmac,
  jsonField,
  matchesAny,
  noMatchReason,
  noSecretReason,
  parseUnixSeconds,
  toleranceOf,
} from './verification-utils';
import type { Verifier, VerifySettings } from './verification.types';

/**
 * `slack`: `X-Slack-Signature: v0=<hex>`, HMAC-SHA256 of `v0:<X-Slack-Request-Timestamp>:<body>`.
 * The delivery id is the Events API `event_id`.
 */
export const verifySlack: Verifier<VerifySettings<'slack'>> = (input) => {
  if (input.secrets.length === 0) return fail(noSecretReason);
  const timestamp = headerOf(input.headers, 'x-slack-request-timestamp');
  const header = headerOf(input.headers, 'x-slack-signature');
  if (timestamp === undefined) return fail('missing header X-Slack-Request-Timestamp');
  if (header === undefined) return fail('missing header X-Slack-Signature');
  const seconds = parseUnixSeconds(timestamp);
  if (seconds === null) return fail('malformed header X-Slack-Request-Timestamp: not a Unix time in seconds');
  if (!header.startsWith('v0=')) return fail('malformed header X-Slack-Signature: expected v0=<hex>');
  const signature = decodeSignature(header.slice(3), 'hex');
  if (!signature) return fail('malformed header X-Slack-Signature: the signature is not hex');
  if (!matchesAny(input.secrets, (secret) => hmac('sha256', secret, `v0:${timestamp}:`, input.rawBody), [signature]))
    return fail(noMatchReason(input.secrets));
  const stale = checkTimestamp(seconds, input.now, toleranceOf(input.settings));
  if (stale) return fail(stale);
  return { ok: true, deliveryId: jsonField(input.rawBody, 'event_id') };
};
