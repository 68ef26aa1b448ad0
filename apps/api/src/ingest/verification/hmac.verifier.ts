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
 * `hmac`: a generic HMAC (`algorithm` sha1/sha256/sha512, default sha256) in `header`, written in
 * `encoding` (hex/base64, default hex) after an optional `prefix`. The signed text is `template`
 * (default `{body}`) with `{timestamp}` taken from `timestampHeader`; a timestamp header enables
 * the replay window (seconds or milliseconds are both understood).
 */
export const verifyHmac: Verifier<VerifySettings<'hmac'>> = (input) => {
  const s = input.settings;
  if (input.secrets.length === 0) return fail(noSecretReason);
  const header = headerOf(input.headers, s.header);
  if (header === undefined) return fail(`missing header ${s.header}`);
  const prefix = s.prefix ?? '';
  if (!header.startsWith(prefix)) return fail(`malformed header ${s.header}: expected it to start with "${prefix}"`);
  const encoding = s.encoding ?? 'hex';
  const signature = decodeSignature(header.slice(prefix.length), encoding);
  if (!signature) return fail(`malformed header ${s.header}: the signature is not ${encoding}`);
  let timestamp: string | undefined;
  let seconds: number | null = null;
  if (s.timestampHeader) {
    timestamp = headerOf(input.headers, s.timestampHeader);
    if (timestamp === undefined) return fail(`missing header ${s.timestampHeader}`);
    const parsed = parseUnixSeconds(timestamp);
    if (parsed === null) return fail(`malformed header ${s.timestampHeader}: not a Unix time`);
    seconds = parsed > 1e11 ? parsed / 1000 : parsed;
  }
  const template = s.template ?? '{body}';
  const bodyAt = template.indexOf('{body}');
  const fill = (text: string) => text.split('{timestamp}').join(timestamp ?? '');
  const before = fill(template.slice(0, bodyAt));
  const after = fill(template.slice(bodyAt + '{body}'.length));
  const algorithm = s.algorithm ?? 'sha256';
  if (!matchesAny(input.secrets, (secret) => hmac(algorithm, secret, before, input.rawBody, after), [signature]))
    return fail(noMatchReason(input.secrets));
  if (seconds !== null) {
    const stale = checkTimestamp(seconds, input.now, toleranceOf(s));
    if (stale) return fail(stale);
  }
  return { ok: true, deliveryId: s.deliveryIdHeader ? headerOf(input.headers, s.deliveryIdHeader) : undefined };
};
