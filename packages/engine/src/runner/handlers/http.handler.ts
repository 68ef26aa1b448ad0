import { DEFAULT_EXPRESSION_LIMITS } from '../../expressions/expression-limits';
import { assertDataDepth } from '../../expressions/sanitize-value';
import type { HttpStep } from '../../schema/steps/http-step.schema';
import type { HttpResponse, ResolvedCredential } from '../ports';
import { parseRetryAfter } from '../retry-policy';
import { StepError, toStepErrorInfo } from '../step-error';
import type { StepHandler } from '../step-handler';
import { evaluateField, renderField } from './evaluate-field';

const SECRET_HEADERS = /^(authorization|proxy-authorization|cookie|x-api-key|api-key|x-auth-token)$/i;
const EXCERPT_CHARS = 1000;
const FORM_CONTENT_TYPE = 'application/x-www-form-urlencoded';

/**
 * Parses a response body by its content type: JSON when it says JSON (or says nothing) and parses,
 * an object of fields for `application/x-www-form-urlencoded` (a repeated field gives an array),
 * text otherwise. A body the host truncated stays text.
 */
export function parseResponseBody(response: HttpResponse): unknown {
  const type = (response.headers['content-type'] ?? '').toLowerCase().split(';')[0].trim();
  if (response.body.length === 0 || response.bodyTruncated) return response.body;
  if (type === '' || type.endsWith('/json') || type.endsWith('+json')) {
    try {
      return JSON.parse(response.body);
    } catch {
      return response.body;
    }
  }
  if (type === FORM_CONTENT_TYPE) return parseForm(response.body);
  return response.body;
}

function parseForm(text: string): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = Object.create(null);
  for (const [name, value] of new URLSearchParams(text)) {
    if (name === '__proto__' || name === 'constructor' || name === 'prototype') continue;
    const seen = out[name];
    out[name] = seen === undefined ? value : Array.isArray(seen) ? [...seen, value] : [seen, value];
  }
  return { ...out };
}

/** Adds encoded query parameters to a URL, before its `#fragment`. */
export function appendQuery(url: string, params: ReadonlyArray<[string, string]>): string {
  if (params.length === 0) return url;
  const hash = url.indexOf('#');
  const base = hash === -1 ? url : url.slice(0, hash);
  const fragment = hash === -1 ? '' : url.slice(hash);
  const query = params.map(([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(value)}`).join('&');
  const separator = !base.includes('?') ? '?' : base.endsWith('?') || base.endsWith('&') ? '' : '&';
  return `${base}${separator}${query}${fragment}`;
}

export const httpHandler: StepHandler<HttpStep> = async ({ step, key, context, ports, evaluate, runId }) => {
  const render = (field: string, template: string) => renderField({ field, template, context, evaluate });
  const query: Array<[string, string]> = [];
  for (const [name, value] of Object.entries(step.query ?? {})) {
    const rendered = await render(`query.${name}`, value);
    if (rendered !== '') query.push([name, rendered]);
  }
  const url = appendQuery((await render('url', step.url)).trim(), query);
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(step.headers)) headers[name.toLowerCase()] = await render(`headers.${name}`, value);

  let body: string | undefined;
  if (step.method !== 'GET' && step.method !== 'HEAD') {
    switch (step.bodyType ?? 'json') {
      case 'json': {
        if (step.body === undefined) break;
        const value = await evaluateField({ field: 'body', source: step.body, context, evaluate });
        if (typeof value === 'string') {
          body = value;
          headers['content-type'] ??= 'text/plain; charset=utf-8';
        } else if (value !== undefined) {
          body = JSON.stringify(value);
          headers['content-type'] ??= 'application/json';
        }
        break;
      }
      case 'form': {
        const fields = new URLSearchParams();
        for (const [name, value] of Object.entries(step.form ?? {})) fields.append(name, await render(`form.${name}`, value));
        body = fields.toString();
        headers['content-type'] ??= FORM_CONTENT_TYPE;
        break;
      }
      case 'raw':
        body = await render('raw', step.raw ?? '');
        headers['content-type'] ??= step.contentType?.trim() || 'text/plain; charset=utf-8';
        break;
    }
    if (runId !== undefined && step.idempotencyKey !== false) headers['idempotency-key'] ??= `${runId}:${key}`;
  }

  const secret = new Set<string>();
  if (step.credentialId !== undefined) {
    if (!ports.credentials) {
      throw new StepError({
        code: 'CREDENTIALS_UNAVAILABLE',
        message: `credentialId: this step uses the stored credential ${step.credentialId}, but this host cannot resolve stored credentials`,
        kind: 'system',
        retryable: false,
        field: 'credentialId',
      });
    }
    let resolved: ResolvedCredential;
    try {
      resolved = await ports.credentials.resolve(step.credentialId);
    } catch (err) {
      throw new StepError({ field: 'credentialId', ...toStepErrorInfo(err) });
    }
    for (const [name, value] of Object.entries(resolved.headers)) {
      headers[name.toLowerCase()] = value;
      secret.add(name.toLowerCase());
    }
  }

  const sent = { method: step.method, url, headers: maskHeaders(headers, secret), body: body === undefined ? undefined : excerpt(body, 64 * 1024) };
  let response: HttpResponse;
  try {
    response = await ports.http.send({ method: step.method, url, headers, body, timeoutMs: step.timeoutMs });
  } catch (err) {
    const info = toStepErrorInfo(err);
    throw new StepError({ ...info, details: { ...info.details, request: sent } });
  }
  const parsed = parseResponseBody(response);
  if ((response.status < 200 || response.status > 299) && step.failOnNon2xx !== false) {
    throw new StepError({
      code: 'HTTP_STATUS',
      message: `${step.method} ${hostOf(url)} answered HTTP ${response.status}`,
      kind: 'user',
      retryable: response.status >= 500 || response.status === 429 || response.status === 408,
      details: {
        status: response.status,
        bodyExcerpt: excerpt(response.body, EXCERPT_CHARS),
        request: sent,
        ...retryAfterHint(response.headers['retry-after']),
      },
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

function maskHeaders(headers: Record<string, string>, secret: ReadonlySet<string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) out[name] = SECRET_HEADERS.test(name) || secret.has(name) ? '***' : value;
  return out;
}

/** What a `Retry-After` header asked for, read without the clock: seconds, or an absolute time. */
function retryAfterHint(header: string | undefined): { retryAfterMs?: number; retryAt?: string } {
  const ms = parseRetryAfter(header, 0);
  if (ms === undefined) return {};
  return /^\s*\d+(\.\d+)?\s*$/.test(header as string) ? { retryAfterMs: ms } : { retryAt: new Date(ms).toISOString() };
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
