import { describe, expect, it } from 'vitest';
import { evaluateExpression } from '../evaluate-expression';
import { formatCurrency, roundTo } from './number-functions';

const run = (expression: string, input: unknown = {}) => evaluateExpression(expression, input);

describe('$formatCurrency', () => {
  it('formats money for a locale', async () => {
    expect(await run(`$formatCurrency(1234.5, 'EUR', 'de-DE')`)).toBe('1.234,50\u00a0€');
    expect(await run(`$formatCurrency(1234.5, 'USD')`)).toBe('$1,234.50');
    expect(await run(`$formatCurrency(-3, 'jpy', 'ja-JP')`)).toBe('-￥3');
  });

  it('refuses a bad currency or locale', () => {
    expect(() => formatCurrency(1, 'EURO')).toThrow(/three-letter/);
    expect(() => formatCurrency(1, 'EUR', 'not a locale!')).toThrow(/unknown locale/);
  });
});

describe('$roundTo', () => {
  it.each([
    [2.5, undefined, 3],
    [-2.5, undefined, -3],
    [1.005, 2, 1.01],
    [1.2345, 3, 1.235],
    [1234, -2, 1200],
    [1e-7, 3, 0],
    [0.1 + 0.2, 2, 0.3],
  ])('roundTo(%d, %j) is %d', (value, digits, expected) => {
    expect(roundTo(value, digits)).toBe(expected);
  });

  it('differs from JSONata $round, which rounds half to even', async () => {
    expect(await run('[$round(2.5), $roundTo(2.5), $roundTo(price, 1), $round(price, 1)]', { price: 10.25 })).toEqual([2, 3, 10.3, 10.2]);
  });
});
