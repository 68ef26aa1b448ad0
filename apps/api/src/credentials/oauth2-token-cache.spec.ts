import type { HttpInvoker, HttpRequest, HttpResponse } from '@switchyard/engine';
import { describe, expect, it } from 'vitest';
import { OAuth2TokenCache } from './oauth2-token-cache';

/** A token endpoint in memory: records requests and answers from a queue. */
function tokenEndpoint(answers: Array<HttpResponse | Error>) {
  const requests: HttpRequest[] = [];
  const http: HttpInvoker = {
    send: async (req) => {
      requests.push(req);
      const next = answers.shift();
      if (!next) throw new Error('no more answers');
      if (next instanceof Error) throw next;
      return next;
    },
  };
  return { http, requests };
}
const json = (status: number, body: unknown): HttpResponse => ({
  status,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});
const fields = {
  tokenUrl: 'https://auth.test/oauth/token',
  clientId: 'client-1',
  clientSecret: 's3cret-value',
  scope: 'read write',
  audience: 'https://api.test',
};

describe('OAuth2TokenCache', () => {
  it('posts the client-credentials form and caches the token until expires_in minus a minute', async () => {
    let now = 1_000_000;
    const { http, requests } = tokenEndpoint([
      json(200, { access_token: 'tok-1', expires_in: 120 }),
      json(200, { access_token: 'tok-2', expires_in: 120 }),
    ]);
    const cache = new OAuth2TokenCache(http, { now: () => now });
    expect(await cache.token('k', fields)).toBe('tok-1');
    expect(requests[0]).toMatchObject({
      method: 'POST',
      url: fields.tokenUrl,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(Object.fromEntries(new URLSearchParams(requests[0].body))).toEqual({
      grant_type: 'client_credentials',
      client_id: 'client-1',
      client_secret: 's3cret-value',
      scope: 'read write',
      audience: 'https://api.test',
    });
    now += 59_000;
    expect(await cache.token('k', fields)).toBe('tok-1');
    now += 2_000;
    expect(await cache.token('k', fields)).toBe('tok-2');
    expect(requests).toHaveLength(2);
  });

  it('shares one request between concurrent callers and keys by credential version', async () => {
    const { http, requests } = tokenEndpoint([
      json(200, { access_token: 'a', expires_in: 3600 }),
      json(200, { access_token: 'b', expires_in: 3600 }),
    ]);
    const cache = new OAuth2TokenCache(http);
    expect(await Promise.all([cache.token('id:1', fields), cache.token('id:1', fields)])).toEqual(['a', 'a']);
    expect(await cache.token('id:2', fields)).toBe('b');
    expect(requests).toHaveLength(2);
  });

  it('reads form-encoded answers', async () => {
    const { http } = tokenEndpoint([
      { status: 200, headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'access_token=f&expires_in=100' },
    ]);
    expect(await new OAuth2TokenCache(http).token('k', fields)).toBe('f');
  });

  it('classifies failures: 5xx and network retryable, 4xx and no token not, never echoing the secret', async () => {
    const { http } = tokenEndpoint([
      json(503, { error: 'unavailable' }),
      json(401, { error: 'invalid_client', error_description: 'bad secret s3cret-value?' }),
      json(200, { token_type: 'bearer' }),
      Object.assign(new Error('connect ECONNREFUSED'), { code: 'HTTP_NETWORK_ERROR', retryable: true }),
    ]);
    const cache = new OAuth2TokenCache(http);
    await expect(cache.token('k', fields)).rejects.toMatchObject({
      code: 'OAUTH2_TOKEN',
      retryable: true,
      message: expect.stringContaining('HTTP 503'),
    });
    const refused = (await cache.token('k', fields).then(
      () => new Error('expected a refusal'),
      (e: Error) => e,
    )) as Error;
    expect(refused).toMatchObject({ code: 'OAUTH2_TOKEN', retryable: false, message: expect.stringContaining('invalid_client') });
    expect(refused.message).not.toContain('s3cret-value');
    await expect(cache.token('k', fields)).rejects.toMatchObject({
      code: 'OAUTH2_TOKEN',
      retryable: false,
      message: expect.stringContaining('without an access_token'),
    });
    await expect(cache.token('k', fields)).rejects.toMatchObject({
      code: 'OAUTH2_TOKEN',
      retryable: true,
      message: expect.stringContaining('ECONNREFUSED'),
    });
  });
});
