import { signWebhook, webhookSecretBytes } from '../../runner/standard-webhooks';
import type { EnginePorts } from '../../runner/ports';
import { StepError } from '../../runner/step-error';
import { credentialField, resolveStepCredential } from './outbound-request';

/** The credential type that holds a Standard Webhooks signing secret. */
export const SIGNING_CREDENTIAL_TYPE = 'webhook-signing-secret';

/**
 * The message id of a signed webhook: stable per run and step (`msg_<runId>_<journal key>`), so a
 * retried or resumed send carries the same id and the receiver can drop the duplicate. Without a run
 * id (a step tested in the builder) it is made from the step key and the send time.
 */
export function webhookMessageId(params: { runId?: string; key: string; sentAtMs: number }): string {
  return params.runId !== undefined ? `msg_${params.runId}_${params.key}` : `msg_test_${params.key}_${params.sentAtMs}`;
}

/**
 * Signs a step's request body with the signing secret of a stored credential. Returns the three
 * Standard Webhooks headers, the message id and timestamp, and the secret (for masking: it never
 * reaches the journal).
 */
export async function signStepRequest(params: {
  ports: EnginePorts;
  credentialId: string;
  field: string;
  runId?: string;
  key: string;
  body: string;
  /** Send time (epoch ms) from the clock port; read once by the caller so that a payload can carry it too. */
  sentAtMs: number;
}): Promise<{ headers: Record<string, string>; id: string; timestamp: number; secret: string }> {
  const credential = await resolveStepCredential({
    ports: params.ports,
    credentialId: params.credentialId,
    expectedTypes: [SIGNING_CREDENTIAL_TYPE],
    field: params.field,
  });
  const secret = credentialField(credential, 'secret', params.field);
  if (!webhookSecretBytes(secret)) {
    throw new StepError({
      code: 'CREDENTIAL_INVALID',
      message: `${params.field}: the signing secret is not a whsec_ secret (whsec_ followed by base64)`,
      kind: 'user',
      retryable: false,
      field: params.field,
    });
  }
  const id = webhookMessageId({ runId: params.runId, key: params.key, sentAtMs: params.sentAtMs });
  const timestamp = Math.floor(params.sentAtMs / 1000);
  const headers = signWebhook({ secret, id, timestamp, body: params.body });
  return { headers: { ...headers }, id, timestamp, secret };
}
