import { beforeAll, describe, expect, it } from 'vitest';
import { checkExpressionSyntax, compileExpression, configureExpressionRuntime, evaluateExpression } from './evaluate-expression';
import { ExpressionError } from './expression-error';
import { DEFAULT_EXPRESSION_LIMITS } from './expression-limits';

async function rejected(promise: Promise<unknown>): Promise<ExpressionError> {
  try {
    await promise;
  } catch (err) {
    expect(err).toBeInstanceOf(ExpressionError);
    return err as ExpressionError;
  }
  throw new Error('expected an ExpressionError, the promise resolved');
}

beforeAll(() => {
  configureExpressionRuntime({ yieldToHost: () => new Promise((resolve) => setImmediate(resolve)) });
});

describe('DEFAULT_EXPRESSION_LIMITS', () => {
  it('has the documented defaults and cannot be changed', () => {
    expect(DEFAULT_EXPRESSION_LIMITS).toEqual({
      timeoutMs: 1000,
      maxDepth: 500,
      maxSequenceLength: 1_000_000,
      maxAllocatedItems: 10_000_000,
      maxStringLength: 16 * 1024 * 1024,
      maxOutputBytes: 16 * 1024 * 1024,
      maxDataDepth: 256,
    });
    expect(Object.isFrozen(DEFAULT_EXPRESSION_LIMITS)).toBe(true);
  });
});

describe('compileExpression / checkExpressionSyntax', () => {
  it('compiles once per text and limits (cache)', () => {
    expect(compileExpression('a.b')).toBe(compileExpression('a.b'));
    expect(compileExpression('a.b', { timeoutMs: 50 })).not.toBe(compileExpression('a.b'));
  });

  it('returns null for a valid expression', () => {
    expect(checkExpressionSyntax('trigger.body.items[price > 10].{"id": id}')).toBeNull();
  });

  it('reports a syntax error with code, position and token, also when cached', () => {
    for (let i = 0; i < 2; i++) {
      const error = checkExpressionSyntax('amount > ]');
      expect(error).toBeInstanceOf(ExpressionError);
      expect(error).toMatchObject({ kind: 'syntax', token: ']', position: 10 });
      expect(error?.code).toMatch(/^S0\d{3}$/);
    }
  });

  it('reports an unexpected end of expression', () => {
    expect(checkExpressionSyntax('a = ')?.toJSON()).toMatchObject({ code: 'S0207', kind: 'syntax', position: 4, token: '(end)' });
  });
});

describe('evaluateExpression', () => {
  it('evaluates against the input with bindings', async () => {
    await expect(
      evaluateExpression('$sum(items.price) * $rate', { items: [{ price: 2 }, { price: 3 }] }, { bindings: { rate: 10 } }),
    ).resolves.toBe(50);
  });

  it('returns undefined for a missing value', async () => {
    await expect(evaluateExpression('missing.path', { a: 1 })).resolves.toBeUndefined();
  });

  it('returns plain JSON: JSONata sequences become arrays, functions disappear, forbidden keys are stripped', async () => {
    const value = await evaluateExpression(
      '{"list": items.x, "fn": $string, "a": {"__proto__": {"polluted": true}, "constructor": 1, "ok": 2}}',
      {
        items: [{ x: 1 }, { x: 2 }],
      },
    );
    expect(value).toEqual({ list: [1, 2], a: { ok: 2 } });
    expect(Array.isArray((value as { list: unknown }).list)).toBe(true);
    expect(Object.getPrototypeOf((value as { a: object }).a)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('returns what JSONata returns with raw: true', async () => {
    const value = await evaluateExpression('items.x', { items: [{ x: 1 }, { x: 2 }] }, { raw: true });
    expect((value as { sequence?: boolean }).sequence).toBe(true);
  });

  it('answers $now() and $millis() with the recorded instant', async () => {
    const now = Date.UTC(2024, 0, 2, 3, 4, 5, 678);
    await expect(evaluateExpression('$now()', null, { now })).resolves.toBe('2024-01-02T03:04:05.678Z');
    await expect(evaluateExpression('$millis()', null, { now })).resolves.toBe(now);
    await expect(evaluateExpression('$now("[Y0001]-[M01]-[D01] [H01]:[m01]", "+0100")', null, { now })).resolves.toBe('2024-01-02 04:04');
  });

  it('rejects with an ExpressionError carrying JSONata code, position and token', async () => {
    const error = await rejected(evaluateExpression('1 + "a"', {}));
    expect(error).toMatchObject({ code: 'T2002', kind: 'evaluation', position: 3, token: '+' });
    expect(error.cause).toMatchObject({ code: 'T2002' });
  });

  it('rejects a syntax error at evaluation too', async () => {
    const error = await rejected(evaluateExpression('(', {}));
    expect(error.kind).toBe('syntax');
  });

  it('turns $error() into an ExpressionError with the message', async () => {
    const error = await rejected(evaluateExpression('$error("custom problem")', {}));
    expect(error).toMatchObject({ code: 'D3137', message: 'custom problem', kind: 'evaluation' });
  });

  it('times out a runaway loop with LIMIT_TIMEOUT', async () => {
    const error = await rejected(evaluateExpression('($f := function($x){$f($x)}; $f(1))', {}, { limits: { timeoutMs: 50 } }));
    expect(error).toMatchObject({ code: 'LIMIT_TIMEOUT', kind: 'limit' });
  });

  it('stops deep recursion with LIMIT_DEPTH', async () => {
    const error = await rejected(evaluateExpression('($f := function($x){1 + $f($x)}; $f(1))', {}, { limits: { maxDepth: 100 } }));
    expect(error).toMatchObject({ code: 'LIMIT_DEPTH', kind: 'limit' });
  });

  it('honours maxDepth exactly like JSONata counts frames', async () => {
    const factorial = '($f := function($n){$n = 0 ? 1 : $n * $f($n - 1)}; $f(20))';
    await expect(evaluateExpression(factorial, {}, { limits: { maxDepth: 500 } })).resolves.toBe(2432902008176640000);
    await expect(rejected(evaluateExpression(factorial, {}, { limits: { maxDepth: 20 } }))).resolves.toMatchObject({ code: 'LIMIT_DEPTH' });
  });

  it('stops a long sequence with LIMIT_SEQUENCE', async () => {
    const error = await rejected(evaluateExpression('[1..2000]', {}, { limits: { maxSequenceLength: 1000 } }));
    expect(error).toMatchObject({ code: 'LIMIT_SEQUENCE', kind: 'limit' });
  });

  it('stops allocation across intermediate results with LIMIT_ALLOCATION', async () => {
    const error = await rejected(evaluateExpression('[1..100].([1..100])', {}, { limits: { maxAllocatedItems: 5000 } }));
    expect(error).toMatchObject({ code: 'LIMIT_ALLOCATION', kind: 'limit' });
    await expect(evaluateExpression('$count([1..10].([1..10]))', {}, { limits: { maxAllocatedItems: 5000 } })).resolves.toBe(100);
  });

  it('stops a long string with LIMIT_STRING', async () => {
    const error = await rejected(evaluateExpression('$join([1..200].("0123456789"))', {}, { limits: { maxStringLength: 1000 } }));
    expect(error).toMatchObject({ code: 'LIMIT_STRING', kind: 'limit' });
  });

  it('caps $pad at maxStringLength and keeps its JSONata behaviour below it', async () => {
    await expect(rejected(evaluateExpression('$pad("x", 5000)', {}, { limits: { maxStringLength: 1000 } }))).resolves.toMatchObject({
      code: 'LIMIT_STRING',
      kind: 'limit',
    });
    await expect(evaluateExpression('$pad("5", 3, "0")', {})).resolves.toBe('500');
    await expect(evaluateExpression('$pad("5", -3, "0")', {})).resolves.toBe('005');
    await expect(evaluateExpression('$pad("abc", 2)', {})).resolves.toBe('abc');
    await expect(evaluateExpression('$pad("a", 6, "xy")', {})).resolves.toBe('axyxyx');
    await expect(evaluateExpression('$pad("😀", -4, "👍x")', {})).resolves.toBe('👍x👍😀');
    await expect(evaluateExpression('$length($pad("", 16000000, "ab"))', {})).resolves.toBe(16_000_000);
    await expect(evaluateExpression('$pad(nothing, 6)', {})).resolves.toBeUndefined();
  });

  it('limits the size of the result with LIMIT_OUTPUT', async () => {
    const error = await rejected(evaluateExpression('[1..1000].("0123456789")', {}, { limits: { maxOutputBytes: 1000 } }));
    expect(error).toMatchObject({ code: 'LIMIT_OUTPUT', kind: 'limit' });
  });

  it('limits the depth of the result with LIMIT_DATA_DEPTH', async () => {
    const error = await rejected(evaluateExpression('{"a": {"b": {"c": {"d": 1}}}}', {}, { limits: { maxDataDepth: 3 } }));
    expect(error).toMatchObject({ code: 'LIMIT_DATA_DEPTH', kind: 'limit' });
  });

  it('runs regular expressions with RE2 and rejects look-around clearly', async () => {
    await expect(evaluateExpression('$match("order 12 and 345", /\\d+/).match', {})).resolves.toEqual(['12', '345']);
    await expect(evaluateExpression('$replace("a-b-c", /-/, "+")', {})).resolves.toBe('a+b+c');
    await expect(evaluateExpression('$split("a1b22c", /\\d+/)', {})).resolves.toEqual(['a', 'b', 'c']);
    await expect(evaluateExpression('$contains("Hello", /hello/i)', {})).resolves.toBe(true);
    const error = await rejected(evaluateExpression('$match("abc", /a(?=b)/)', {}));
    expect(error.code).toBe('REGEX_UNSUPPORTED');
    expect(error.message).toMatch(/linear time/);
  });
});
