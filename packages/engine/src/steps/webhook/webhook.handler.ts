import type { WebhookStep } from './webhook.schema';
import type { StepHandler } from '../../runner/step-handler';
import { evaluateStepField, postJson, postedOutcome, renderStepField } from '../shared/app-request';
import { signStepRequest } from '../shared/webhook-signing';

/**
 * `webhook` (Send signed webhook): POSTs the payload as JSON, wrapped in the Standard Webhooks
 * envelope `{ type, timestamp, data }` when `eventType` is set, signed with the stored secret.
 */
export const webhookHandler: StepHandler<WebhookStep> = async (params) => {
  const { step, ports } = params;
  const url = (await renderStepField(params, 'url', step.url)).trim();
  const data = (await evaluateStepField(params, 'body', step.body)) ?? null;
  const type = step.eventType === undefined ? '' : (await renderStepField(params, 'eventType', step.eventType)).trim();
  // One clock reading for the envelope and the signature, so both name the same instant.
  const sentAtMs = ports.clock.now();
  const payload = type !== '' ? { type, timestamp: new Date(sentAtMs).toISOString(), data } : data;
  const body = JSON.stringify(payload);
  const signed = await signStepRequest({
    ports,
    credentialId: step.credentialId,
    field: 'credentialId',
    runId: params.runId,
    key: params.key,
    body,
    sentAtMs,
  });
  const result = await postJson(params, { url, payload, timeoutMs: step.timeoutMs, headers: signed.headers, secrets: [signed.secret] });
  return postedOutcome(result, { webhookId: signed.id });
};
