import { createPublicKey, verify, type KeyObject } from 'node:crypto';
import {
  checkTimestamp,
  decodeSignature,
  fail,
  headerOf,
  jsonField,
  noSecretReason,
  parseUnixSeconds,
  toleranceOf,
} from './verification-utils';
import type { Verifier, VerifySettings } from './verification.types';

/** DER prefix of an Ed25519 SubjectPublicKeyInfo; the 32 raw key bytes follow it. */
const ED25519_SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

function publicKey(hex: string): KeyObject | null {
  const raw = decodeSignature(hex, 'hex');
  if (!raw || raw.length !== 32) return null;
  try {
    return createPublicKey({ key: Buffer.concat([ED25519_SPKI_PREFIX, raw]), format: 'der', type: 'spki' });
  } catch {
    return null;
  }
}

/**
 * `discord` (interactions endpoint): Ed25519 signature `X-Signature-Ed25519` (hex) of
 * `X-Signature-Timestamp` + body, by the application's public key (the "secret" here is public).
 * The PING interaction is answered by the ingest path. Delivery id: the interaction `id`.
 */
export const verifyDiscord: Verifier<VerifySettings<'discord'>> = (input) => {
  if (input.secrets.length === 0) return fail(noSecretReason);
  const header = headerOf(input.headers, 'x-signature-ed25519');
  const timestamp = headerOf(input.headers, 'x-signature-timestamp');
  if (header === undefined) return fail('missing header X-Signature-Ed25519');
  if (timestamp === undefined) return fail('missing header X-Signature-Timestamp');
  const signature = decodeSignature(header, 'hex');
  if (!signature || signature.length !== 64) return fail('malformed header X-Signature-Ed25519: expected 64 bytes in hex');
  const seconds = parseUnixSeconds(timestamp);
  if (seconds === null) return fail('malformed header X-Signature-Timestamp: not a Unix time');
  const message = Buffer.concat([Buffer.from(timestamp, 'utf8'), input.rawBody]);
  const keys = input.secrets.map(publicKey);
  if (keys.every((key) => key === null)) return fail('the configured public key is not 32 bytes in hex');
  let matched = false;
  for (const key of keys) if (key && verify(null, message, key, signature)) matched = true;
  if (!matched)
    return fail(
      input.secrets.length > 1
        ? 'the signature does not verify with either public key'
        : 'the signature does not verify with the public key',
    );
  const stale = checkTimestamp(seconds, input.now, toleranceOf(input.settings));
  if (stale) return fail(stale);
  return { ok: true, deliveryId: jsonField(input.rawBody, 'id') };
};
