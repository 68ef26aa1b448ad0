import { decodeSignature, fail, headerOf, hmac, matchesAny, noMatchReason, noSecretReason } from './verification-utils';
import type { Verifier, VerifySettings } from './verification.types';

/**
 * `github`: `X-Hub-Signature-256: sha256=<hex>`, HMAC-SHA256 of the body. GitHub signs no
 * timestamp; replays are caught by dedupe on `X-GitHub-Delivery`.
 */
export const verifyGithub: Verifier<VerifySettings<'github'>> = (input) => {
  if (input.secrets.length === 0) return fail(noSecretReason);
  const header = headerOf(input.headers, 'x-hub-signature-256');
  if (header === undefined) return fail('missing header X-Hub-Signature-256');
  if (!header.startsWith('sha256=')) return fail('malformed header X-Hub-Signature-256: expected sha256=<hex>');
  const signature = decodeSignature(header.slice('sha256='.length), 'hex');
  if (!signature) return fail('malformed header X-Hub-Signature-256: the signature is not hex');
  if (!matchesAny(input.secrets, (secret) => hmac('sha256', secret, input.rawBody), [signature])) return fail(noMatchReason(input.secrets));
  return { ok: true, deliveryId: headerOf(input.headers, 'x-github-delivery') };
};
