import { evaluateExpression, type EvaluateOptions } from '../../expressions/evaluate-expression';
import { ExpressionError } from '../../expressions/expression-error';
import { renderTemplate } from '../../expressions/template';
import { StepError } from '../../runner/step-error';

/** Evaluates the JSONata expression of a step field; an expression error fails the step with `field`. */
export async function evaluateField(params: {
  field: string;
  source: string;
  context: unknown;
  evaluate: EvaluateOptions;
}): Promise<unknown> {
  try {
    return await evaluateExpression(params.source, params.context, params.evaluate);
  } catch (err) {
    if (err instanceof ExpressionError) throw StepError.fromExpression(err, params.field);
    throw err;
  }
}

/** Renders the `{{ }}` template of a step field; positions are relative to the whole field text. */
export async function renderField(params: {
  field: string;
  template: string;
  context: unknown;
  evaluate: EvaluateOptions;
}): Promise<string> {
  try {
    return await renderTemplate(params.template, params.context, params.evaluate);
  } catch (err) {
    if (err instanceof ExpressionError) throw StepError.fromExpression(err, params.field);
    throw err;
  }
}
