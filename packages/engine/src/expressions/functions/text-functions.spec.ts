import { describe, expect, it } from 'vitest';
import { evaluateExpression } from '../evaluate-expression';
import { ExpressionError } from '../expression-error';
import { DEFAULT_EXPRESSION_LIMITS } from '../expression-limits';
import { unboundedRuntime } from './function-error';
import { replaceAll, slugify, splitText, truncate } from './text-functions';

const run = (expression: string, input: unknown = {}) => evaluateExpression(expression, input);
const runtime = unboundedRuntime(DEFAULT_EXPRESSION_LIMITS);

describe('$slugify', () => {
  it.each([
    ['Hello, World!', 'hello-world'],
    ['  Crème Brûlée — 2 pièces ', 'creme-brulee-2-pieces'],
    ['Straße & Œuvre', 'strasse-oeuvre'],
    ['Привет, мир', 'привет-мир'],
    ['ﬁle №5', 'file-no5'],
    ['---', ''],
  ])('%j → %j', async (text, slug) => {
    expect(await run('$slugify(t)', { t: text })).toBe(slug);
  });

  it('takes a separator, and the context when called without arguments', async () => {
    expect(await run(`$slugify(title, '_')`, { title: 'Big Order 42' })).toBe('big_order_42');
    expect(await run(`title.$slugify()`, { title: 'Big Order 42' })).toBe('big-order-42');
    expect(await run(`$slugify(missing)`)).toBeUndefined();
  });

  it('joins words split across its internal chunks', async () => {
    const text = `${'a'.repeat(4095)}bc d`;
    expect(await slugify(runtime, text)).toBe(`${'a'.repeat(4095)}bc-d`);
  });

  it('refuses a slug longer than the string limit before building it whole', async () => {
    await expect(
      slugify(unboundedRuntime({ ...DEFAULT_EXPRESSION_LIMITS, maxStringLength: 10_000 }), 'ab '.repeat(10_000)),
    ).rejects.toMatchObject({ code: 'LIMIT_STRING' });
  });
});

describe('$truncate', () => {
  it.each([
    ['Hello world', 20, undefined, 'Hello world'],
    ['Hello world', 8, undefined, 'Hello w…'],
    ['Hello world', 8, '...', 'Hello...'],
    ['Hello world', 5, '', 'Hello'],
    ['😀😀😀😀', 3, undefined, '😀😀…'],
    ['Hello', 0, undefined, ''],
    ['Hello', 2, '...', '..'],
  ])('truncate(%j, %d, %j) is %j', (text, length, ellipsis, expected) => {
    expect(truncate(text, length, ellipsis)).toBe(expected);
  });

  it('works in expressions', async () => {
    expect(await run(`$truncate(note, 10)`, { note: 'A rather long note' })).toBe('A rather …');
    expect(await run(`note.$truncate(4, '')`, { note: 'A rather long note' })).toBe('A ra');
  });

  it('refuses a negative length', () => {
    expect(() => truncate('x', -1)).toThrow(/whole number/);
  });
});

describe('$splitText', () => {
  it('splits at white space by default, trimming and dropping empty parts', async () => {
    expect(await run(`$splitText('  Ada   Lovelace ')`)).toEqual(['Ada', 'Lovelace']);
    expect(await run(`$splitText('a, b,, c', ',')`)).toEqual(['a', 'b', 'c']);
  });

  it('returns one part by index, counting from the end when negative', async () => {
    expect(await run(`$splitText(name, ' ', 0)`, { name: 'Ada King Lovelace' })).toBe('Ada');
    expect(await run(`$splitText(name, ' ', -1)`, { name: 'Ada King Lovelace' })).toBe('Lovelace');
    expect(await run(`$splitText(name, ' ', 5)`, { name: 'Ada' })).toBeUndefined();
  });

  it('stops at the sequence limit', async () => {
    const limited = unboundedRuntime({ ...DEFAULT_EXPRESSION_LIMITS, maxSequenceLength: 100 });
    await expect(splitText(limited, 'x,'.repeat(1000), ',')).rejects.toMatchObject({ code: 'LIMIT_SEQUENCE' });
  });
});

describe('$replaceAll', () => {
  it('replaces every occurrence of literal text (no patterns)', async () => {
    expect(await run(`$replaceAll('1.5.2024', '.', '/')`)).toBe('1/5/2024');
    expect(await run(`$replaceAll('a+b+c', '+', ' plus ')`)).toBe('a plus b plus c');
  });

  it('makes several replacements in one pass, longest first', async () => {
    expect(await run(`$replaceAll('Grüße aus Köln', {'ü': 'ue', 'ö': 'oe', 'ß': 'ss'})`)).toBe('Gruesse aus Koeln');
    expect(await run(`$replaceAll('ab abc', {'ab': 'X', 'abc': 'Y'})`)).toBe('X Y');
    expect(await run(`$replaceAll('swap a b', {'a': 'b', 'b': 'a'})`)).toBe('swbp b a');
  });

  it('refuses an empty search text and a result over the string limit', async () => {
    await expect(run(`$replaceAll('abc', '', 'x')`)).rejects.toBeInstanceOf(ExpressionError);
    const limited = unboundedRuntime({ ...DEFAULT_EXPRESSION_LIMITS, maxStringLength: 1000 });
    await expect(replaceAll(limited, 'a'.repeat(100), 'a', 'bbbbbbbbbbbbbbbbbbbb')).rejects.toMatchObject({ code: 'LIMIT_STRING' });
  });
});
