import { evaluateExpression, type EvaluateOptions } from '../expressions/evaluate-expression';
import { ExpressionError } from '../expressions/expression-error';
import { renderTemplate } from '../expressions/template';
import type { EnginePorts } from '../runner/ports';
import { StepError } from '../runner/step-error';
import { excerpt, maskSecrets, retryAfterHint, sendOutbound, type RecordedRequest } from '../steps/shared/outbound-request';
import type { AppDefinition, AppRequest, AppRequestContext } from './app-definition.schema';

/** The answer of one app call, as `calls.<id>` and the JSONata of dynamic lists see it. */
export interface AppCallAnswer {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

/** Code of the error when the app refused the connection's credentials. */
export const NEEDS_RECONNECTING = 'CONNECTION_NEEDS_RECONNECTING';

/** Thrown when the app refused the connection (HTTP 401, or its own `unauthorized` rule). */
export class AppUnauthorizedError extends StepError {
  constructor(appName: string, reason: string) {
    super({
      code: NEEDS_RECONNECTING,
      message: `connectionId: ${appName} refused the connection (${reason}); it needs reconnecting`,
      kind: 'user',
      retryable: false,
      field: 'connectionId',
    });
  }
}

/** Evaluates app-owned JSONata; its errors are bugs of the definition, reported with the app's key. */
export async function evaluateApp(
  app: AppDefinition,
  where: string,
  source: string,
  input: unknown,
  options: EvaluateOptions,
): Promise<unknown> {
  try {
    return await evaluateExpression(source, input, options);
  } catch (err) {
    if (err instanceof ExpressionError)
      throw new StepError({
        code: 'APP_DEFINITION',
        message: `app ${app.key}, ${where}: ${err.message}`,
        kind: 'system',
        retryable: false,
      });
    throw err;
  }
}

async function renderApp(app: AppDefinition, where: string, text: string, input: unknown, options: EvaluateOptions): Promise<string> {
  try {
    return await renderTemplate(text, input, options);
  } catch (err) {
    if (err instanceof ExpressionError)
      throw new StepError({
        code: 'APP_DEFINITION',
        message: `app ${app.key}, ${where}: ${err.message}`,
        kind: 'system',
        retryable: false,
      });
    throw err;
  }
}

async function renderRecord(
  app: AppDefinition,
  where: string,
  spec: Record<string, string> | string | undefined,
  context: unknown,
  options: EvaluateOptions,
): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  if (spec === undefined) return out;
  if (typeof spec === 'string') {
    const value = await evaluateApp(app, where, spec, context, options);
    if (value === undefined || value === null) return out;
    if (typeof value !== 'object' || Array.isArray(value))
      throw new StepError({
        code: 'INVALID_INPUT',
        message: `${where}: must give an object of names and values`,
        kind: 'user',
        retryable: false,
      });
    for (const [name, v] of Object.entries(value as Record<string, unknown>)) {
      if (v === undefined || v === null || v === '') continue;
      out[name] = typeof v === 'string' ? v : JSON.stringify(v);
    }
    return out;
  }
  for (const [name, text] of Object.entries(spec)) {
    const value = await renderApp(app, `${where}.${name}`, text, context, options);
    if (value !== '') out[name] = value;
  }
  return out;
}

/** The URL of a request: an absolute URL written in the definition, or the base URL plus the path, on the base URL's host. */
async function requestUrl(app: AppDefinition, request: AppRequest, context: AppRequestContext, options: EvaluateOptions): Promise<URL> {
  const path = (await renderApp(app, 'path', request.path, context, options)).trim();
  if (/^https?:\/\//i.test(request.path.trim())) return new URL(path);
  const base = (await renderApp(app, 'baseUrl', app.baseUrl, { connection: context.connection }, options)).trim().replace(/\/+$/, '');
  let baseUrl: URL;
  try {
    baseUrl = new URL(base);
  } catch {
    throw new StepError({
      code: 'INVALID_URL',
      message: `connectionId: the base URL of ${app.name} is not a URL: ${base}`,
      kind: 'user',
      retryable: false,
      field: 'connectionId',
    });
  }
  const url = new URL(`${base}${path.startsWith('/') ? '' : '/'}${path}`);
  // A path built from user input must not move the connection's credentials to another host.
  if (url.host !== baseUrl.host || url.protocol !== baseUrl.protocol)
    throw new StepError({
      code: 'INVALID_PATH',
      message: `path: must stay on ${baseUrl.host}`,
      kind: 'user',
      retryable: false,
      field: 'input.path',
    });
  return url;
}

/**
 * Sends one request of an app through the host's HTTP port (egress guard, time limit), with the
 * connection's authentication, and classifies the answer: 401 (or the app's `unauthorized` rule)
 * throws {@link AppUnauthorizedError}; other failures `HTTP_STATUS` (retryable for 5xx, 408 and
 * 429 with the `Retry-After` asked for) or `APP_ERROR` (a 2xx the app's `ok` rule refuses), with the
 * app's own message. Every connection secret is masked in the record and in messages.
 */
export async function callApp(params: {
  app: AppDefinition;
  request: AppRequest;
  context: AppRequestContext;
  ports: Pick<EnginePorts, 'http'>;
  evaluate: EvaluateOptions;
  secrets: ReadonlyArray<string>;
  timeoutMs: number;
  /** `<runId>:<step key>`, sent in the app's idempotency header. */
  idempotencyKey?: string;
}): Promise<{ recorded: RecordedRequest; answer: AppCallAnswer }> {
  const { app, request, context, evaluate } = params;
  const authContext = { connection: context.connection };
  const method = (await renderApp(app, 'method', request.method, context, evaluate)).trim().toUpperCase();
  if (!/^(GET|POST|PUT|PATCH|DELETE|HEAD)$/.test(method))
    throw new StepError({
      code: 'INVALID_INPUT',
      message: `input.method: ${method || 'nothing'} is not an HTTP method`,
      kind: 'user',
      retryable: false,
      field: 'input.method',
    });
  const url = await requestUrl(app, request, context, evaluate);
  const query = {
    ...(await renderRecord(app, 'auth.query', app.auth.query, authContext, evaluate)),
    ...(await renderRecord(app, 'query', request.query, context, evaluate)),
  };
  for (const [name, value] of Object.entries(query)) url.searchParams.set(name, value);
  const headers: Record<string, string> = { accept: 'application/json' };
  for (const [name, value] of Object.entries(await renderRecord(app, 'auth.headers', app.auth.headers, authContext, evaluate)))
    headers[name.toLowerCase()] = value;
  for (const [name, value] of Object.entries(await renderRecord(app, 'headers', request.headers, context, evaluate)))
    headers[name.toLowerCase()] = value;
  if (app.idempotencyHeader && params.idempotencyKey && method !== 'GET')
    headers[app.idempotencyHeader.toLowerCase()] = params.idempotencyKey;
  let body: string | undefined;
  if (request.body !== undefined && method !== 'GET' && method !== 'HEAD') {
    const value = await evaluateApp(app, 'body', request.body, context, evaluate);
    if (value !== undefined) {
      if (request.bodyType === 'form') {
        const form = new URLSearchParams();
        for (const [name, v] of Object.entries((value ?? {}) as Record<string, unknown>))
          if (v !== undefined && v !== null) form.set(name, typeof v === 'string' ? v : JSON.stringify(v));
        body = form.toString();
        headers['content-type'] ??= 'application/x-www-form-urlencoded';
      } else {
        body = JSON.stringify(value);
        headers['content-type'] ??= 'application/json';
      }
    }
  }
  const secrets = [...params.secrets];
  const secretHeaders = new Set(Object.keys(headers).filter((name) => secrets.some((s) => s.length >= 4 && headers[name].includes(s))));
  const result = await sendOutbound(
    { ports: params.ports as EnginePorts, evaluate },
    { method, url: url.toString(), headers, body, timeoutMs: params.timeoutMs, secrets, secretHeaders, failOnNon2xx: false },
  );
  const answer: AppCallAnswer = { status: result.response.status, headers: result.response.headers, body: result.body };
  const ok =
    answer.status >= 200 &&
    answer.status <= 299 &&
    (app.response.ok === undefined || (await evaluateApp(app, 'response.ok', app.response.ok, answer, evaluate)) === true);
  if (ok) return { recorded: result.recorded, answer };
  const appMessage =
    app.response.error !== undefined ? await evaluateApp(app, 'response.error', app.response.error, answer, evaluate) : undefined;
  const said = typeof appMessage === 'string' && appMessage !== '' ? maskSecrets(excerpt(appMessage, 300), secrets) : undefined;
  const refused =
    answer.status === 401 ||
    (app.response.unauthorized !== undefined &&
      (await evaluateApp(app, 'response.unauthorized', app.response.unauthorized, answer, evaluate)) === true);
  if (refused) throw new AppUnauthorizedError(app.name, `HTTP ${answer.status}${said ? `: ${said}` : ''}`);
  const details = {
    status: answer.status,
    bodyExcerpt: maskSecrets(excerpt(result.response.body, 1000), secrets),
    request: result.recorded,
    ...retryAfterHint(answer.headers['retry-after']),
  };
  if (answer.status >= 200 && answer.status <= 299)
    throw new StepError({
      code: 'APP_ERROR',
      message: `${app.name} refused the request: ${said ?? 'the answer says it failed'}`,
      kind: 'user',
      retryable: false,
      details,
    });
  throw new StepError({
    code: 'HTTP_STATUS',
    message: `${method} ${url.host} answered HTTP ${answer.status}${said ? `: ${said}` : ''}`,
    kind: 'user',
    retryable: answer.status >= 500 || answer.status === 429 || answer.status === 408,
    details,
  });
}
