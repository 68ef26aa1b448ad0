/** One difference between two JSON values: where (`url`, `headers.accept`, `paths[0].condition`), before and after. */
export interface ValueChange {
  path: string;
  /** Absent when the field was added. */
  before?: unknown;
  /** Absent when the field was removed. */
  after?: unknown;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function join(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  return /^[A-Za-z_$][\w$]*$/.test(key) ? (path ? `${path}.${key}` : key) : `${path}[${JSON.stringify(key)}]`;
}

/**
 * The differences between two JSON values, field by field, in document order: objects key by key,
 * arrays of the same length item by item (otherwise as one change). At most `limit` changes (default 200).
 */
export function diffValues(before: unknown, after: unknown, options: { path?: string; limit?: number } = {}): ValueChange[] {
  const out: ValueChange[] = [];
  const limit = options.limit ?? 200;
  const walk = (a: unknown, b: unknown, path: string): void => {
    if (out.length >= limit) return;
    if (isPlainObject(a) && isPlainObject(b)) {
      const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
      for (const key of keys) {
        const p = join(path, key);
        if (!(key in b)) out.push({ path: p, before: a[key] });
        else if (!(key in a)) out.push({ path: p, after: b[key] });
        else walk(a[key], b[key], p);
        if (out.length >= limit) return;
      }
      return;
    }
    if (Array.isArray(a) && Array.isArray(b) && a.length === b.length) {
      a.forEach((item, i) => walk(item, b[i], join(path, i)));
      return;
    }
    if (!sameJson(a, b)) out.push({ path, before: a, after: b });
  };
  walk(before, after, options.path ?? '');
  return out;
}

/** Deep equality of JSON values, ignoring key order. */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, i) => sameJson(item, b[i]));
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((k) => k in b && sameJson(a[k], b[k]));
  }
  return false;
}
