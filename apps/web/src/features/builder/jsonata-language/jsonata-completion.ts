import { fieldSegment } from './field-path';
import { JSONATA_FUNCTIONS } from './jsonata-functions';
import { initialTokenizerState, nextToken, type JsonataTokenizerState } from './jsonata-tokenizer';

export interface JsonataCompletionOption {
  label: string;
  /** Text inserted instead of the label, e.g. a backtick-quoted field. */
  apply?: string;
  type: 'function' | 'property' | 'variable' | 'keyword';
  detail?: string;
  info?: string;
}

export interface JsonataCompletionResult {
  from: number;
  options: JsonataCompletionOption[];
}

/** State of the tokenizer at `pos`: tells whether the cursor is in a string, comment or template text. */
function stateAt(text: string, pos: number, template: boolean): { state: JsonataTokenizerState; insideToken: string | null } {
  const state = initialTokenizerState({ template });
  let lineStart = 0;
  const before = text.slice(0, pos);
  for (const line of before.split('\n')) {
    let i = 0;
    while (i < line.length) {
      const { end, type } = nextToken(line, i, state);
      if (
        lineStart + end >= pos &&
        lineStart + i < pos &&
        (type === 'string' || type === 'comment' || type === 'regex' || type === 'templateText')
      ) {
        const closedHere = lineStart + end < pos;
        if (!closedHere) return { state, insideToken: type };
      }
      i = end;
    }
    lineStart += line.length + 1;
  }
  const inside = state.inString ? 'string' : state.inComment ? 'comment' : state.template && !state.template.inside ? 'templateText' : null;
  return { state, insideToken: inside };
}

const VARIABLE_INFO: Record<string, string> = { item: 'The current item of the loop', index: 'Position of the current item, from 0' };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Keys offered after a value: an object's keys, or for an array the keys of its objects (JSONata maps over arrays). */
function keysOf(value: unknown): Array<{ key: string; sample: unknown }> {
  if (Array.isArray(value)) {
    const seen = new Map<string, unknown>();
    for (const item of value.slice(0, 50)) {
      for (const entry of keysOf(item)) if (!seen.has(entry.key)) seen.set(entry.key, entry.sample);
    }
    return [...seen].map(([key, sample]) => ({ key, sample }));
  }
  if (!isRecord(value)) return [];
  return Object.entries(value).map(([key, sample]) => ({ key, sample }));
}

function child(value: unknown, key: string): unknown {
  if (Array.isArray(value)) {
    const values = value.map((item) => child(item, key)).filter((item) => item !== undefined);
    return values.length === 0 ? undefined : values.flat();
  }
  return isRecord(value) ? value[key] : undefined;
}

function describeSample(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return `array (${value.length})`;
  if (typeof value === 'object') return 'object';
  if (typeof value === 'string') return value.length > 24 ? `"${value.slice(0, 24)}…"` : JSON.stringify(value);
  return String(value);
}

/**
 * Reads the path being typed before `pos`: `trigger.body.us` -> segments `['trigger','body']`,
 * partial `us`. Returns null when the text before the cursor is not a simple path.
 */
export function pathBeforeCursor(text: string, pos: number): { segments: string[]; partial: string; from: number } | null {
  let i = pos;
  while (i > 0 && /[A-Za-z0-9_]/.test(text[i - 1])) i -= 1;
  const partial = text.slice(i, pos);
  const from = i;
  const segments: string[] = [];
  let cursor = i;
  while (cursor > 0 && text[cursor - 1] === '.') {
    let end = cursor - 1;
    let start: number;
    let name: string;
    if (text[end - 1] === '`') {
      const open = text.lastIndexOf('`', end - 2);
      if (open === -1) return null;
      start = open;
      name = text.slice(open + 1, end - 1);
    } else {
      start = end;
      while (start > 0 && /[A-Za-z0-9_]/.test(text[start - 1])) start -= 1;
      name = text.slice(start, end);
      if (!name) return null;
    }
    segments.unshift(name);
    cursor = start;
    end = start;
  }
  if (cursor > 0 && /[$]/.test(text[cursor - 1])) return null;
  if (cursor > 0 && (text[cursor - 1] === ']' || text[cursor - 1] === ')')) return null;
  return { segments, partial, from };
}

/**
 * Completion at a cursor: JSONata functions after `$`, keys of the sample document along a path
 * (`trigger.body.` lists the body's fields), and the roots `trigger` and `steps`. Pure, for tests.
 */
export function completeJsonata(params: {
  text: string;
  pos: number;
  root: unknown;
  template?: boolean;
  explicit?: boolean;
  /** Variables in scope by name without `$` (`item`, `index` inside a loop): offered after `$`, their fields after `$item.`. */
  variables?: Record<string, unknown>;
}): JsonataCompletionResult | null {
  const { text, pos, root, template = false, explicit = false, variables = {} } = params;
  const { insideToken } = stateAt(text, pos, template);
  if (insideToken) return null;

  const variablePath = /\$([A-Za-z_][A-Za-z0-9_]*)((?:\.[A-Za-z0-9_]+)*)\.([A-Za-z0-9_]*)$/.exec(text.slice(Math.max(0, pos - 200), pos));
  if (variablePath && variablePath[1] in variables) {
    let value: unknown = variables[variablePath[1]];
    for (const segment of variablePath[2].split('.').filter(Boolean)) value = child(value, segment);
    const options = keysOf(value).map(({ key, sample }) => ({
      label: key,
      apply: fieldSegment(key),
      type: 'property' as const,
      detail: describeSample(sample),
    }));
    return options.length ? { from: pos - variablePath[3].length, options } : null;
  }

  const dollar = /\$[A-Za-z0-9_]*$/.exec(text.slice(Math.max(0, pos - 64), pos));
  if (dollar) {
    const from = pos - dollar[0].length;
    const assigned = new Set<string>();
    for (const match of text.matchAll(/(\$[A-Za-z_][A-Za-z0-9_]*)\s*:=/g)) assigned.add(match[1]);
    const options: JsonataCompletionOption[] = [
      ...Object.entries(variables).map(([name, sample]) => ({
        label: `$${name}`,
        type: 'variable' as const,
        detail: describeSample(sample),
        info: VARIABLE_INFO[name],
      })),
      ...[...assigned]
        .filter((name) => !(name.slice(1) in variables))
        .map((name) => ({ label: name, type: 'variable' as const, detail: 'variable' })),
      ...JSONATA_FUNCTIONS.map((fn) => ({
        label: fn.name,
        apply: `${fn.name}(`,
        type: 'function' as const,
        detail: fn.signature,
        info: fn.description,
      })),
    ];
    return { from, options };
  }

  const path = pathBeforeCursor(text, pos);
  if (!path) return null;
  if (path.segments.length === 0) {
    if (!explicit && path.partial.length === 0) return null;
    const options = keysOf(root).map(({ key, sample }) => ({
      label: key,
      apply: fieldSegment(key),
      type: 'property' as const,
      detail: describeSample(sample),
    }));
    return options.length ? { from: path.from, options } : null;
  }
  let value: unknown = root;
  for (const segment of path.segments) {
    value = child(value, segment);
    if (value === undefined) return null;
  }
  const options = keysOf(value).map(({ key, sample }) => ({
    label: key,
    apply: fieldSegment(key),
    type: 'property' as const,
    detail: describeSample(sample),
  }));
  return options.length ? { from: path.from, options } : null;
}
