import type { Step } from '../step.schema';
import type { StepHandlerParams, StepOutcome } from '../../runner/step-handler';
import { evaluateField, renderField } from './evaluate-field';
import { credentialField, resolveStepCredential, secretPartOfUrl, sendOutbound, type OutboundResult } from './outbound-request';

/** The credential type of a stored incoming webhook URL (Slack, Discord, Teams). */
export const WEBHOOK_URL_CREDENTIAL_TYPE = 'webhook-url';

type Params = StepHandlerParams<Step>;

/** Renders a template field of the step (an error points at `field`). */
export function renderStepField(params: Params, field: string, template: string): Promise<string> {
  return renderField({ field, template, context: params.context, evaluate: params.evaluate });
}

/** Evaluates an expression field of the step (an error points at `field`). */
export function evaluateStepField(params: Params, field: string, source: string): Promise<unknown> {
  return evaluateField({ field, source, context: params.context, evaluate: params.evaluate });
}

/**
 * The URL a chat app action posts to: its `url` template, or the stored `webhook-url` credential
 * `credentialId`, whose URL is returned as a secret so the journal masks it.
 */
export async function incomingWebhookTarget(
  params: Params,
  target: { url?: string; credentialId?: string },
): Promise<{ url: string; secrets: string[] }> {
  if (target.credentialId !== undefined) {
    const credential = await resolveStepCredential({
      ports: params.ports,
      credentialId: target.credentialId,
      expectedTypes: [WEBHOOK_URL_CREDENTIAL_TYPE],
    });
    const url = credentialField(credential, 'url');
    return { url, secrets: [secretPartOfUrl(url)] };
  }
  return { url: (await renderStepField(params, 'url', target.url ?? '')).trim(), secrets: [] };
}

/**
 * POSTs a JSON payload the way `http` does: with `Idempotency-Key: <runId>:<stepKey>` when the host
 * gives a run id, through the host's HTTP port, failing on a non-2xx answer unless told otherwise.
 */
export async function postJson(
  params: Params,
  request: {
    url: string;
    payload: unknown;
    timeoutMs: number;
    secrets?: string[];
    headers?: Record<string, string>;
    failOnNon2xx?: boolean;
  },
): Promise<OutboundResult> {
  const headers: Record<string, string> = { 'content-type': 'application/json', ...request.headers };
  if (params.runId !== undefined) headers['idempotency-key'] = `${params.runId}:${params.key}`;
  return sendOutbound(params, {
    method: 'POST',
    url: request.url,
    headers,
    body: JSON.stringify(request.payload),
    timeoutMs: request.timeoutMs,
    secrets: request.secrets,
    failOnNon2xx: request.failOnNon2xx,
  });
}

/** The outcome of an app action that posted: the request as journaled, the answer as output. */
export function postedOutcome(result: OutboundResult, extra: Record<string, unknown> = {}): StepOutcome {
  return {
    input: result.recorded,
    output: { status: result.response.status, headers: result.response.headers, body: result.body, ...extra },
  };
}

/** Sets `name` on `target` unless the value is empty (optional fields left blank are not sent). */
export function setIfPresent(target: Record<string, unknown>, name: string, value: unknown): void {
  if (value !== undefined && value !== '') target[name] = value;
}
