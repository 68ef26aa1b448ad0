import { tokenizeJsonata, type JsonataToken } from './jsonata-tokenizer';

/** A path that reads a field the sample does not have. */
export interface MissingField {
  from: number;
  to: number;
  /** The field as written, e.g. `comits`. */
  field: string;
  /** The path up to the field, e.g. `trigger.body`. */
  parent: string;
  /** The closest field the sample has at that place, if one is close enough. */
  nearest: string | null;
  message: string;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The keys a path step can read at `value`: an object's keys, or for an array the keys of its objects (JSONata maps over arrays). */
function keysAt(value: unknown): Map<string, unknown[]> | null {
  if (Array.isArray(value)) {
    const keys = new Map<string, unknown[]>();
    let objects = 0;
    for (const item of value.slice(0, 100)) {
      const inner = keysAt(item);
      if (!inner) continue;
      objects += 1;
      for (const [key, values] of inner) keys.set(key, [...(keys.get(key) ?? []), ...values]);
    }
    return objects > 0 ? keys : null;
  }
  if (!isRecord(value)) return null;
  return new Map(Object.entries(value).map(([key, inner]) => [key, [inner]]));
}

/** Edit distance between two names, case-insensitive (a wrong case counts as one edit). */
export function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = prev[0];
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = prev[j];
      const same = a[i - 1] === b[j - 1] ? 0 : a[i - 1].toLowerCase() === b[j - 1].toLowerCase() ? 0.5 : 1;
      prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diagonal + same);
      diagonal = above;
    }
  }
  return Math.ceil(prev[b.length]);
}

/** The existing key closest to `name`, when it is close enough to be a likely typo (or a case slip). */
export function nearestKey(name: string, keys: Iterable<string>): string | null {
  let best: { key: string; distance: number } | null = null;
  for (const key of keys) {
    const distance = editDistance(name, key);
    if (!best || distance < best.distance) best = { key, distance };
  }
  if (!best) return null;
  const limit = Math.max(1, Math.floor(Math.max(name.length, best.key.length) / 3));
  const contains = best.key.toLowerCase().includes(name.toLowerCase()) || name.toLowerCase().includes(best.key.toLowerCase());
  return best.distance <= limit || (contains && Math.min(name.length, best.key.length) >= 3) ? best.key : null;
}

function fieldName(text: string, token: JsonataToken): string {
  const raw = text.slice(token.from, token.to);
  return raw.startsWith('`') ? raw.slice(1, raw.endsWith('`') && raw.length > 1 ? -1 : undefined) : raw;
}

/** Index of the token after the bracket group that opens at `index` (predicates and indexes keep the path's place). */
function skipBrackets(tokens: JsonataToken[], text: string, index: number): number {
  let depth = 0;
  for (let i = index; i < tokens.length; i++) {
    if (tokens[i].type !== 'bracket') continue;
    const char = text.slice(tokens[i].from, tokens[i].to);
    if (char === '[' || char === '(' || char === '{') depth += 1;
    else if (char === ']' || char === ')' || char === '}') depth -= 1;
    if (depth === 0) return i + 1;
  }
  return tokens.length;
}

function isChar(tokens: JsonataToken[], text: string, index: number, char: string): boolean {
  const token = tokens[index];
  return Boolean(token) && text.slice(token.from, token.to) === char;
}

/**
 * Paths in an expression (or a `{{ }}` template) that read a field the sample does not have, e.g.
 * `trigger.body.comits` when the body has `commits`. Only paths that start at the document's top
 * (`trigger`, `steps`) or at a known variable (`$item`) are checked; a step with no output yet, a
 * `null` or a value that is not an object stops the check (nothing is known past it).
 */
export function findMissingFields(params: {
  text: string;
  template?: boolean;
  root: unknown;
  variables?: Record<string, unknown>;
}): MissingField[] {
  const { text, template = false, root, variables = {} } = params;
  if (!isRecord(root)) return [];
  const tokens = tokenizeJsonata(text, { template });
  const found: MissingField[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const start = tokens[i];
    // A path starts where the previous token is not a `.` (which would make it a step of a longer path).
    if (i > 0 && isChar(tokens, text, i - 1, '.')) continue;
    let value: unknown;
    let parent: string;
    if (start.type === 'field') {
      const name = fieldName(text, start);
      if (!(name in root)) continue;
      value = root[name];
      parent = name;
    } else if (start.type === 'variable') {
      const name = text.slice(start.from + 1, start.to);
      if (!(name in variables)) continue;
      value = variables[name];
      parent = `$${name}`;
    } else continue;
    let j = i + 1;
    let first = true;
    while (j < tokens.length) {
      if (isChar(tokens, text, j, '[')) {
        j = skipBrackets(tokens, text, j);
        continue;
      }
      if (!isChar(tokens, text, j, '.') || tokens[j + 1]?.type !== 'field') break;
      const token = tokens[j + 1];
      const name = fieldName(text, token);
      const keys = keysAt(value);
      if (!keys) break;
      const next = keys.get(name);
      if (!next) {
        // A step with no output on the sample yet is unknown, not missing.
        if (first && parent === 'steps') break;
        const nearest = nearestKey(name, keys.keys());
        const message = nearest
          ? `The sample has no field “${name}” in ${parent}: did you mean “${nearest}”?`
          : `The sample has no field “${name}” in ${parent} (it has ${[...keys.keys()].slice(0, 6).join(', ') || 'no fields'}).`;
        found.push({ from: token.from, to: token.to, field: name, parent, nearest, message });
        break;
      }
      value = next.length === 1 ? next[0] : next;
      parent = `${parent}.${name}`;
      first = false;
      j += 2;
    }
    i = j - 1;
  }
  return found;
}
