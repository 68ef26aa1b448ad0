import type { HttpResponse } from '../../runner/ports';

const FORM_CONTENT_TYPE = 'application/x-www-form-urlencoded';

/**
 * Parses a response body by its content type: JSON when it says JSON (or says nothing) and parses,
 * an object of fields for `application/x-www-form-urlencoded` (a repeated field gives an array),
 * text otherwise. A body the host truncated stays text.
 */
export function parseResponseBody(response: HttpResponse): unknown {
  const type = (response.headers['content-type'] ?? '').toLowerCase().split(';')[0].trim();
  if (response.body.length === 0 || response.bodyTruncated) return response.body;
  if (type === '' || type.endsWith('/json') || type.endsWith('+json')) {
    try {
      return JSON.parse(response.body);
    } catch {
      return response.body;
    }
  }
  if (type === FORM_CONTENT_TYPE) return parseForm(response.body);
  return response.body;
}

function parseForm(text: string): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = Object.create(null);
  for (const [name, value] of new URLSearchParams(text)) {
    if (name === '__proto__' || name === 'constructor' || name === 'prototype') continue;
    const seen = out[name];
    out[name] = seen === undefined ? value : Array.isArray(seen) ? [...seen, value] : [seen, value];
  }
  return { ...out };
}
