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
 * `stripe`: `Stripe-Signature: t=<unix>,v1=<hex>[,v1=<hex>]`, HMAC-SHA256 of `t.body` keyed by the
 * whole `whsec_…` secret. The delivery id is the event id (`id` in the body).
 */
export const verifyStripe: Verifier<VerifySettings<'stripe'>> = (input) => {
  if (input.secrets.length === 0) return fail(noSecretReason);
  const header = headerOf(input.headers, 'stripe-signature');
  if (header === undefined) return fail('missing header Stripe-Signature');
  let timestamp: string | undefined;
  const candidates: Buffer[] = [];
  for (const item of header.split(',')) {
    const eq = item.indexOf('=');
    if (eq < 0) continue;
    const key = item.slice(0, eq).trim();
    const value = item.slice(eq + 1).trim();
    if (key === 't') timestamp = value;
    else if (key === 'v1') {
      const sig = decodeSignature(value, 'hex');
      if (sig) candidates.push(sig);
    }
  }
  if (timestamp === undefined) return fail('malformed header Stripe-Signature: no t= timestamp');
  const seconds = parseUnixSeconds(timestamp);
  if (seconds === null) return fail('malformed header Stripe-Signature: t= is not a Unix time');
  if (candidates.length === 0) return fail('malformed header Stripe-Signature: no v1= signature');
  if (!matchesAny(input.secrets, (secret) => hmac('sha256', secret, `${timestamp}.`, input.rawBody), candidates))
    return fail(noMatchReason(input.secrets));
  const stale = checkTimestamp(seconds, input.now, toleranceOf(input.settings));
  if (stale) return fail(stale);
  return { ok: true, deliveryId: jsonField(input.rawBody, 'id') };
};
