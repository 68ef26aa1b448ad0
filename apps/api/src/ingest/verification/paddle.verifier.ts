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
 * `paddle` (Paddle Billing): `Paddle-Signature: ts=<unix>;h1=<hex>[;h1=<hex>]`, HMAC-SHA256 of
 * `ts:body` keyed by the notification destination's secret key. Delivery id: `event_id`.
 */
export const verifyPaddle: Verifier<VerifySettings<'paddle'>> = (input) => {
  if (input.secrets.length === 0) return fail(noSecretReason);
  const header = headerOf(input.headers, 'paddle-signature');
  if (header === undefined) return fail('missing header Paddle-Signature');
  let timestamp: string | undefined;
  const candidates: Buffer[] = [];
  for (const item of header.split(';')) {
    const eq = item.indexOf('=');
    if (eq < 0) continue;
    const key = item.slice(0, eq).trim();
    const value = item.slice(eq + 1).trim();
    if (key === 'ts') timestamp = value;
    else if (key === 'h1') {
      const sig = decodeSignature(value, 'hex');
      if (sig) candidates.push(sig);
    }
  }
  if (timestamp === undefined) return fail('malformed header Paddle-Signature: no ts= timestamp');
  const seconds = parseUnixSeconds(timestamp);
  if (seconds === null) return fail('malformed header Paddle-Signature: ts= is not a Unix time');
  if (candidates.length === 0) return fail('malformed header Paddle-Signature: no h1= signature');
  if (!matchesAny(input.secrets, (secret) => hmac('sha256', secret, `${timestamp}:`, input.rawBody), candidates))
    return fail(noMatchReason(input.secrets));
  const stale = checkTimestamp(seconds, input.now, toleranceOf(input.settings));
  if (stale) return fail(stale);
  return { ok: true, deliveryId: jsonField(input.rawBody, 'event_id') };
};
