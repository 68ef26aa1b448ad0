import { decodeSignature, fail, headerOf, hmac, jsonField, matchesAny, noMatchReason, noSecretReason } from './verification-utils';
import type { Verifier, VerifySettings } from './verification.types';

/** `typeform`: `Typeform-Signature: sha256=<base64>`, HMAC-SHA256 of the body. Delivery id: `event_id`. */
export const verifyTypeform: Verifier<VerifySettings<'typeform'>> = (input) => {
  if (input.secrets.length === 0) return fail(noSecretReason);
  const header = headerOf(input.headers, 'typeform-signature');
  if (header === undefined) return fail('missing header Typeform-Signature');
  if (!header.startsWith('sha256=')) return fail('malformed header Typeform-Signature: expected sha256=<base64>');
  const signature = decodeSignature(header.slice('sha256='.length), 'base64');
  if (!signature) return fail('malformed header Typeform-Signature: the signature is not base64');
  if (!matchesAny(input.secrets, (secret) => hmac('sha256', secret, input.rawBody), [signature])) return fail(noMatchReason(input.secrets));
  return { ok: true, deliveryId: jsonField(input.rawBody, 'event_id') };
};
