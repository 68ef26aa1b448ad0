import { createHash, randomBytes } from 'node:crypto';
import { renderTemplate, type AppDefinition, type HttpInvoker } from '@switchyard/engine';

type OAuth2Auth = Extract<AppDefinition['auth'], { kind: 'oauth2' }>;

/** The OAuth 2 auth of an app; undefined for apps that sign in otherwise. */
export function oauth2Of(app: AppDefinition): OAuth2Auth | undefined {
  return app.auth.kind === 'oauth2' ? app.auth : undefined;
}

/** A PKCE verifier (RFC 7636: 43-128 unreserved characters) and its S256 challenge. */
export function pkcePair(): { verifier: string; challenge: string } {
  const verifier = randomBytes(48).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

export function randomState(): string {
  return randomBytes(32).toString('base64url');
}

/** The provider's consent URL: response_type=code, client id, redirect URL, scopes, state, PKCE challenge, extra parameters. */
export async function authorizeUrl(params: {
  auth: OAuth2Auth;
  connection: Record<string, string>;
  clientId: string;
  redirectUrl: string;
  state: string;
  challenge?: string;
}): Promise<string> {
  const { auth } = params;
  const url = new URL((await renderTemplate(auth.authorizeUrl, { connection: params.connection })).trim());
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('client_id', params.clientId);
  url.searchParams.set('redirect_uri', params.redirectUrl);
  if (auth.scopes.length > 0) url.searchParams.set('scope', auth.scopes.join(auth.scopeSeparator));
  url.searchParams.set('state', params.state);
  if (params.challenge) {
    url.searchParams.set('code_challenge', params.challenge);
    url.searchParams.set('code_challenge_method', 'S256');
  }
  for (const [name, value] of Object.entries(auth.authorizeParams)) url.searchParams.set(name, value);
  return url.toString();
}

export interface TokenSet {
  accessToken: string;
  refreshToken?: string;
  expiresAt: Date | null;
  scopes?: string[];
}

/** Why a token request failed; `refused` when the provider said no (invalid_grant...), not when it could not be reached. */
export class TokenError extends Error {
  constructor(
    message: string,
    readonly refused: boolean,
  ) {
    super(message);
  }
}

/**
 * A token request (authorization_code or refresh_token grant) through the guarded HTTP invoker,
 * with client authentication in the body or as HTTP Basic, as the app declares.
 */
export async function requestTokens(params: {
  http: HttpInvoker;
  auth: OAuth2Auth;
  connection: Record<string, string>;
  clientId: string;
  clientSecret?: string;
  form: Record<string, string>;
  now: number;
}): Promise<TokenSet> {
  const { auth } = params;
  const tokenUrl = (await renderTemplate(auth.tokenUrl, { connection: params.connection })).trim();
  const form = new URLSearchParams(params.form);
  const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' };
  if (auth.clientAuth === 'basic') {
    headers.authorization = `Basic ${Buffer.from(`${encodeURIComponent(params.clientId)}:${encodeURIComponent(params.clientSecret ?? '')}`).toString('base64')}`;
  } else {
    form.set('client_id', params.clientId);
    if (params.clientSecret) form.set('client_secret', params.clientSecret);
  }
  let response;
  try {
    response = await params.http.send({ method: 'POST', url: tokenUrl, headers, body: form.toString(), timeoutMs: 10_000 });
  } catch (err) {
    throw new TokenError(`the token endpoint ${new URL(tokenUrl).host} could not be reached: ${(err as Error).message}`, false);
  }
  let body: Record<string, unknown> = {};
  try {
    body = (response.headers['content-type'] ?? '').includes('x-www-form-urlencoded')
      ? Object.fromEntries(new URLSearchParams(response.body))
      : (JSON.parse(response.body) as Record<string, unknown>);
  } catch {
    body = {};
  }
  const refusedStatus = response.status >= 400 && response.status < 500 && response.status !== 408 && response.status !== 429;
  if (response.status < 200 || response.status > 299 || typeof body.access_token !== 'string') {
    const reason = [body.error, body.error_description].filter((p) => typeof p === 'string').join(': ') || `HTTP ${response.status}`;
    throw new TokenError(
      `the token endpoint refused: ${reason.slice(0, 300)}`,
      refusedStatus || (response.status >= 200 && response.status <= 299),
    );
  }
  const expiresIn = Number(body.expires_in);
  return {
    accessToken: body.access_token,
    refreshToken: typeof body.refresh_token === 'string' ? body.refresh_token : undefined,
    expiresAt: Number.isFinite(expiresIn) && expiresIn > 0 ? new Date(params.now + expiresIn * 1000) : null,
    scopes: typeof body.scope === 'string' ? body.scope.split(/[ ,]+/).filter(Boolean) : undefined,
  };
}
