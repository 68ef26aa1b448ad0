import { createHmac, timingSafeEqual } from 'node:crypto';
import { DEFAULT_TOLERANCE_SECONDS } from '@switchyard/engine';
import type { VerifyInput, VerifyResult } from './verification.types';

export type HmacAlgorithm = 'sha1' | 'sha256' | 'sha512';

/** The first value of a header (names are matched case-insensitively), or undefined. */
export function headerOf(headers: VerifyInput['headers'], name: string): string | undefined {
  const value = headers[name.toLowerCase()];
  const first = Array.isArray(value) ? value[0] : value;
  return first === undefined || first === '' ? undefined : first;
}

/** Constant-time equality of two byte strings; different lengths are unequal without a timing leak on content. */
export function safeEqual(a: Buffer, b: Buffer): boolean {
  if (a.length !== b.length) {
    timingSafeEqual(a, a);
    return false;
  }
  return timingSafeEqual(a, b);
}

export function hmac(algorithm: HmacAlgorithm, key: string | Buffer, ...parts: Array<string | Buffer>): Buffer {
  const mac = createHmac(algorithm, key);
  for (const part of parts) mac.update(part);
  return mac.digest();
}

/**
 * Whether any (secret, candidate signature) pair matches: every pair is compared, so the time taken
 * does not tell which secret or which candidate matched.
 */
export function matchesAny(secrets: string[], sign: (secret: string) => Buffer, candidates: Buffer[]): boolean {
  let matched = false;
  for (const secret of secrets) {
    const expected = sign(secret);
    for (const candidate of candidates) if (safeEqual(expected, candidate)) matched = true;
  }
  return matched;
}

export const fail = (reason: string): VerifyResult => ({ ok: false, reason });

export const noSecretReason = 'no secret is configured for this trigger';

export function noMatchReason(secrets: string[]): string {
  return secrets.length > 1 ? `no signature matches either of the ${secrets.length} secrets` : 'the signature does not match the secret';
}

/** The replay window of a verify setting, in seconds. */
export function toleranceOf(settings: { toleranceSeconds?: number }): number {
  return settings.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS;
}

/** Checks a signed Unix timestamp (seconds) against the replay window, in both directions. */
export function checkTimestamp(timestampSeconds: number, now: number, toleranceSeconds: number): string | null {
  const age = Math.round(now / 1000 - timestampSeconds);
  if (age > toleranceSeconds) return `the signed timestamp is ${age} s old, outside the replay window of ${toleranceSeconds} s`;
  if (-age > toleranceSeconds) return `the signed timestamp is ${-age} s in the future, outside the replay window of ${toleranceSeconds} s`;
  return null;
}

/** Parses a decimal Unix timestamp; null when it is not one. */
export function parseUnixSeconds(value: string): number | null {
  if (!/^\d{1,13}$/.test(value.trim())) return null;
  return Number(value.trim());
}

/** Decodes hex or base64 text to bytes; null when malformed. */
export function decodeSignature(text: string, encoding: 'hex' | 'base64'): Buffer | null {
  const trimmed = text.trim();
  if (encoding === 'hex') return /^(?:[0-9a-fA-F]{2})+$/.test(trimmed) ? Buffer.from(trimmed, 'hex') : null;
  return /^[A-Za-z0-9+/_-]+={0,2}$/.test(trimmed) ? Buffer.from(trimmed, 'base64') : null;
}

/** A top-level string or number field of a JSON body, for delivery ids; undefined when absent. */
export function jsonField(rawBody: Buffer, path: string): string | undefined {
  if (rawBody.length === 0 || rawBody.length > 5 * 1024 * 1024) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(rawBody.toString('utf8'));
  } catch {
    return undefined;
  }
  for (const key of path.split('.')) {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return typeof value === 'string' && value !== '' ? value : typeof value === 'number' ? String(value) : undefined;
}
