import type { Clock, HttpInvoker } from '@switchyard/engine';
import { CredentialError } from './credential-error';

/** Tokens are refreshed this long before the expiry the token endpoint announced. */
export const TOKEN_EXPIRY_MARGIN_MS = 60_000;
/** How long a token without `expires_in` is kept. */
export const TOKEN_DEFAULT_LIFETIME_MS = 5 * 60_000;
const TOKEN_TIMEOUT_MS = 10_000;

export interface OAuth2ClientFields {
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  scope?: string;
  audience?: string;
}

/**
 * Access tokens of OAuth2 client-credentials credentials, fetched through the guarded HTTP invoker
 * and kept in memory until `expires_in` minus a minute. The cache key includes the credential's
 * `updated_at`, so editing a credential fetches a new token. Concurrent runs share one request.
 */
export class OAuth2TokenCache {
  private readonly tokens = new Map<string, { token: string; expiresAt: number }>();
  private readonly pending = new Map<string, Promise<string>>();

  constructor(
    private readonly http: HttpInvoker,
    private readonly clock: Clock = { now: () => Date.now() },
  ) {}

  async token(key: string, fields: OAuth2ClientFields): Promise<string> {
    const cached = this.tokens.get(key);
    if (cached && cached.expiresAt > this.clock.now()) return cached.token;
    this.tokens.delete(key);
    let pending = this.pending.get(key);
    if (!pending) {
      pending = this.fetch(key, fields)
        .catch((err: unknown) => {
          // A token endpoint may echo what it was sent; the secret must not reach the run journal.
          if (err instanceof CredentialError && fields.clientSecret)
            throw new CredentialError(err.code, err.message.split(fields.clientSecret).join('***'), err.retryable, err.kind);
          throw err;
        })
        .finally(() => this.pending.delete(key));
      this.pending.set(key, pending);
    }
    return pending;
  }

  private async fetch(key: string, fields: OAuth2ClientFields): Promise<string> {
    const form = new URLSearchParams({ grant_type: 'client_credentials', client_id: fields.clientId, client_secret: fields.clientSecret });
    if (fields.scope) form.set('scope', fields.scope);
    if (fields.audience) form.set('audience', fields.audience);
    const where = describeUrl(fields.tokenUrl);
    let response;
    try {
      response = await this.http.send({
        method: 'POST',
        url: fields.tokenUrl,
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
        body: form.toString(),
        timeoutMs: TOKEN_TIMEOUT_MS,
      });
    } catch (err) {
      const e = err as { code?: string; message?: string; retryable?: boolean };
      throw new CredentialError(
        'OAUTH2_TOKEN',
        `the token endpoint ${where} could not be reached: ${e.message ?? String(err)}`,
        e.retryable ?? true,
      );
    }
    if (response.status < 200 || response.status > 299) {
      const retryable = response.status >= 500 || response.status === 429 || response.status === 408;
      throw new CredentialError(
        'OAUTH2_TOKEN',
        `the token endpoint ${where} answered HTTP ${response.status}${oauthError(response.body)}`,
        retryable,
      );
    }
    const body = parseTokenBody(response.body, response.headers['content-type']);
    const token = typeof body.access_token === 'string' ? body.access_token : '';
    if (!token) throw new CredentialError('OAUTH2_TOKEN', `the token endpoint ${where} answered without an access_token`, false);
    const expiresIn = Number(body.expires_in);
    const lifetime = Number.isFinite(expiresIn) && expiresIn > 0 ? expiresIn * 1000 - TOKEN_EXPIRY_MARGIN_MS : TOKEN_DEFAULT_LIFETIME_MS;
    if (lifetime > 0) this.tokens.set(key, { token, expiresAt: this.clock.now() + lifetime });
    return token;
  }
}

/** JSON by default; some providers (GitHub) answer a urlencoded form. */
function parseTokenBody(text: string, contentType: string | undefined): Record<string, unknown> {
  if ((contentType ?? '').toLowerCase().includes('application/x-www-form-urlencoded')) return Object.fromEntries(new URLSearchParams(text));
  try {
    const parsed = JSON.parse(text) as unknown;
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** The standard `error` / `error_description` of a refusal, never the rest of the body. */
function oauthError(text: string): string {
  try {
    const body = JSON.parse(text) as { error?: unknown; error_description?: unknown };
    const parts = [body.error, body.error_description].filter((p): p is string => typeof p === 'string').map((p) => p.slice(0, 200));
    return parts.length > 0 ? ` (${parts.join(': ')})` : '';
  } catch {
    return '';
  }
}

function describeUrl(raw: string): string {
  try {
    const url = new URL(raw);
    return `${url.host}${url.pathname}`;
  } catch {
    return raw;
  }
}
