import { assertStringLength, chunks, functionError, type FunctionRuntime } from './function-error';

const CHUNK_CHARS = 4096;
const COMBINING_MARKS = /\p{M}+/gu;
const WORD = /[\p{L}\p{N}]+/gu;
const WORD_CHAR = /[\p{L}\p{N}]$/u;
/** Latin letters that Unicode does not decompose into a base letter and a mark. */
const TRANSLITERATIONS: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ł: 'l',
  ı: 'i',
  ħ: 'h',
  ŧ: 't',
};
const TRANSLITERATE = new RegExp(`[${Object.keys(TRANSLITERATIONS).join('')}]`, 'g');

/**
 * `$slugify(text, separator?)`: lower-case words joined by `separator` (default `-`): accents are
 * removed (`Crème Brûlée` → `creme-brulee`, `Straße` → `strasse`), letters of other scripts are kept,
 * everything else separates words. Works in chunks, checking the evaluation's budget, so a huge
 * text ends in `LIMIT_TIMEOUT` or `LIMIT_STRING` instead of blocking the process.
 */
export async function slugify(runtime: FunctionRuntime, text: unknown, separator?: unknown): Promise<string | undefined> {
  if (text === undefined) return undefined;
  if (typeof text !== 'string') throw functionError('slugify', 'expects a text');
  const sep = separator === undefined || separator === null ? '-' : String(separator);
  let out = '';
  let endsInWord = false;
  for (const chunk of chunks(text, CHUNK_CHARS)) {
    const plain = chunk
      .normalize('NFKD')
      .replace(COMBINING_MARKS, '')
      .toLowerCase()
      .replace(TRANSLITERATE, (c) => TRANSLITERATIONS[c]);
    for (const match of plain.matchAll(WORD)) {
      const joinsPrevious = match.index === 0 && endsInWord;
      out += joinsPrevious || out.length === 0 ? match[0] : sep + match[0];
    }
    endsInWord = WORD_CHAR.test(plain);
    assertStringLength('slugify', out.length, runtime.limits);
    await runtime.tick();
  }
  return out;
}

/**
 * `$truncate(text, maxLength, ellipsis?)`: `text` when it is at most `maxLength` characters,
 * else its beginning followed by `ellipsis` (default `…`), `maxLength` characters in all. Counts
 * Unicode characters, never splitting one.
 */
export function truncate(text: unknown, maxLength: unknown, ellipsis?: unknown): string | undefined {
  if (text === undefined) return undefined;
  if (typeof text !== 'string') throw functionError('truncate', 'expects a text');
  if (typeof maxLength !== 'number' || !Number.isInteger(maxLength) || maxLength < 0)
    throw functionError('truncate', 'the length must be a whole number, 0 or more');
  const tail = ellipsis === undefined || ellipsis === null ? '…' : String(ellipsis);
  if (text.length <= maxLength) return text;
  const tailChars = Array.from(tail);
  const keep = Math.max(0, maxLength - tailChars.length);
  let count = 0;
  let units = 0;
  let cut = 0;
  for (const char of text) {
    if (count === keep) cut = units;
    count++;
    units += char.length;
    if (count > maxLength) break;
  }
  if (count <= maxLength) return text;
  return text.slice(0, cut) + (tailChars.length > maxLength ? tailChars.slice(0, maxLength).join('') : tail);
}

/**
 * `$splitText(text, separator?, index?)`: splits at `separator` (default: any run of white space),
 * trims the parts and drops the empty ones. With `index`, returns that part only (0 is the first,
 * -1 the last). At most `maxSequenceLength` parts.
 */
export async function splitText(
  runtime: FunctionRuntime,
  text: unknown,
  separator?: unknown,
  index?: unknown,
): Promise<string[] | string | undefined> {
  if (text === undefined) return undefined;
  if (typeof text !== 'string') throw functionError('splitText', 'expects a text');
  if (separator !== undefined && separator !== null && (typeof separator !== 'string' || separator.length === 0)) {
    throw functionError('splitText', 'the separator must be a non-empty text');
  }
  if (index !== undefined && (typeof index !== 'number' || !Number.isInteger(index)))
    throw functionError('splitText', 'the index must be a whole number');
  const parts: string[] = [];
  let seen = 0;
  const add = async (part: string) => {
    if ((++seen & 0x3fff) === 0) await runtime.tick();
    const trimmed = part.trim();
    if (trimmed.length === 0) return;
    if (parts.length >= runtime.limits.maxSequenceLength) {
      throw { code: 'LIMIT_SEQUENCE', message: `$splitText would produce more than ${runtime.limits.maxSequenceLength} parts` };
    }
    parts.push(trimmed);
  };
  if (typeof separator === 'string') {
    let start = 0;
    for (let at = text.indexOf(separator); at !== -1; at = text.indexOf(separator, start)) {
      await add(text.slice(start, at));
      start = at + separator.length;
    }
    await add(text.slice(start));
  } else {
    for (const match of text.matchAll(/\S+/g)) await add(match[0]);
  }
  if (index === undefined) return parts;
  return parts[index < 0 ? parts.length + index : index];
}

/**
 * `$replaceAll(text, find, replacement)` replaces every occurrence of the literal text `find`;
 * `$replaceAll(text, { "find": "replacement", ... })` makes several replacements in one pass
 * (longest match first). No patterns: use `$replace` for regular expressions.
 */
export async function replaceAll(
  runtime: FunctionRuntime,
  text: unknown,
  find: unknown,
  replacement?: unknown,
): Promise<string | undefined> {
  if (text === undefined) return undefined;
  if (typeof text !== 'string') throw functionError('replaceAll', 'expects a text');
  let table: Map<string, string>;
  if (typeof find === 'string') {
    if (typeof replacement !== 'string') throw functionError('replaceAll', 'the replacement must be a text');
    table = new Map([[find, replacement]]);
  } else if (find !== null && typeof find === 'object' && !Array.isArray(find)) {
    table = new Map(Object.entries(find).map(([k, v]) => [k, typeof v === 'string' ? v : (JSON.stringify(v) ?? '')]));
  } else {
    throw functionError('replaceAll', 'expects the text to find and its replacement, or an object of replacements');
  }
  if (table.size === 0) return text;
  if (table.size > 1000) throw functionError('replaceAll', 'takes at most 1,000 replacements');
  if ([...table.keys()].some((key) => key.length === 0)) throw functionError('replaceAll', 'the text to find must not be empty');
  const keys = [...table.keys()].sort((a, b) => b.length - a.length);
  const pattern = new RegExp(keys.map(escapeRegExp).join('|'), 'g');
  let out = '';
  let last = 0;
  let count = 0;
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    const value = table.get(match[0]) as string;
    out += text.slice(last, match.index) + value;
    last = match.index + match[0].length;
    assertStringLength('replaceAll', out.length + text.length - last, runtime.limits);
    if ((++count & 0xfff) === 0) await runtime.tick();
  }
  return out + text.slice(last);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}
