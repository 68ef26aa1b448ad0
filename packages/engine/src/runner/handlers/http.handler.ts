import { evaluateExpression } from '../../expressions/evaluate-expression';
import { ExpressionError } from '../../expressions/expression-error';
import { DEFAULT_EXPRESSION_LIMITS } from '../../expressions/expression-limits';
import { assertDataDepth } from '../../expressions/sanitize-value';
import { renderTemplate } from '../../expressions/template';
import type { HttpStep } from '../../schema/steps/http-step.schema';
import type { HttpResponse } from '../ports';
import { StepError, toStepErrorInfo } from '../step-error';
import type { StepHandler } from '../step-handler';

const SECRET_HEADERS = /^(authorization|proxy-authorization|cookie|x-api-key|api-key|x-auth-token)$/i;
const EXCERPT_CHARS = 1000;

async function renderField(field: string, template: string, context: unknown, evaluate: Parameters<typeof renderTemplate>[2]): Promise<string> {
  try {
    return await renderTemplate(template, context, evaluate);
  } catch (err) {
    // renderTemplate reports positions relative to the whole field text.
    if (err instanceof ExpressionError) throw StepError.fromExpression(err, field);
    throw err;
  }
}

/** Parses a response body by its content type: JSON when it says JSON and parses, text otherwise. */
export function parseResponseBody(response: HttpResponse): unknown {
  const type = (response.headers['content-type'] ?? '').toLowerCase();
  if ((type.includes('json') || type === '') && response.body.length > 0 && !response.bodyTruncated) {
    try {
      return JSON.parse(response.body);
    } catch {
      return response.body;
    }
  }
  return response.body;
}

export const httpHandler: StepHandler<HttpStep> = async ({ step, context, ports, evaluate }) => {
  const url = (await renderField('url', step.url, context, evaluate)).trim();
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(step.headers)) {
    headers[name.toLowerCase()] = await renderField(`headers.${name}`, value, context, evaluate);
  }
  let body: string | undefined;
  if (step.body !== undefined && step.method !== 'GET' && step.method !== 'HEAD') {
    let value: unknown;
    try {
      value = await evaluateExpression(step.body, context, evaluate);
    } catch (err) {
      if (err instanceof ExpressionError) throw StepError.fromExpression(err, 'body');
      throw err;
    }
    if (typeof value === 'string') {
      body = value;
      headers['content-type'] ??= 'text/plain; charset=utf-8';
    } else if (value !== undefined) {
      body = JSON.stringify(value);
      headers['content-type'] ??= 'application/json';
    }
  }
  const sent = { method: step.method, url, headers: maskHeaders(headers), body: body === undefined ? undefined : excerpt(body, 64 * 1024) };
  let response: HttpResponse;
  try {
    response = await ports.http.send({ method: step.method, url, headers, body, timeoutMs: step.timeoutMs });
  } catch (err) {
    const info = toStepErrorInfo(err);
    throw new StepError({ ...info, details: { ...info.details, request: sent } });
  }
  const parsed = parseResponseBody(response);
  if (response.status < 200 || response.status > 299) {
    throw new StepError({
      code: 'HTTP_STATUS',
      message: `${step.method} ${hostOf(url)} answered HTTP ${response.status}`,
      kind: 'user',
      retryable: response.status >= 500 || response.status === 429 || response.status === 408,
      details: { status: response.status, bodyExcerpt: excerpt(response.body, EXCERPT_CHARS), request: sent },
    });
  }
  try {
    // A hostile server may answer deeply nested JSON that would overflow the stack of whoever
    // serializes the step output (the host's checkpoint, later expressions).
    assertDataDepth({ value: parsed, maxDepth: evaluate.limits?.maxDataDepth ?? DEFAULT_EXPRESSION_LIMITS.maxDataDepth, what: 'The response body' });
  } catch (err) {
    throw new StepError({ ...toStepErrorInfo(err), field: 'response', details: { status: response.status, request: sent } });
  }
  return { input: sent, output: { status: response.status, headers: response.headers, body: parsed } };
};

function maskHeaders(headers: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) out[name] = SECRET_HEADERS.test(name) ? '***' : value;
  return out;
}

function excerpt(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
