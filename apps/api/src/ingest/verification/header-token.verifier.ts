import { createHash } from 'node:crypto';
import { fail, headerOf, noSecretReason, safeEqual } from './verification-utils';
import type { Verifier, VerifySettings } from './verification.types';

const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();

/** `header-token`: a shared token in `header` (default Authorization) after an optional `prefix`. */
export const verifyHeaderToken: Verifier<VerifySettings<'header-token'>> = (input) => {
  if (input.secrets.length === 0) return fail(noSecretReason);
  const name = input.settings.header ?? 'Authorization';
  const header = headerOf(input.headers, name);
  if (header === undefined) return fail(`missing header ${name}`);
  const prefix = input.settings.prefix ?? '';
  if (!header.startsWith(prefix)) return fail(`malformed header ${name}: expected it to start with "${prefix}"`);
  // Comparing digests keeps the comparison constant-time whatever the token lengths.
  const presented = digest(header.slice(prefix.length));
  let matched = false;
  for (const secret of input.secrets) if (safeEqual(digest(secret), presented)) matched = true;
  return matched ? { ok: true } : fail(input.secrets.length > 1 ? 'the token matches neither of the 2 tokens' : 'the token does not match');
};
