import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** 32 random bytes in base64url: session tokens, invite tokens, CSRF seeds. */
export function randomToken(): string {
  return randomBytes(32).toString('base64url');
}

/** What is stored for tokens and keys: they are random, so a plain SHA-256 suffices (no slow hash). */
export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** A new API key: `sy_` + 32 random bytes in base64url. */
export function newApiKey(): string {
  return `sy_${randomBytes(32).toString('base64url')}`;
}

/** The part of a key shown in lists. */
export function apiKeyPrefix(key: string): string {
  return key.slice(0, 10);
}

/**
 * The CSRF token of a session, derived from its secret token, so it needs no storage and a
 * token planted in the sy_csrf cookie by someone else does not match (signed double-submit).
 */
export function csrfTokenFor(sessionToken: string): string {
  return createHash('sha256').update(`csrf:${sessionToken}`).digest('base64url');
}

/** Reads one cookie from a Cookie header. */
export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === name) {
      try {
        return decodeURIComponent(part.slice(eq + 1).trim());
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}
