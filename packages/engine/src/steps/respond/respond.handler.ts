import type { RespondStep } from './respond.schema';
import type { StepHandler } from '../../runner/step-handler';
import type { RespondOutput } from '../../runner/step-result';
import { evaluateField, renderField } from '../shared/evaluate-field';

/**
 * `respond`: builds the answer `{ status, headers, body }` for the request that started the run.
 * Header names are lower-cased; a body without a `content-type` header gets `application/json`, or
 * `text/plain; charset=utf-8` when it is text. The host sends it (see docs/steps.md).
 */
export const respondHandler: StepHandler<RespondStep> = async ({ step, context, evaluate }) => {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(step.headers)) {
    headers[name.toLowerCase()] = await renderField({ field: `headers.${name}`, template: value, context, evaluate });
  }
  const output: RespondOutput = { status: step.status, headers, body: null };
  if (step.body !== undefined) {
    const body = await evaluateField({ field: 'body', source: step.body, context, evaluate });
    if (body !== undefined) {
      output.body = body;
      headers['content-type'] ??= typeof body === 'string' ? 'text/plain; charset=utf-8' : 'application/json';
    }
  }
  return { output };
};
