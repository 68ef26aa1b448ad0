import { HTTP_AUTH_CREDENTIAL_TYPES } from '../../schema/credential-types';
import type { HttpStep } from './http.schema';
import type { StepHandler } from '../../runner/step-handler';
import { evaluateField, renderField } from '../shared/evaluate-field';
import { resolveStepCredential, sendOutbound } from '../shared/outbound-request';
import { signStepRequest } from '../shared/webhook-signing';

export { parseResponseBody } from '../shared/response-body';

const FORM_CONTENT_TYPE = 'application/x-www-form-urlencoded';

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

  const secretHeaders = new Set<string>();
  const secrets: string[] = [];
  if (step.credentialId !== undefined) {
    const resolved = await resolveStepCredential({ ports, credentialId: step.credentialId, expectedTypes: HTTP_AUTH_CREDENTIAL_TYPES });
    for (const [name, value] of Object.entries(resolved.headers)) {
      headers[name.toLowerCase()] = value;
      secretHeaders.add(name.toLowerCase());
    }
  }
  if (step.sign !== undefined) {
    const signed = await signStepRequest({
      ports,
      credentialId: step.sign.credentialId,
      field: 'sign.credentialId',
      runId,
      key,
      body: body ?? '',
      sentAtMs: ports.clock.now(),
    });
    Object.assign(headers, signed.headers);
    secrets.push(signed.secret);
  }

  const {
    recorded,
    response,
    body: parsed,
  } = await sendOutbound(
    { ports, evaluate },
    { method: step.method, url, headers, body, timeoutMs: step.timeoutMs, secretHeaders, secrets, failOnNon2xx: step.failOnNon2xx },
  );
  return { input: recorded, output: { status: response.status, headers: response.headers, body: parsed } };
};
