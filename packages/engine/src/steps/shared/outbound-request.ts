import { DEFAULT_EXPRESSION_LIMITS } from '../../expressions/expression-limits';
import { assertDataDepth } from '../../expressions/sanitize-value';
import type { EnginePorts, HttpResponse, ResolvedCredential } from '../../runner/ports';
import { parseRetryAfter } from '../../runner/retry-policy';
import { StepError, toStepErrorInfo } from '../../runner/step-error';
import type { StepHandlerParams } from '../../runner/step-handler';
import type { Step } from '../step.schema';
import { remoteWords } from './remote-words';
import { parseResponseBody } from './response-body';

/** What the journal shows instead of a secret. */
export const MASK = '***';
const SECRET_HEADERS = /^(authorization|proxy-authorization|cookie|x-api-key|api-key|x-auth-token)$/i;
const EXCERPT_CHARS = 1000;
const RECORDED_BODY_CHARS = 64 * 1024;
// Shorter values are not masked inside other text: masking "a" would garble the whole journal.
const MIN_MASKED_LENGTH = 4;

/** A request as the journal records it: secret headers shown by their shape, every other secret value masked. */
export interface RecordedRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
}

/** An outbound request of a step, with what must never reach the journal. */
export interface OutboundRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
  timeoutMs: number;
  /** Header names (lower case) whose values are masked, besides the usual authentication headers. */
  secretHeaders?: ReadonlySet<string>;
  /** Values masked wherever they appear in the recorded request and in error messages (URL included). */
  secrets?: ReadonlyArray<string>;
  /** Fail on a non-2xx answer (default true). */
  failOnNon2xx?: boolean;
}

const SCHEME_WORDS = /^(?:(?:bearer|basic|token|digest|bot)\s+)+/i;

/**
 * The shape of a secret header value, safe to show so a person can check it: the scheme words as
 * sent, then the first 3 and last 4 characters of a value of 16 or more (`Bearer ord…9f3a`), the last
 * 4 of one of 12 to 15, only the length of a shorter one (`Bearer …(5 characters)`). A doubled scheme
 * (`Bearer Bearer …`) stays visible.
 */
export function maskedShape(value: string): string {
  const scheme = SCHEME_WORDS.exec(value)?.[0] ?? '';
  const secret = value.slice(scheme.length);
  if (secret.length >= 16) return `${scheme}${secret.slice(0, 3)}…${secret.slice(-4)}`;
  if (secret.length >= 12) return `${scheme}…${secret.slice(-4)}`;
  return `${scheme}…(${secret.length} characters)`;
}

/** Replaces every occurrence of each secret value in `text` with `***` (longest first). */
export function maskSecrets(text: string, secrets: ReadonlyArray<string> = []): string {
  let out = text;
  for (const secret of [...secrets].filter((s) => s.length >= MIN_MASKED_LENGTH).sort((a, b) => b.length - a.length)) {
    out = out.split(secret).join(MASK);
    // A secret may also appear percent-encoded (in a URL) or JSON-escaped (in a body).
    const encoded = encodeURIComponent(secret);
    if (encoded !== secret) out = out.split(encoded).join(MASK);
    const escaped = JSON.stringify(secret).slice(1, -1);
    if (escaped !== secret) out = out.split(escaped).join(MASK);
  }
  return out;
}

/**
 * The part of a secret URL (an incoming webhook URL) to mask: everything after the origin, so the
 * journal still shows which service was called (`https://hooks.slack.com/***`).
 */
export function secretPartOfUrl(url: string): string {
  const origin = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i.exec(url);
  const rest = origin ? url.slice(origin[0].length).replace(/^\//, '') : '';
  return rest.length >= MIN_MASKED_LENGTH ? rest : url;
}

/** The request as the journal records it. */
export function recordRequest(request: OutboundRequest): RecordedRequest {
  const secrets = request.secrets ?? [];
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    headers[name] = SECRET_HEADERS.test(name) || request.secretHeaders?.has(name) ? maskedShape(value) : maskSecrets(value, secrets);
  }
  const recorded: RecordedRequest = { method: request.method, url: maskSecrets(request.url, secrets), headers };
  if (request.body !== undefined) recorded.body = maskSecrets(excerpt(request.body, RECORDED_BODY_CHARS), secrets);
  return recorded;
}

/**
 * Resolves the stored credential a step names, failing the step on `field` when the host has no
 * credentials port or cannot resolve it (unknown credential, wrong type).
 */
export async function resolveStepCredential(params: {
  ports: EnginePorts;
  credentialId: string;
  expectedTypes?: ReadonlyArray<string>;
  field?: string;
}): Promise<ResolvedCredential> {
  const field = params.field ?? 'credentialId';
  if (!params.ports.credentials) {
    throw new StepError({
      code: 'CREDENTIALS_UNAVAILABLE',
      message: `${field}: this step uses the stored credential ${params.credentialId}, but this host cannot resolve stored credentials`,
      kind: 'system',
      retryable: false,
      field,
    });
  }
  try {
    return await params.ports.credentials.resolve(params.credentialId, params.expectedTypes);
  } catch (err) {
    throw new StepError({ field, ...toStepErrorInfo(err) });
  }
}

/** A credential field the step needs; a credential without it fails the step on `field`. */
export function credentialField(credential: ResolvedCredential, name: string, field = 'credentialId'): string {
  const value = credential.fields[name];
  if (typeof value !== 'string' || value.trim() === '') {
    throw new StepError({
      code: 'CREDENTIAL_INVALID',
      message: `${field}: the ${credential.type} credential has no ${name}`,
      kind: 'user',
      retryable: false,
      field,
    });
  }
  return value.trim();
}

/** The answer to an outbound request, with its body parsed by content type. */
export interface OutboundResult {
  recorded: RecordedRequest;
  response: HttpResponse;
  body: unknown;
}

/**
 * Sends a step's request through the host's HTTP port (which applies the egress rules), the same
 * way for `http` and every app action: port errors keep their retryability, a non-2xx answer fails
 * with `HTTP_STATUS` (retryable for 5xx, 408 and 429, with the `Retry-After` asked for; the message
 * ends with what the service said, `source: 'remote'`), and the
 * journal gets the request with its secrets masked.
 */
export async function sendOutbound(
  params: Pick<StepHandlerParams<Step>, 'ports' | 'evaluate'>,
  request: OutboundRequest,
): Promise<OutboundResult> {
  const recorded = recordRequest(request);
  const secrets = request.secrets ?? [];
  let response: HttpResponse;
  try {
    response = await params.ports.http.send({
      method: request.method,
      url: request.url,
      headers: request.headers,
      body: request.body,
      timeoutMs: request.timeoutMs,
    });
  } catch (err) {
    const info = toStepErrorInfo(err);
    throw new StepError({ ...info, message: maskSecrets(info.message, secrets), details: { ...info.details, request: recorded } });
  }
  const body = parseResponseBody(response);
  if ((response.status < 200 || response.status > 299) && request.failOnNon2xx !== false) {
    const words = remoteWords(maskSecrets(response.body, secrets));
    throw new StepError({
      code: 'HTTP_STATUS',
      message: `${request.method} ${hostOf(request.url)} answered HTTP ${response.status}${words ? `: ${words}` : ''}`,
      kind: 'user',
      source: 'remote',
      retryable: response.status >= 500 || response.status === 429 || response.status === 408,
      details: {
        status: response.status,
        bodyExcerpt: maskSecrets(excerpt(response.body, EXCERPT_CHARS), secrets),
        request: recorded,
        ...retryAfterHint(response.headers['retry-after']),
      },
    });
  }
  try {
    // A hostile server may answer deeply nested JSON that would overflow the stack of whoever
    // serializes the step output (the host's checkpoint, later expressions).
    assertDataDepth({
      value: body,
      maxDepth: params.evaluate.limits?.maxDataDepth ?? DEFAULT_EXPRESSION_LIMITS.maxDataDepth,
      what: 'The response body',
    });
  } catch (err) {
    throw new StepError({ ...toStepErrorInfo(err), field: 'response', details: { status: response.status, request: recorded } });
  }
  return { recorded, response, body };
}

/** What a `Retry-After` header asked for, read without the clock: seconds, or an absolute time. */
export function retryAfterHint(header: string | undefined): { retryAfterMs?: number; retryAt?: string } {
  const ms = parseRetryAfter(header, 0);
  if (ms === undefined) return {};
  return /^\s*\d+(\.\d+)?\s*$/.test(header as string) ? { retryAfterMs: ms } : { retryAt: new Date(ms).toISOString() };
}

export function excerpt(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
