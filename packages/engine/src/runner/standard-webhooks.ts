import { hmac } from '@noble/hashes/hmac';
import { sha256 } from '@noble/hashes/sha2';
import { utf8ToBytes } from '@noble/hashes/utils';
import { decodeBase64, encodeBase64 } from '../expressions/functions/encoding-functions';

/** Prefix of Standard Webhooks signing secrets: `whsec_<base64 of the key bytes>`. */
export const WEBHOOK_SECRET_PREFIX = 'whsec_';

/** The three headers of a signed webhook, named as the Standard Webhooks specification names them. */
export interface WebhookSignatureHeaders {
  'webhook-id': string;
  'webhook-timestamp': string;
  'webhook-signature': string;
}

/**
 * The key bytes of a signing secret (`whsec_<base64>`; the prefix is optional, as in the
 * `standardwebhooks` library); undefined when the text is not base64 or holds no bytes.
 */
export function webhookSecretBytes(secret: string): Uint8Array | undefined {
  const encoded = secret.trim().startsWith(WEBHOOK_SECRET_PREFIX) ? secret.trim().slice(WEBHOOK_SECRET_PREFIX.length) : secret.trim();
  const bytes = decodeBase64(encoded);
  return bytes && bytes.length > 0 ? bytes : undefined;
}

/**
 * Signs a webhook the Standard Webhooks way (also what Svix sends): HMAC-SHA256 with the secret's
 * key bytes over `${id}.${timestamp}.${body}`, sent as `webhook-signature: v1,<base64>`.
 * `timestamp` is in seconds since the epoch. Throws when the secret is not a `whsec_` secret.
 */
export function signWebhook(params: { secret: string; id: string; timestamp: number; body: string }): WebhookSignatureHeaders {
  const key = webhookSecretBytes(params.secret);
  if (!key) throw new Error('the signing secret is not a whsec_ secret (whsec_ followed by base64)');
  const timestamp = String(Math.floor(params.timestamp));
  const mac = hmac(sha256, key, utf8ToBytes(`${params.id}.${timestamp}.${params.body}`));
  return { 'webhook-id': params.id, 'webhook-timestamp': timestamp, 'webhook-signature': `v1,${encodeBase64(mac)}` };
}
