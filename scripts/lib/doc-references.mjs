// Finds the repository paths that a markdown document names, for scripts/check-docs.mjs.
// Pure: text in, references out; the caller decides what exists.

/** Extensions that mark a bare word in code as a file name (`run-executor.ts`). */
export const FILE_EXTENSIONS = [
  'ts',
  'tsx',
  'mts',
  'cts',
  'js',
  'mjs',
  'cjs',
  'json',
  'md',
  'css',
  'html',
  'yml',
  'yaml',
  'sql',
  'sh',
  'toml',
];

const FENCE = /^\s*(```|~~~)/;
const INLINE_CODE = /(`+)([^`]|[^`][\s\S]*?[^`])\1(?!`)/g;
// [text](target "title") and ![alt](target); the target may be wrapped in <>.
const INLINE_LINK = /!?\[(?:[^\]\\]|\\.)*\]\(\s*(<[^>]*>|[^)\s]+)(?:\s+(?:"[^"]*"|'[^']*'))?\s*\)/g;
const REFERENCE_DEFINITION = /^\s{0,3}\[[^\]]+\]:\s*(<[^>]*>|\S+)/;
const TABLE_ROW = /^\s*\|/;
const TABLE_SEPARATOR = /^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/;

/** The cells of a table row; a `|` inside code does not split a cell. */
export function tableCells(row) {
  const cells = [];
  let cell = '';
  let ticks = 0;
  const text = row.trim().replace(/^\|/, '').replace(/\|$/, '');
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === '`') {
      let run = 1;
      while (text[i + run] === '`') run++;
      if (ticks === 0) ticks = run;
      else if (ticks === run) ticks = 0;
      cell += text.slice(i, i + run);
      i += run - 1;
    } else if (char === '\\' && text[i + 1] === '|') {
      cell += '|';
      i++;
    } else if (char === '|' && ticks === 0) {
      cells.push(cell);
      cell = '';
    } else cell += char;
  }
  cells.push(cell);
  return cells;
}

/**
 * What a document names.
 * @typedef {{ line: number, kind: 'code' | 'link', text: string, path: string, rooted: boolean }} DocReference
 * `path` is relative to the repository root when `rooted` (links, and code that starts with a
 * top-level entry such as `apps/`), otherwise a tail that some repository path must end with.
 */

/**
 * @param {string} markdown
 * @param {{ docPath: string, topLevel: Iterable<string> }} options `docPath` relative to the
 *   repository root (links resolve from its folder); `topLevel` the names at the root (`apps`,
 *   `README.md`...), which make a path in code rooted.
 * @returns {DocReference[]}
 */
export function extractReferences(markdown, { docPath, topLevel }) {
  const roots = new Set(topLevel);
  const docDir = dirname(docPath);
  /** @type {DocReference[]} */
  const found = [];
  const lines = markdown.split(/\r?\n/);
  let fence = null;
  /** In a table whose header names a folder per column (`apps/api/src`): that folder, by column. */
  let columnBases = null;
  /** A line whose code span goes on in the next line of the paragraph. */
  let carry = null;
  lines.forEach((line, index) => {
    const lineNumber = index + 1;
    const opener = FENCE.exec(line);
    if (fence) {
      if (opener && opener[1] === fence) fence = null;
      else for (const token of line.split(/\s+/)) addCode(token, lineNumber, { rootedOnly: true, base: null });
      return;
    }
    const continues = carry !== null && !opener && line.trim() !== '' && !TABLE_ROW.test(line);
    if (carry !== null && !continues) scanText(carry.text, carry.line, null);
    // A path wrapped after a slash (`apps/api/src/credentials/` + `credential-resolver.ts`) is one path.
    const text = continues ? `${carry.text}${carry.text.endsWith('/') ? '' : ' '}${line.trim()}` : line;
    const textLine = continues ? carry.line : lineNumber;
    carry = null;
    if (opener) {
      fence = opener[1];
      return;
    }
    if (!TABLE_ROW.test(line)) columnBases = null;
    else if (TABLE_SEPARATOR.test(lines[index + 1] ?? '')) columnBases = tableCells(line).map(columnBase);
    const definition = REFERENCE_DEFINITION.exec(line);
    if (definition) addLink(definition[1], lineNumber);
    if (!TABLE_ROW.test(text) && hasOpenCodeSpan(text)) {
      carry = { text, line: textLine };
      return;
    }
    const cells = columnBases && !TABLE_SEPARATOR.test(text) ? tableCells(text) : [text];
    cells.forEach((cell, column) => scanText(cell, textLine, cells.length > 1 ? (columnBases?.[column] ?? null) : null));
  });
  if (carry !== null) scanText(carry.text, carry.line, null);
  return found;

  function scanText(text, line, base) {
    const withoutCode = text.replace(INLINE_CODE, (whole, _ticks, code) => {
      for (const token of code.trim().split(/\s+/)) addCode(token, line, { rootedOnly: false, base });
      return ' '.repeat(whole.length);
    });
    for (const match of withoutCode.matchAll(INLINE_LINK)) addLink(match[1], line);
  }

  /** The folder a header cell names alone in code, e.g. `apps/api/src`: names below it are relative to it. */
  function columnBase(cell) {
    const code = [...cell.matchAll(INLINE_CODE)].map((match) => cleanToken(match[2]));
    if (code.length !== 1 || !looksLikePath(code[0])) return null;
    const path = normalize(code[0]);
    return path && roots.has(path.split('/')[0]) && !hasFileExtension(path) ? path : null;
  }

  function addLink(rawTarget, line) {
    const target = rawTarget.replace(/^<|>$/g, '');
    if (target === '' || target.startsWith('#') || /^[a-z][a-z0-9+.-]*:/i.test(target)) return;
    const withoutFragment = target.replace(/[?#].*$/, '');
    if (withoutFragment === '') return;
    const path = normalize(withoutFragment.startsWith('/') ? withoutFragment.slice(1) : joinPath(docDir, safeDecode(withoutFragment)));
    if (path === null) return;
    found.push({ line, kind: 'link', text: target, path, rooted: true });
  }

  function addCode(rawToken, line, { rootedOnly, base }) {
    const cleaned = cleanToken(rawToken);
    const token = patternPrefix(cleaned);
    // What a pattern's folder means without a root is anyone's guess (`text/*`, `PUBLIC_URL/runs/<id>`).
    const pattern = token !== cleaned;
    if (!token || !looksLikePath(token)) return;
    const path = normalize(token);
    if (path === null || path === '') return;
    const first = path.split('/')[0];
    if (roots.has(first) && (path.includes('/') || roots.has(path))) {
      found.push({ line, kind: 'code', text: rawToken, path, rooted: true });
      return;
    }
    if (rootedOnly) return;
    if (base && (path.includes('/') || hasFileExtension(path) || token.endsWith('/'))) {
      found.push({ line, kind: 'code', text: rawToken, path: `${base}/${path}`, rooted: true });
      return;
    }
    if (pattern) return;
    const slash = path.includes('/') || token.endsWith('/');
    if ((slash && (hasFileExtension(path) || token.endsWith('/'))) || (!slash && hasFileExtension(path))) {
      found.push({ line, kind: 'code', text: rawToken, path: token.endsWith('/') ? `${path}/` : path, rooted: false });
    }
  }
}

/** True when a code span opens in the text and does not close there (it goes on in the next line). */
export function hasOpenCodeSpan(text) {
  let open = 0;
  for (const run of text.match(/`+/g) ?? []) {
    if (open === 0) open = run.length;
    else if (open === run.length) open = 0;
  }
  return open !== 0;
}

const PATTERN = /[*?{[<…]|\.\.\.|NNNN|XXXX/;

/**
 * A pattern (`scripts/*.mjs`, `steps/<type>/`, `docs/adr/NNNN-title.md`, `hooks/{a,b}.ts`) is checked
 * up to its last folder before the pattern: that folder must exist. Other tokens are returned as they are.
 */
export function patternPrefix(token) {
  const at = token.search(PATTERN);
  if (at === -1) return token;
  const slash = token.lastIndexOf('/', at);
  return slash === -1 ? '' : token.slice(0, slash + 1);
}

/** Strips what surrounds a path in prose or a command: quotes, brackets, punctuation, `:line`. */
export function cleanToken(token) {
  let t = token.trim();
  t = t.replace(/^[("'[]+/, '').replace(/[)"'\],;.:]+$/, '');
  t = t.replace(/:\d+(:\d+)?$/, '');
  if (t.startsWith('./')) t = t.slice(2);
  return t;
}

/** A token that can only be a path: no URL, flag, placeholder, glob, variable or expression. */
export function looksLikePath(token) {
  if (token.length < 3) return false;
  if (/^[-/~@$=]/.test(token)) return false;
  if (token.includes('://') || token.includes('..')) return false;
  if (/[*<>{}[\]?$=…:|\\,;()'"`]/.test(token)) return false;
  if (/NNNN|XXXX/.test(token)) return false;
  return /^[A-Za-z0-9._@/-]+$/.test(token) && (token.includes('/') || hasFileExtension(token));
}

function hasFileExtension(path) {
  const base = path.replace(/\/$/, '').split('/').pop() ?? '';
  const dot = base.lastIndexOf('.');
  return dot > 0 && FILE_EXTENSIONS.includes(base.slice(dot + 1));
}

function dirname(path) {
  const i = path.lastIndexOf('/');
  return i === -1 ? '' : path.slice(0, i);
}

function joinPath(dir, relative) {
  return dir ? `${dir}/${relative}` : relative;
}

function safeDecode(text) {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Resolves `.` and `..`; null when the path climbs out of the repository. Keeps no trailing slash. */
export function normalize(path) {
  const parts = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (parts.length === 0) return null;
      parts.pop();
    } else parts.push(part);
  }
  return parts.join('/');
}

/**
 * The words a document declares are not repository paths, in `<!-- not-paths: a b -->` comments
 * (a file inside a backup archive, a folder the user creates, a name an ADR recalls from history).
 */
export function declaredNotPaths(markdown) {
  return new Set([...markdown.matchAll(/<!--\s*not-paths:([^>]*?)-->/g)].flatMap((m) => m[1].trim().split(/\s+/).filter(Boolean)));
}
