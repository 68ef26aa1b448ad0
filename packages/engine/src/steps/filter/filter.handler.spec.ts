import { describe, expect, it } from 'vitest';
import { evaluateExpression } from '../../expressions/evaluate-expression';
import { isTruthy } from './filter.handler';

describe('isTruthy', () => {
  it.each([
    [undefined, false],
    [null, false],
    [false, false],
    [0, false],
    [NaN, false],
    ['', false],
    [[], false],
    [[0, '', false, null], false],
    [[[]], false],
    [{}, false],
    [[{}], false],
    [true, true],
    [1, true],
    [-0.5, true],
    ['0', true],
    ['false', true],
    [[0, 1], true],
    [[[1]], true],
    [{ a: 0 }, true],
  ])('isTruthy(%j) is %s', (value, expected) => {
    expect(isTruthy(value)).toBe(expected);
  });

  it.each(['{}', '{"a": 1}', '[]', '[0, ""]', '[0, 1]', '[{}]', '"0"', '0', 'null', '[null]', '[[0]]', 'true', '"x"'])(
    'agrees with JSONata $boolean(%s)',
    async (expression) => {
      const expected = await evaluateExpression(`$boolean(${expression})`, {});
      expect(isTruthy(await evaluateExpression(expression, {}))).toBe(expected);
    },
  );
});
