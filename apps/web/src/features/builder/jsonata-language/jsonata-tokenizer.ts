/** Kinds of JSONata tokens, as the highlighter and completion see them. */
export type JsonataTokenType =
  | 'string'
  | 'number'
  | 'variable'
  | 'function'
  | 'keyword'
  | 'atom'
  | 'field'
  | 'operator'
  | 'bracket'
  | 'punctuation'
  | 'comment'
  | 'regex'
  | 'templateBrace'
  | 'templateText'
  | 'invalid';

export interface JsonataToken {
  type: JsonataTokenType;
  from: number;
  to: number;
}

/** What carries over from one line to the next. */
export interface JsonataTokenizerState {
  /** Inside `/* ... *\/`. */
  inComment: boolean;
  /** Quote character of a string that continues on the next line. */
  inString: '"' | "'" | null;
  /** Inside a backtick-quoted field name. */
  inBacktick: boolean;
  /** True when the last significant token ends an operand, so `/` divides instead of starting a regex. */
  afterOperand: boolean;
  /** Template mode: null for a plain expression, otherwise whether we are inside `{{ }}`. */
  template: null | { inside: boolean };
}

export function initialTokenizerState(params: { template?: boolean } = {}): JsonataTokenizerState {
  return { inComment: false, inString: null, inBacktick: false, afterOperand: false, template: params.template ? { inside: false } : null };
}

export function copyTokenizerState(state: JsonataTokenizerState): JsonataTokenizerState {
  return { ...state, template: state.template ? { ...state.template } : null };
}

const KEYWORDS = new Set(['and', 'or', 'in', 'function']);
const ATOMS = new Set(['true', 'false', 'null']);
const IDENT_START = /[A-Za-z_\u00C0-\uFFFF]/;
const IDENT_PART = /[A-Za-z0-9_\u00C0-\uFFFF]/;
const OPERATORS = [
  ':=',
  '~>',
  '!=',
  '>=',
  '<=',
  '..',
  '**',
  '?:',
  '??',
  '.',
  '+',
  '-',
  '*',
  '/',
  '%',
  '=',
  '<',
  '>',
  '&',
  '?',
  ':',
  '^',
  '#',
  '@',
  '|',
  '!',
];

function readQuoted(line: string, start: number, quote: string): { end: number; closed: boolean } {
  let i = start;
  while (i < line.length) {
    const char = line[i];
    if (char === '\\') {
      i += 2;
      continue;
    }
    if (char === quote) return { end: i + 1, closed: true };
    i += 1;
  }
  return { end: line.length, closed: false };
}

/**
 * Reads the next token of `line` at `pos` (skipping nothing: whitespace is returned as null type
 * with its end). Pure: the caller owns `state`, which is updated in place for multi-line tokens.
 */
export function nextToken(line: string, pos: number, state: JsonataTokenizerState): { end: number; type: JsonataTokenType | null } {
  if (state.template && !state.template.inside) {
    const open = line.indexOf('{{', pos);
    if (open === pos) {
      state.template.inside = true;
      state.afterOperand = false;
      return { end: pos + 2, type: 'templateBrace' };
    }
    return { end: open === -1 ? line.length : open, type: 'templateText' };
  }
  if (state.inComment) {
    const close = line.indexOf('*/', pos);
    if (close === -1) return { end: line.length, type: 'comment' };
    state.inComment = false;
    return { end: close + 2, type: 'comment' };
  }
  if (state.inString) {
    const { end, closed } = readQuoted(line, pos, state.inString);
    if (closed) {
      state.inString = null;
      state.afterOperand = true;
    }
    return { end, type: 'string' };
  }
  if (state.inBacktick) {
    const close = line.indexOf('`', pos);
    if (close === -1) return { end: line.length, type: 'field' };
    state.inBacktick = false;
    state.afterOperand = true;
    return { end: close + 1, type: 'field' };
  }

  const char = line[pos];
  if (/\s/.test(char)) {
    let end = pos + 1;
    while (end < line.length && /\s/.test(line[end])) end += 1;
    return { end, type: null };
  }
  if (state.template && line.startsWith('}}', pos)) {
    state.template.inside = false;
    state.afterOperand = false;
    return { end: pos + 2, type: 'templateBrace' };
  }
  if (line.startsWith('/*', pos)) {
    const close = line.indexOf('*/', pos + 2);
    if (close === -1) {
      state.inComment = true;
      return { end: line.length, type: 'comment' };
    }
    return { end: close + 2, type: 'comment' };
  }
  if (char === '"' || char === "'") {
    const { end, closed } = readQuoted(line, pos + 1, char);
    if (closed) state.afterOperand = true;
    else state.inString = char;
    return { end, type: 'string' };
  }
  if (char === '`') {
    const close = line.indexOf('`', pos + 1);
    if (close === -1) {
      state.inBacktick = true;
      return { end: line.length, type: 'field' };
    }
    state.afterOperand = true;
    return { end: close + 1, type: 'field' };
  }
  if (/[0-9]/.test(char)) {
    const match = /^(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?/.exec(line.slice(pos));
    const end = pos + (match ? match[0].length : 1);
    state.afterOperand = true;
    return { end, type: 'number' };
  }
  if (char === '/' && !state.afterOperand) {
    let i = pos + 1;
    while (i < line.length) {
      if (line[i] === '\\') {
        i += 2;
        continue;
      }
      if (line[i] === '/') break;
      i += 1;
    }
    if (i < line.length) {
      let end = i + 1;
      while (end < line.length && /[a-z]/.test(line[end])) end += 1;
      state.afterOperand = true;
      return { end, type: 'regex' };
    }
  }
  if (char === '$') {
    let end = pos + 1;
    if (line[end] === '$') end += 1;
    else while (end < line.length && IDENT_PART.test(line[end])) end += 1;
    let look = end;
    while (look < line.length && line[look] === ' ') look += 1;
    state.afterOperand = true;
    return { end, type: line[look] === '(' && end > pos + 1 ? 'function' : 'variable' };
  }
  if (IDENT_START.test(char)) {
    let end = pos + 1;
    while (end < line.length && IDENT_PART.test(line[end])) end += 1;
    const word = line.slice(pos, end);
    if (KEYWORDS.has(word)) {
      state.afterOperand = false;
      return { end, type: 'keyword' };
    }
    state.afterOperand = true;
    return { end, type: ATOMS.has(word) ? 'atom' : 'field' };
  }
  if ('([{'.includes(char)) {
    state.afterOperand = false;
    return { end: pos + 1, type: 'bracket' };
  }
  if (')]}'.includes(char)) {
    state.afterOperand = true;
    return { end: pos + 1, type: 'bracket' };
  }
  if (char === ',' || char === ';') {
    state.afterOperand = false;
    return { end: pos + 1, type: 'punctuation' };
  }
  for (const operator of OPERATORS) {
    if (line.startsWith(operator, pos)) {
      state.afterOperand = false;
      return { end: pos + operator.length, type: 'operator' };
    }
  }
  return { end: pos + 1, type: 'invalid' };
}

/** Splits a whole expression (or template) into tokens, whitespace left out. */
export function tokenizeJsonata(text: string, options: { template?: boolean } = {}): JsonataToken[] {
  const state = initialTokenizerState(options);
  const tokens: JsonataToken[] = [];
  let offset = 0;
  for (const line of text.split('\n')) {
    let pos = 0;
    while (pos < line.length) {
      const { end, type } = nextToken(line, pos, state);
      if (type) {
        const last = tokens[tokens.length - 1];
        // Multi-line strings and comments are one token.
        const adjacent = last && (last.to === offset + pos || (pos === 0 && last.to === offset - 1));
        if (last && adjacent && last.type === type && (type === 'string' || type === 'comment' || type === 'templateText'))
          last.to = offset + end;
        else tokens.push({ type, from: offset + pos, to: offset + end });
      }
      pos = end;
    }
    offset += line.length + 1;
  }
  return tokens;
}
