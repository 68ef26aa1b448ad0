import { evaluateExpression, type EvaluateOptions } from '../expressions/evaluate-expression';
import { ExpressionError } from '../expressions/expression-error';
import { renderTemplate } from '../expressions/template';
import { XMLParser } from 'fast-xml-parser';
import type { EnginePorts, HttpResponse } from '../runner/ports';
import { StepError } from '../runner/step-error';
import { excerpt, maskSecrets, retryAfterHint, sendOutbound, type RecordedRequest } from '../steps/shared/outbound-request';
import type { AppDefinition, AppRequest, AppRequestContext } from './app-definition.schema';
import { signAwsV4, signStandardWebhook } from './app-signing';

/** The answer of one app call, as `calls.<id>` and the JSONata of dynamic lists see it. */
export interface AppCallAnswer {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

/** The ports app calls use: HTTP, and the clock for request signatures (default: the platform clock). */
export type AppPorts = Pick<EnginePorts, 'http'> & Partial<Pick<EnginePorts, 'clock' | 'mail'>>;

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
    if (!/^https?:$/.test(baseUrl.protocol)) throw new Error('not http');
  } catch {
    throw new StepError({
      code: 'INVALID_URL',
      message: `connectionId: the base URL of ${app.name} is not a URL: ${base}`,
      kind: 'user',
      retryable: false,
      field: 'connectionId',
    });
  }
  // An empty path is the base URL itself (a webhook URL stored in the connection).
  if (path === '') return baseUrl;
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

const XML_TYPE = /^(application|text)\/([a-z0-9.+-]+\+)?xml$/;

/** An XML answer (S3) as an object of its elements; other bodies as parsed. */
function xmlBody(body: unknown, response: HttpResponse): unknown {
  const type = (response.headers['content-type'] ?? '').toLowerCase().split(';')[0].trim();
  if (typeof body !== 'string' || !XML_TYPE.test(type) || response.bodyTruncated || body.trim() === '') return body;
  try {
    const parsed = new XMLParser({ ignoreAttributes: true, parseTagValue: false, removeNSPrefix: true, processEntities: true }).parse(
      body,
    ) as Record<string, unknown>;
    delete parsed['?xml'];
    return parsed;
  } catch {
    return body;
  }
}

/** Seconds to wait that the app says in its failed answer's body (`response.retryAfter`), as a Retry-After value. */
async function bodyRetryAfter(app: AppDefinition, answer: AppCallAnswer, evaluate: EvaluateOptions): Promise<string | undefined> {
  if (app.response.retryAfter === undefined) return undefined;
  const seconds = await evaluateApp(app, 'response.retryAfter', app.response.retryAfter, answer, evaluate);
  return typeof seconds === 'number' && Number.isFinite(seconds) && seconds >= 0 ? String(seconds) : undefined;
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
  ports: AppPorts;
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
      } else if (request.bodyType === 'text') {
        body = value === null ? '' : typeof value === 'string' ? value : JSON.stringify(value);
        headers['content-type'] ??= 'text/plain; charset=utf-8';
      } else {
        body = JSON.stringify(value);
        headers['content-type'] ??= 'application/json';
      }
    }
  }
  const now = params.ports.clock?.now() ?? Date.now();
  if (app.auth.kind === 'aws-sigv4') {
    const auth = app.auth;
    const value = (where: string, text: string | undefined) =>
      text === undefined ? Promise.resolve('') : renderApp(app, `auth.${where}`, text, authContext, evaluate).then((v) => v.trim());
    const signed = await signAwsV4({
      method,
      url,
      headers,
      body,
      credentials: {
        accessKeyId: await value('accessKeyId', auth.accessKeyId),
        secretAccessKey: await value('secretAccessKey', auth.secretAccessKey),
        sessionToken: await value('sessionToken', auth.sessionToken),
      },
      region: await value('region', auth.region),
      service: await value('service', auth.service),
      uriEscapePath: auth.uriEscapePath,
      now,
    });
    for (const name of Object.keys(headers)) delete headers[name];
    Object.assign(headers, signed);
  } else if (app.auth.kind === 'standard-webhooks' && body !== undefined) {
    const secret = (await renderApp(app, 'auth.secret', app.auth.secret, authContext, evaluate)).trim();
    Object.assign(headers, signStandardWebhook({ secret, idempotencyKey: params.idempotencyKey, body, now }));
  }
  const secrets = [...params.secrets];
  const secretHeaders = new Set(Object.keys(headers).filter((name) => secrets.some((s) => s.length >= 4 && headers[name].includes(s))));
  const result = await sendOutbound(
    { ports: params.ports as EnginePorts, evaluate },
    { method, url: url.toString(), headers, body, timeoutMs: params.timeoutMs, secrets, secretHeaders, failOnNon2xx: false },
  );
  const answer: AppCallAnswer = {
    status: result.response.status,
    headers: result.response.headers,
    body: xmlBody(result.body, result.response),
  };
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
    ...retryAfterHint(answer.headers['retry-after'] ?? (await bodyRetryAfter(app, answer, evaluate))),
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
