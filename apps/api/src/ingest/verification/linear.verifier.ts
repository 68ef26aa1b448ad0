import {
  checkTimestamp,
  decodeSignature,
  fail,
  headerOf,
  hmac,
  matchesAny,
  noMatchReason,
  noSecretReason,
  toleranceOf,
} from './verification-utils';
import type { Verifier, VerifySettings } from './verification.types';

function webhookTimestamp(rawBody: Buffer): number | null {
  try {
    const body = JSON.parse(rawBody.toString('utf8')) as { webhookTimestamp?: unknown };
    return typeof body?.webhookTimestamp === 'number' && Number.isFinite(body.webhookTimestamp) ? body.webhookTimestamp : null;
  } catch {
    return null;
  }
}

/**
 * `linear`: `Linear-Signature: <hex>`, HMAC-SHA256 of the body; the signed body carries
 * `webhookTimestamp` (epoch milliseconds), checked against the replay window. Delivery id:
 * `Linear-Delivery`.
 */
export const verifyLinear: Verifier<VerifySettings<'linear'>> = (input) => {
  if (input.secrets.length === 0) return fail(noSecretReason);
  const header = headerOf(input.headers, 'linear-signature');
  if (header === undefined) return fail('missing header Linear-Signature');
  const signature = decodeSignature(header, 'hex');
  if (!signature) return fail('malformed header Linear-Signature: the signature is not hex');
  if (!matchesAny(input.secrets, (secret) => hmac('sha256', secret, input.rawBody), [signature])) return fail(noMatchReason(input.secrets));
  const timestamp = webhookTimestamp(input.rawBody);
  if (timestamp === null) return fail('the signed body has no numeric webhookTimestamp');
  const stale = checkTimestamp(timestamp / 1000, input.now, toleranceOf(input.settings));
  if (stale) return fail(stale);
  return { ok: true, deliveryId: headerOf(input.headers, 'linear-delivery') };
};
