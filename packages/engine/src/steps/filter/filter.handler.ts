import { evaluateExpression } from '../../expressions/evaluate-expression';
import { ExpressionError } from '../../expressions/expression-error';
import type { FilterStep } from './filter.schema';
import { StepError } from '../../runner/step-error';
import type { StepHandler } from '../../runner/step-handler';

/**
 * JSONata truthiness (`$boolean`): empty strings, 0, false, null, empty arrays, arrays of only false
 * values, empty objects and missing values are false.
 */
export function isTruthy(value: unknown): boolean {
  if (value === undefined || value === null || value === false || value === 0 || value === '') return false;
  if (Array.isArray(value)) return value.some(isTruthy);
  if (typeof value === 'number') return !Number.isNaN(value);
  if (typeof value === 'object') return Object.keys(value).length > 0;
  return true;
}

export const filterHandler: StepHandler<FilterStep> = async ({ step, context, evaluate }) => {
  let value: unknown;
  try {
    value = await evaluateExpression(step.condition, context, evaluate);
  } catch (err) {
    if (err instanceof ExpressionError) throw StepError.fromExpression(err, 'condition');
    throw err;
  }
  const passed = isTruthy(value);
  return { output: { passed }, proceed: passed };
};
