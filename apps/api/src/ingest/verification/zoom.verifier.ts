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
import type { Verifier, VerifySettings } from './verification.types';

/**
 * `zoom`: `x-zm-signature: v0=<hex>`, HMAC-SHA256 of `v0:<x-zm-request-timestamp>:<body>` keyed by
 * the app's secret token. The `endpoint.url_validation` handshake is answered by the ingest path.
 */
export const verifyZoom: Verifier<VerifySettings<'zoom'>> = (input) => {
  if (input.secrets.length === 0) return fail(noSecretReason);
  const timestamp = headerOf(input.headers, 'x-zm-request-timestamp');
  const header = headerOf(input.headers, 'x-zm-signature');
  if (timestamp === undefined) return fail('missing header x-zm-request-timestamp');
  if (header === undefined) return fail('missing header x-zm-signature');
  const seconds = parseUnixSeconds(timestamp);
  if (seconds === null) return fail('malformed header x-zm-request-timestamp: not a Unix time');
  if (!header.startsWith('v0=')) return fail('malformed header x-zm-signature: expected v0=<hex>');
  const signature = decodeSignature(header.slice(3), 'hex');
  if (!signature) return fail('malformed header x-zm-signature: the signature is not hex');
  if (!matchesAny(input.secrets, (secret) => hmac('sha256', secret, `v0:${timestamp}:`, input.rawBody), [signature]))
    return fail(noMatchReason(input.secrets));
  // Zoom has sent the timestamp in milliseconds in some products; accept both.
  const stale = checkTimestamp(seconds > 1e11 ? seconds / 1000 : seconds, input.now, toleranceOf(input.settings));
  if (stale) return fail(stale);
  return { ok: true };
};

/** The answer to Zoom's `endpoint.url_validation`: the plain token and its HMAC-SHA256 (hex) by the secret. */
export function zoomValidationAnswer(plainToken: string, secret: string): { plainToken: string; encryptedToken: string } {
  return { plainToken, encryptedToken: hmac('sha256', secret, plainToken).toString('hex') };
}
