import { decodeSignature, fail, headerOf, hmac, matchesAny, noMatchReason, noSecretReason } from './verification-utils';
import type { Verifier, VerifySettings } from './verification.types';

/** `shopify`: `X-Shopify-Hmac-Sha256: <base64>`, HMAC-SHA256 of the body with the app's client secret. */
export const verifyShopify: Verifier<VerifySettings<'shopify'>> = (input) => {
  if (input.secrets.length === 0) return fail(noSecretReason);
  const header = headerOf(input.headers, 'x-shopify-hmac-sha256');
  if (header === undefined) return fail('missing header X-Shopify-Hmac-Sha256');
  const signature = decodeSignature(header, 'base64');
  if (!signature) return fail('malformed header X-Shopify-Hmac-Sha256: the signature is not base64');
  if (!matchesAny(input.secrets, (secret) => hmac('sha256', secret, input.rawBody), [signature])) return fail(noMatchReason(input.secrets));
  return { ok: true, deliveryId: headerOf(input.headers, 'x-shopify-webhook-id') ?? headerOf(input.headers, 'x-shopify-event-id') };
};
