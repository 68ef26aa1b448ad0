import { evaluateExpression } from '../../expressions/evaluate-expression';
import { ExpressionError } from '../../expressions/expression-error';
import type { MapStep } from './map.schema';
import { StepError } from '../../runner/step-error';
import type { StepHandler } from '../../runner/step-handler';

export const mapHandler: StepHandler<MapStep> = async ({ step, context, evaluate }) => {
  try {
    const output = await evaluateExpression(step.expression, context, evaluate);
    return { output: output === undefined ? null : output };
  } catch (err) {
    if (err instanceof ExpressionError) throw StepError.fromExpression(err, 'expression');
    throw err;
  }
};
