import { childPath } from '../../lib/json-path';

export interface ValueChange {
  /** JSONata-style path of the changed value (`steps[1].expression`); empty for the whole value. */
  path: string;
  kind: 'added' | 'removed' | 'changed';
  before?: unknown;
  after?: unknown;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function sameScalar(a: unknown, b: unknown): boolean {
  return a === b || (Number.isNaN(a) && Number.isNaN(b));
}

/**
 * The leaves that differ between two JSON values, walking objects by key and arrays by index, in
 * document order. Stops after `limit` changes so a rewritten definition stays cheap to show.
 */
export function diffValues(params: { before: unknown; after: unknown; limit?: number }): { changes: ValueChange[]; truncated: boolean } {
  const { before, after, limit = 200 } = params;
  const changes: ValueChange[] = [];
  let truncated = false;

  function push(change: ValueChange) {
    if (changes.length >= limit) truncated = true;
    else changes.push(change);
  }

  function walk(a: unknown, b: unknown, path: string) {
    if (truncated) return;
    if (a === undefined && b === undefined) return;
    if (a === undefined) return push({ path, kind: 'added', after: b });
    if (b === undefined) return push({ path, kind: 'removed', before: a });
    if (Array.isArray(a) && Array.isArray(b)) {
      for (let index = 0; index < Math.max(a.length, b.length); index += 1)
        walk(a[index], b[index], childPath({ parent: path, key: index }));
      return;
    }
    if (isObject(a) && isObject(b)) {
      const keys = [...Object.keys(a), ...Object.keys(b).filter((key) => !(key in a))];
      for (const key of keys) walk(a[key], b[key], childPath({ parent: path, key }));
      return;
    }
    if (!sameScalar(a, b)) push({ path, kind: 'changed', before: a, after: b });
  }

  walk(before ?? undefined, after ?? undefined, '');
  return { changes, truncated };
}

export interface DiffLine {
  kind: 'same' | 'added' | 'removed';
  text: string;
}

/** Past this many lines on a side the line diff is skipped (its table grows with the product). */
export const MAX_DIFF_LINES = 1500;

/**
 * A unified line diff (longest common subsequence) of two texts, e.g. two pretty-printed JSON
 * values. Null when either side is longer than MAX_DIFF_LINES.
 */
export function diffLines(params: { before: string; after: string }): DiffLine[] | null {
  const a = params.before ? params.before.split('\n') : [];
  const b = params.after ? params.after.split('\n') : [];
  if (a.length > MAX_DIFF_LINES || b.length > MAX_DIFF_LINES) return null;
  const width = b.length + 1;
  const lcs = new Uint32Array((a.length + 1) * width);
  for (let i = a.length - 1; i >= 0; i -= 1) {
    for (let j = b.length - 1; j >= 0; j -= 1) {
      lcs[i * width + j] = a[i] === b[j] ? lcs[(i + 1) * width + j + 1] + 1 : Math.max(lcs[(i + 1) * width + j], lcs[i * width + j + 1]);
    }
  }
  const lines: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      lines.push({ kind: 'same', text: a[i] });
      i += 1;
      j += 1;
    } else if (lcs[(i + 1) * width + j] >= lcs[i * width + j + 1]) {
      lines.push({ kind: 'removed', text: a[i] });
      i += 1;
    } else {
      lines.push({ kind: 'added', text: b[j] });
      j += 1;
    }
  }
  for (; i < a.length; i += 1) lines.push({ kind: 'removed', text: a[i] });
  for (; j < b.length; j += 1) lines.push({ kind: 'added', text: b[j] });
  return lines;
}

/** Keeps changed lines with `context` lines around them; runs of unchanged lines become one gap marker. */
export function collapseUnchanged(params: { lines: DiffLine[]; context?: number }): Array<DiffLine | { kind: 'gap'; count: number }> {
  const { lines, context = 3 } = params;
  const keep = lines.map(() => false);
  lines.forEach((line, index) => {
    if (line.kind === 'same') return;
    for (let k = Math.max(0, index - context); k <= Math.min(lines.length - 1, index + context); k += 1) keep[k] = true;
  });
  const out: Array<DiffLine | { kind: 'gap'; count: number }> = [];
  let gap = 0;
  lines.forEach((line, index) => {
    if (keep[index]) {
      if (gap) out.push({ kind: 'gap', count: gap });
      gap = 0;
      out.push(line);
    } else gap += 1;
  });
  if (gap) out.push({ kind: 'gap', count: gap });
  return out;
}
