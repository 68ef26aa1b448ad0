import { describe, expect, it } from 'vitest';
import { ExpressionError } from './expression-error';
import { assertDataDepth, sanitizeValue } from './sanitize-value';

const LOOSE = { maxDepth: 256, maxBytes: 1024 * 1024 };

function nested(levels: number, leaf: unknown = 1): unknown {
  let value: unknown = leaf;
  for (let i = 0; i < levels; i++) value = { a: value };
  return value;
}

function thrown(fn: () => unknown): ExpressionError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(ExpressionError);
    return err as ExpressionError;
  }
  throw new Error('expected an ExpressionError, nothing was thrown');
}

describe('sanitizeValue', () => {
  it('copies plain JSON unchanged (as a new object)', () => {
    const value = { s: 'x', n: 1.5, b: false, z: null, list: [1, 'two', { three: 3 }], o: { deep: { er: true } } };
    const copy = sanitizeValue({ value, ...LOOSE });
    expect(copy).toEqual(value);
    expect(copy).not.toBe(value);
  });

  it('strips __proto__, constructor and prototype keys at every level', () => {
    const hostile = JSON.parse(
      '{"__proto__": {"polluted": 1}, "constructor": {"prototype": {"x": 1}}, "prototype": 2, "keep": {"__proto__": 3, "ok": 4}, "list": [{"constructor": 5, "v": 6}]}',
    );
    const copy = sanitizeValue({ value: hostile, ...LOOSE }) as Record<string, unknown>;
    expect(copy).toEqual({ keep: { ok: 4 }, list: [{ v: 6 }] });
    expect(Object.prototype.hasOwnProperty.call(copy, '__proto__')).toBe(false);
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('drops functions and undefined values; arrays keep their length with null', () => {
    const fn = () => 1;
    const lambda = { _jsonata_lambda: true, body: {} };
    const copy = sanitizeValue({ value: { fn, lambda, u: undefined, list: [1, undefined, fn, 2] }, ...LOOSE });
    expect(copy).toEqual({ list: [1, null, null, 2] });
  });

  it('turns non-finite numbers into null, dates into ISO strings and bigints into strings', () => {
    const copy = sanitizeValue({ value: { inf: Infinity, nan: NaN, d: new Date(Date.UTC(2024, 0, 1)), big: BigInt(12) }, ...LOOSE });
    expect(copy).toEqual({ inf: null, nan: null, d: '2024-01-01T00:00:00.000Z', big: '12' });
  });

  it('accepts exactly maxDepth levels of nesting and rejects one more with LIMIT_DATA_DEPTH', () => {
    expect(sanitizeValue({ value: nested(3), maxDepth: 3, maxBytes: 1000 })).toEqual({ a: { a: { a: 1 } } });
    const error = thrown(() => sanitizeValue({ value: nested(4), maxDepth: 3, maxBytes: 1000 }));
    expect(error).toMatchObject({ code: 'LIMIT_DATA_DEPTH', kind: 'limit' });
  });

  it('fails a 100k-deep value with LIMIT_DATA_DEPTH instead of a stack overflow', () => {
    const error = thrown(() => sanitizeValue({ value: nested(100_000), ...LOOSE }));
    expect(error.code).toBe('LIMIT_DATA_DEPTH');
  });

  it('rejects a result larger than maxBytes with LIMIT_OUTPUT', () => {
    expect(sanitizeValue({ value: 'x'.repeat(90), maxDepth: 10, maxBytes: 100 })).toHaveLength(90);
    expect(thrown(() => sanitizeValue({ value: 'x'.repeat(200), maxDepth: 10, maxBytes: 100 }))).toMatchObject({
      code: 'LIMIT_OUTPUT',
      kind: 'limit',
    });
    expect(thrown(() => sanitizeValue({ value: new Array(100).fill(1), maxDepth: 10, maxBytes: 100 })).code).toBe('LIMIT_OUTPUT');
    expect(thrown(() => sanitizeValue({ value: { ['k'.repeat(150)]: 1 }, maxDepth: 10, maxBytes: 100 })).code).toBe('LIMIT_OUTPUT');
  });

  it('counts bytes roughly like the JSON text', () => {
    const value = { name: 'Ada', tags: ['a', 'b'], n: 12 };
    const json = JSON.stringify(value).length;
    expect(() => sanitizeValue({ value, maxDepth: 10, maxBytes: json * 2 })).not.toThrow();
    expect(() => sanitizeValue({ value, maxDepth: 10, maxBytes: Math.floor(json / 2) })).toThrow(ExpressionError);
  });
});

describe('assertDataDepth', () => {
  it('accepts data nested up to maxDepth levels and scalars', () => {
    expect(() => assertDataDepth({ value: nested(3), maxDepth: 3 })).not.toThrow();
    expect(() => assertDataDepth({ value: [[['x']]], maxDepth: 3 })).not.toThrow();
    expect(() => assertDataDepth({ value: 'text', maxDepth: 0 })).not.toThrow();
    expect(() => assertDataDepth({ value: null, maxDepth: 0 })).not.toThrow();
  });

  it('rejects one level more with LIMIT_DATA_DEPTH and names what is too deep', () => {
    const error = thrown(() => assertDataDepth({ value: { ok: 1, list: [[[[1]]]] }, maxDepth: 4, what: 'The request body' }));
    expect(error).toMatchObject({ code: 'LIMIT_DATA_DEPTH', kind: 'limit' });
    expect(error.message).toBe('The request body is nested deeper than 4 levels');
  });

  it('measures a 100k-deep document without recursion', () => {
    let deep: unknown[] = [];
    const root = deep;
    for (let i = 0; i < 100_000; i++) {
      const next: unknown[] = [];
      deep.push(next);
      deep = next;
    }
    expect(thrown(() => assertDataDepth({ value: root, maxDepth: 256 })).code).toBe('LIMIT_DATA_DEPTH');
  });
});
