import { createHash } from 'node:crypto';
import { decodeSignature, fail, headerOf, hmac, matchesAny, noMatchReason, noSecretReason, safeEqual } from './verification-utils';
import type { Verifier, VerifySettings } from './verification.types';

/** The URL as Twilio signed it: the configured `url` (plus the request's query) or the public URL called. */
function signedUrl(requestUrl: string, configured: string | undefined): string {
  if (!configured) return requestUrl;
  const query = requestUrl.indexOf('?');
  return configured.includes('?') || query < 0 ? configured : configured + requestUrl.slice(query);
}

/** The URL with and without the default port, as Twilio may sign either. */
function portVariants(url: string): string[] {
  const match = /^([a-z][a-z0-9+.-]*:\/\/)([^/?#]*)(.*)$/i.exec(url);
  if (!match) return [url];
  const [, scheme, authority, rest] = match;
  const portStart = authority.indexOf(':', authority.lastIndexOf(']') + 1);
  const host = portStart < 0 ? authority : authority.slice(0, portStart);
  const defaultPort = scheme.toLowerCase() === 'https://' ? ':443' : ':80';
  return [...new Set([url, scheme + host + rest, scheme + host + (portStart < 0 ? defaultPort : authority.slice(portStart)) + rest])];
}

function formParams(rawBody: Buffer, contentType: string | undefined): Map<string, string[]> {
  const params = new Map<string, string[]>();
  if (!contentType || !contentType.toLowerCase().startsWith('application/x-www-form-urlencoded')) return params;
  for (const [key, value] of new URLSearchParams(rawBody.toString('utf8'))) params.set(key, [...(params.get(key) ?? []), value]);
  return params;
}

/**
 * `twilio`: `X-Twilio-Signature: <base64>`, HMAC-SHA1 keyed by the auth token of the URL followed by
 * the form parameters sorted by name (`name` + `value`). A JSON body is covered by a `bodySHA256`
 * query parameter instead. Delivery id: `I-Twilio-Idempotency-Token`.
 */
export const verifyTwilio: Verifier<VerifySettings<'twilio'>> = (input) => {
  if (input.secrets.length === 0) return fail(noSecretReason);
  const header = headerOf(input.headers, 'x-twilio-signature');
  if (header === undefined) return fail('missing header X-Twilio-Signature');
  const signature = decodeSignature(header, 'base64');
  if (!signature) return fail('malformed header X-Twilio-Signature: the signature is not base64');
  const url = signedUrl(input.url, input.settings.url);
  let bodyHash: string | null = null;
  try {
    bodyHash = new URL(url).searchParams.get('bodySHA256');
  } catch {
    return fail('the URL Twilio signed is not a valid URL; check the Public URL setting');
  }
  let data = '';
  if (bodyHash === null) {
    const params = formParams(input.rawBody, headerOf(input.headers, 'content-type'));
    for (const name of [...params.keys()].sort()) for (const value of [...new Set(params.get(name))].sort()) data += name + value;
  }
  let matched = false;
  for (const candidate of portVariants(url))
    if (matchesAny(input.secrets, (token) => hmac('sha1', token, candidate + data), [signature])) matched = true;
  if (!matched) return fail(`${noMatchReason(input.secrets)} (signed URL ${url})`);
  if (bodyHash !== null && !safeEqual(Buffer.from(bodyHash), Buffer.from(createHash('sha256').update(input.rawBody).digest('hex')))) {
    return fail('the body does not match the bodySHA256 query parameter Twilio signed');
  }
  return { ok: true, deliveryId: headerOf(input.headers, 'i-twilio-idempotency-token') };
};
