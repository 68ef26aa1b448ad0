import { createHash } from 'node:crypto';
import { fail, headerOf, noSecretReason, safeEqual } from './verification-utils';
import type { Verifier, VerifySettings } from './verification.types';

const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();

/** `basic`: HTTP Basic with `username`; the secrets are the accepted passwords. */
export const verifyBasic: Verifier<VerifySettings<'basic'>> = (input) => {
  if (input.secrets.length === 0) return fail(noSecretReason);
  const header = headerOf(input.headers, 'authorization');
  if (header === undefined) return fail('missing header Authorization');
  const match = /^basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header);
  if (!match) return fail('malformed header Authorization: expected Basic <base64>');
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return fail('malformed header Authorization: expected user:password');
  const userOk = safeEqual(digest(decoded.slice(0, colon)), digest(input.settings.username));
  const presented = digest(decoded.slice(colon + 1));
  let passwordOk = false;
  for (const secret of input.secrets) if (safeEqual(digest(secret), presented)) passwordOk = true;
  if (!userOk) return fail('the user name does not match');
  return passwordOk ? { ok: true } : fail('the password does not match');
};
