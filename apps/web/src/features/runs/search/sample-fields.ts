const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
const MAX_FIELDS = 200;

/** A field of a sample body that a search can match exactly: its path under `body` and the sample's value. */
export interface SampleField {
  path: string;
  value: string | number | boolean | null;
}

/**
 * The fields with plain values (text, number, true/false, null) of a sample body, as the search
 * writes them (`body.customer.email`, `body.items[0].sku`, `` body.`first name` ``), at most 200.
 */
export function sampleFields(body: unknown, path = 'body', out: SampleField[] = []): SampleField[] {
  if (out.length >= MAX_FIELDS) return out;
  if (Array.isArray(body)) body.forEach((item, i) => sampleFields(item, `${path}[${i}]`, out));
  else if (typeof body === 'object' && body !== null) {
    for (const [key, value] of Object.entries(body)) {
      sampleFields(value, `${path}.${IDENTIFIER.test(key) ? key : `\`${key.replace(/`/g, '\\`')}\``}`, out);
    }
  } else if (path !== 'body' && out.length < MAX_FIELDS) {
    out.push({ path, value: body as SampleField['value'] });
  }
  return out;
}

/** The exact-match search for a field: `body.customer.email = "ann@example.com"`. */
export function fieldSearch(params: { path: string; value: string }): string {
  const raw = params.value.trim();
  const literal = /^(-?\d+(\.\d+)?|true|false|null)$/.test(raw) || /^".*"$/.test(raw) ? raw : JSON.stringify(raw);
  return `${params.path} = ${literal}`;
}
