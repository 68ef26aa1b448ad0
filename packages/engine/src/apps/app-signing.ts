import { hmac } from '@noble/hashes/hmac';
import { sha256 } from '@noble/hashes/sha2';
import { SignatureV4 } from '@smithy/signature-v4';
import { signWebhook, webhookSecretBytes } from '../runner/standard-webhooks';
import { StepError } from '../runner/step-error';
import { webhookMessageId } from '../steps/shared/webhook-signing';

type SourceData = string | ArrayBuffer | ArrayBufferView;

function bytesOf(data: SourceData): Uint8Array {
  if (typeof data === 'string') return new TextEncoder().encode(data);
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  return new Uint8Array(data);
}

/** SHA-256 (and HMAC-SHA256 with a secret) for the SigV4 signer, from `@noble/hashes` (no Node crypto: the engine also runs in the browser). */
class NobleSha256 {
  private readonly chunks: Uint8Array[] = [];
  constructor(private readonly secret?: SourceData) {}
  update(data: SourceData): void {
    this.chunks.push(bytesOf(data));
  }
  async digest(): Promise<Uint8Array> {
    const size = this.chunks.reduce((n, c) => n + c.length, 0);
    const all = new Uint8Array(size);
    let at = 0;
    for (const chunk of this.chunks) {
      all.set(chunk, at);
      at += chunk.length;
    }
    return this.secret === undefined ? sha256(all) : hmac(sha256, bytesOf(this.secret), all);
  }
  reset(): void {
    this.chunks.length = 0;
  }
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** RFC 3986 percent-encoding: everything but A-Z a-z 0-9 - _ . ~ */
function strictEncode(segment: string): string {
  return encodeURIComponent(segment).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * Signs a request with AWS Signature Version 4 (`@smithy/signature-v4`): returns the headers to send,
 * with `authorization`, `x-amz-date`, `x-amz-content-sha256` (and `x-amz-security-token`).
 */
export async function signAwsV4(params: {
  /** The URL to send; with `uriEscapePath` off (S3) its path is re-encoded the strict way first. */
  method: string;
  url: URL;
  headers: Record<string, string>;
  body?: string;
  credentials: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
  region: string;
  service: string;
  uriEscapePath: boolean;
  now: number;
}): Promise<Record<string, string>> {
  const { url } = params;
  // S3 signs the path as sent, each segment percent-encoded the RFC 3986 way (`(` as %28...): send it so.
  if (!params.uriEscapePath)
    url.pathname = url.pathname
      .split('/')
      .map((segment) => strictEncode(safeDecode(segment)))
      .join('/');
  if (!params.credentials.accessKeyId || !params.credentials.secretAccessKey || !params.region)
    throw new StepError({
      code: 'CONNECTION_INVALID',
      message: 'connectionId: the connection needs an access key ID, a secret access key and a region',
      kind: 'user',
      retryable: false,
      field: 'connectionId',
    });
  const query: Record<string, string | string[]> = {};
  for (const [name, value] of url.searchParams) {
    const had = query[name];
    query[name] = had === undefined ? value : Array.isArray(had) ? [...had, value] : [had, value];
  }
  const signer = new SignatureV4({
    credentials: {
      accessKeyId: params.credentials.accessKeyId,
      secretAccessKey: params.credentials.secretAccessKey,
      ...(params.credentials.sessionToken ? { sessionToken: params.credentials.sessionToken } : {}),
    },
    region: params.region,
    service: params.service,
    sha256: NobleSha256,
    uriEscapePath: params.uriEscapePath,
  });
  const signed = await signer.sign(
    {
      method: params.method,
      protocol: url.protocol,
      hostname: url.hostname,
      ...(url.port ? { port: Number(url.port) } : {}),
      // The path as sent (already percent-encoded): the signer encodes it once more unless `uriEscapePath` is off (S3).
      path: url.pathname,
      query,
      headers: { ...params.headers, host: url.host },
      body: params.body,
    },
    { signingDate: new Date(params.now) },
  );
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(signed.headers as Record<string, string>)) headers[name.toLowerCase()] = value;
  // The HTTP client sends the same Host itself.
  delete headers.host;
  return headers;
}

/**
 * The Standard Webhooks headers of a body: `webhook-id` stable per run and step (from the
 * idempotency key `<runId>:<step key>`), `webhook-timestamp`, `webhook-signature`.
 */
export function signStandardWebhook(params: {
  secret: string;
  idempotencyKey?: string;
  body: string;
  now: number;
}): Record<string, string> {
  if (!webhookSecretBytes(params.secret))
    throw new StepError({
      code: 'CREDENTIAL_INVALID',
      message: 'connectionId: the signing secret is not a whsec_ secret (whsec_ followed by base64)',
      kind: 'user',
      retryable: false,
      field: 'connectionId',
    });
  const key = params.idempotencyKey;
  const split = key?.indexOf(':') ?? -1;
  const id =
    key !== undefined && split > 0
      ? webhookMessageId({ runId: key.slice(0, split), key: key.slice(split + 1), sentAtMs: params.now })
      : webhookMessageId({ key: 'app', sentAtMs: params.now });
  return { ...signWebhook({ secret: params.secret, id, timestamp: Math.floor(params.now / 1000), body: params.body }) };
}
