import { decodeContentEncoding } from './content-encoding';
import { multipartBoundary, parseMultipart } from './multipart';

/** How a request body is shown to expressions and in the API. */
export type ParsedBody =
  | { kind: 'empty'; value: null }
  | { kind: 'json'; value: unknown }
  | { kind: 'form'; value: Record<string, string | string[]> }
  /** Fields by name and, under the file fields' names, `{ filename, contentType, size }`. */
  | { kind: 'multipart'; value: Record<string, unknown> }
  | { kind: 'text'; value: string }
  | { kind: 'binary'; value: string };

export class InvalidBodyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidBodyError';
  }
}

export function isJsonContentType(contentType: string | null | undefined): boolean {
  if (!contentType) return false;
  const type = contentType.split(';')[0].trim().toLowerCase();
  return type === 'application/json' || type.endsWith('+json') || type === 'text/json';
}

function isTextContentType(type: string): boolean {
  return type.startsWith('text/') || type.endsWith('+xml') || type === 'application/xml' || type === 'application/javascript';
}

/**
 * Parses raw body bytes by content type: JSON (throws {@link InvalidBodyError} with the reason),
 * form-urlencoded (repeated keys become arrays), text and XML as text, anything else as base64.
 * A body without a content type is parsed as JSON when it is valid JSON, else kept as text.
 */
export function parseBody(raw: Buffer | null, contentType: string | null | undefined): ParsedBody {
  if (!raw || raw.length === 0) return { kind: 'empty', value: null };
  const parsed = parseBytes(raw, contentType);
  // PostgreSQL cannot store U+0000 in jsonb (run outputs): shown as U+FFFD; the raw bytes keep it.
  if (
    (parsed.kind === 'json' || parsed.kind === 'form' || parsed.kind === 'multipart') &&
    (raw.includes(0) || raw.includes('\\u0000') || raw.includes('%00'))
  ) {
    return { ...parsed, value: withoutNul(parsed.value) } as ParsedBody;
  }
  return parsed;
}

function withoutNul(value: unknown): unknown {
  if (typeof value === 'string') return value.replaceAll('\u0000', '\uFFFD');
  if (Array.isArray(value)) return value.map(withoutNul);
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k.replaceAll('\u0000', '\uFFFD'), withoutNul(v)]));
  return value;
}

function parseBytes(raw: Buffer, contentType: string | null | undefined): ParsedBody {
  const type = (contentType ?? '').split(';')[0].trim().toLowerCase();
  if (isJsonContentType(type)) {
    try {
      return { kind: 'json', value: JSON.parse(raw.toString('utf8')) };
    } catch (err) {
      throw new InvalidBodyError(`The body is not valid JSON: ${(err as Error).message}`);
    }
  }
  if (type === 'application/x-www-form-urlencoded') {
    const value: Record<string, string | string[]> = {};
    for (const [key, item] of new URLSearchParams(raw.toString('utf8'))) {
      const existing = value[key];
      if (existing === undefined) value[key] = item;
      else value[key] = Array.isArray(existing) ? [...existing, item] : [existing, item];
    }
    return { kind: 'form', value };
  }
  const boundary = multipartBoundary(type === 'multipart/form-data' ? contentType : null);
  if (boundary) {
    try {
      const { fields, files } = parseMultipart(raw, boundary);
      return { kind: 'multipart', value: { ...fields, ...files } };
    } catch (err) {
      throw new InvalidBodyError(`The multipart body is invalid: ${(err as Error).message}`);
    }
  }
  if (type === '') {
    if (raw.includes(0)) return { kind: 'binary', value: raw.toString('base64') };
    const text = raw.toString('utf8');
    try {
      return { kind: 'json', value: JSON.parse(text) };
    } catch {
      return { kind: 'text', value: text };
    }
  }
  // Text with NUL bytes is binary in disguise (and PostgreSQL text cannot hold U+0000).
  if (isTextContentType(type))
    return raw.includes(0) ? { kind: 'binary', value: raw.toString('base64') } : { kind: 'text', value: raw.toString('utf8') };
  return { kind: 'binary', value: raw.toString('base64') };
}

/** Largest body a stored compressed body is inflated to when it is read back. */
const MAX_STORED_DECODED_BYTES = 64 * 1024 * 1024;

/**
 * Like {@link parseBody} but never throws: an invalid JSON body is shown as its text. A stored body
 * keeps its `Content-Encoding` (it is stored as received); pass it to see the decoded body.
 */
export function parseBodyLenient(
  raw: Buffer | null,
  contentType: string | null | undefined,
  contentEncoding?: string | string[] | null,
): ParsedBody {
  if (raw && contentEncoding) {
    const decoded = decodeContentEncoding(
      raw,
      Array.isArray(contentEncoding) ? contentEncoding.join(',') : contentEncoding,
      MAX_STORED_DECODED_BYTES,
    );
    if (decoded.ok) raw = decoded.body;
  }
  try {
    return parseBody(raw, contentType);
  } catch {
    return { kind: 'text', value: (raw ?? Buffer.alloc(0)).toString('utf8') };
  }
}
