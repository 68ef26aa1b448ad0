import { tokenizeJsonata } from './jsonata-tokenizer';

/** A JavaScript spelling that JSONata does not have, with the JSONata one. */
export interface JsHabit {
  from: number;
  to: number;
  /** What was written, e.g. `.length`. */
  found: string;
  /** The JSONata spelling, in words with an example. */
  message: string;
}

const METHODS: Record<string, string> = {
  map: 'JSONata has no .map(): write list.(expression), e.g. trigger.body.items.(price * qty), or $map(list, function($v) { … })',
  filter: 'JSONata has no .filter(): put the condition in brackets, e.g. trigger.body.items[qty > 1]',
  forEach: 'JSONata has no .forEach(): write list.(expression), e.g. trigger.body.items.(name)',
  join: "JSONata has no .join(): write $join(list, ', ')",
  includes: "JSONata has no .includes(): write $contains(text, 'word') for text, or 'value' in list for a list",
  indexOf: "JSONata has no .indexOf(): write $contains(text, 'word'), or $substringBefore(text, 'word')",
  toUpperCase: 'JSONata has no .toUpperCase(): write $uppercase(text)',
  toLowerCase: 'JSONata has no .toLowerCase(): write $lowercase(text)',
  trim: 'JSONata has no .trim(): write $trim(text)',
  split: "JSONata has no .split(): write $split(text, ',')",
  slice: 'JSONata has no .slice(): write $substring(text, start, length) for text, or list[[0..2]] for the first three items',
  toString: 'JSONata has no .toString(): write $string(value)',
  push: 'JSONata has no .push(): write $append(list, value)',
};

const RULES: Array<{ pattern: RegExp; message: (match: RegExpExecArray) => string | null }> = [
  {
    pattern: /\.\s*length\b(?!\s*\()/g,
    message: () => 'JSONata has no .length: write $count(list) for the number of items, or $length(text) for the number of characters',
  },
  {
    pattern: /\.\s*([A-Za-z]+)\s*\(/g,
    message: (match) => METHODS[match[1]] ?? null,
  },
  { pattern: /!==/g, message: () => 'JSONata compares with != (not !==)' },
  { pattern: /===/g, message: () => 'JSONata compares with = (not ===)' },
  { pattern: /(?<![=!<>])==(?!=)/g, message: () => 'JSONata compares with a single = (not ==)' },
  { pattern: /&&/g, message: () => 'JSONata writes “and” (not &&), e.g. a > 1 and b = "x"' },
  {
    pattern: /\|\|/g,
    message: () => 'JSONata writes “or” (not ||), e.g. a = 1 or b = 2; for a default value write $exists(a) ? a : "default"',
  },
  { pattern: /!(?!=)/g, message: () => 'JSONata has no ! for “not”: write $not(value), e.g. $not($exists(trigger.body.email))' },
];

/** Masks strings, comments, regexes and a template's literal text, so that rules see code only. */
function codeOnly(text: string, template: boolean): string {
  const chars = [...text];
  for (const token of tokenizeJsonata(text, { template })) {
    if (token.type === 'string' || token.type === 'comment' || token.type === 'regex' || token.type === 'templateText') {
      for (let i = token.from; i < token.to; i++) if (chars[i] !== '\n') chars[i] = ' ';
    }
  }
  return chars.join('');
}

/**
 * JavaScript habits in an expression (or a `{{ }}` template) that JSONata spells differently:
 * `.length`, `.map(` and other methods, `===`, `==`, `&&`, `||`, `!`. Strings and comments are ignored.
 */
export function findJsHabits(params: { text: string; template?: boolean }): JsHabit[] {
  const { text, template = false } = params;
  if (!/[.=&|!]/.test(text)) return [];
  const code = codeOnly(text, template);
  const found: JsHabit[] = [];
  for (const rule of RULES) {
    rule.pattern.lastIndex = 0;
    let match: RegExpExecArray | null;
    while ((match = rule.pattern.exec(code))) {
      const from = match.index;
      const to = from + match[0].length;
      if (found.some((f) => from < f.to && to > f.from)) continue;
      const message = rule.message(match);
      if (message) found.push({ from, to, found: text.slice(from, to).replace(/\s+/g, ''), message });
    }
  }
  return found.sort((a, b) => a.from - b.from);
}
