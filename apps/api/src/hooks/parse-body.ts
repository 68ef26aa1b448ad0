/** How a request body is shown to expressions and in the API. */
export type ParsedBody =
  | { kind: 'empty'; value: null }
  | { kind: 'json'; value: unknown }
  | { kind: 'form'; value: Record<string, string | string[]> }
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
  if (type === '') {
    const text = raw.toString('utf8');
    try {
      return { kind: 'json', value: JSON.parse(text) };
    } catch {
      return { kind: 'text', value: text };
    }
  }
  if (isTextContentType(type)) return { kind: 'text', value: raw.toString('utf8') };
  return { kind: 'binary', value: raw.toString('base64') };
}

/** Like {@link parseBody} but never throws: an invalid JSON body is shown as its text. */
export function parseBodyLenient(raw: Buffer | null, contentType: string | null | undefined): ParsedBody {
  try {
    return parseBody(raw, contentType);
  } catch {
    return { kind: 'text', value: (raw ?? Buffer.alloc(0)).toString('utf8') };
  }
}
