import { createHash } from 'node:crypto';

/** Longest dedupe key stored as is; longer ones are stored as their SHA-256. */
const MAX_PLAIN_KEY_LENGTH = 200;

/**
 * Turns a delivery id or a key expression's result into the stored key: strings and numbers as
 * text, other values as JSON; null, undefined and '' mean "no key" (the request is not deduplicated).
 */
export function toDedupeKey(value: unknown): string | null {
  if (value === null || value === undefined || value === '') return null;
  const text =
    typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : JSON.stringify(value);
  if (text === undefined) return null;
  // PostgreSQL text cannot hold U+0000: such keys are stored as their hash, like long ones.
  return text.length <= MAX_PLAIN_KEY_LENGTH && !text.includes('\u0000')
    ? text
    : `sha256:${createHash('sha256').update(text).digest('hex')}`;
}
