import { describe, expect, it } from 'vitest';
import { Webhook } from 'standardwebhooks';
import { fakeCredentials, json, recordingHttp, steppingClock } from '../../../test/support/fake-ports';
import { runStep, TEST_NOW } from '../../../test/support/run-step';
import { appendQuery, parseResponseBody } from './http.handler';

describe('parseResponseBody', () => {
  it('parses JSON when the content type says JSON', () => {
    expect(parseResponseBody({ status: 200, headers: { 'content-type': 'application/json; charset=utf-8' }, body: '{"a":[1,2]}' })).toEqual(
      { a: [1, 2] },
    );
    expect(parseResponseBody({ status: 200, headers: { 'content-type': 'application/problem+json' }, body: '{"title":"x"}' })).toEqual({
      title: 'x',
    });
  });

  it('parses JSON when there is no content type, and falls back to text when it does not parse', () => {
    expect(parseResponseBody({ status: 200, headers: {}, body: '[1]' })).toEqual([1]);
    expect(parseResponseBody({ status: 200, headers: {}, body: 'OK' })).toBe('OK');
    expect(parseResponseBody({ status: 200, headers: { 'content-type': 'application/json' }, body: '{broken' })).toBe('{broken');
  });

  it('keeps text bodies, empty bodies and truncated bodies as text', () => {
    expect(parseResponseBody({ status: 200, headers: { 'content-type': 'text/plain' }, body: '{"a":1}' })).toBe('{"a":1}');
    expect(parseResponseBody({ status: 200, headers: { 'content-type': 'text/html' }, body: '<p>hi</p>' })).toBe('<p>hi</p>');
    expect(parseResponseBody({ status: 204, headers: { 'content-type': 'application/json' }, body: '' })).toBe('');
    expect(parseResponseBody({ status: 200, headers: { 'content-type': 'application/json' }, body: '{"a":1}', bodyTruncated: true })).toBe(
      '{"a":1}',
    );
  });

  it('parses urlencoded forms into fields, repeated fields into arrays, without prototype keys', () => {
    const headers = { 'content-type': 'application/x-www-form-urlencoded' };
    expect(parseResponseBody({ status: 200, headers, body: 'a=1&b=two+words&b=3&__proto__=x' })).toEqual({ a: '1', b: ['two words', '3'] });
  });
});

describe('appendQuery', () => {
  it('adds encoded parameters after the existing ones and before the fragment', () => {
    expect(
      appendQuery('https://x.test/p', [
        ['q', 'a b&c'],
        ['n', '1'],
      ]),
    ).toBe('https://x.test/p?q=a%20b%26c&n=1');
    expect(appendQuery('https://x.test/p?a=1#top', [['b', '2']])).toBe('https://x.test/p?a=1&b=2#top');
    expect(appendQuery('https://x.test/p?', [['b', '2']])).toBe('https://x.test/p?b=2');
    expect(appendQuery('https://x.test/p', [])).toBe('https://x.test/p');
  });
});

describe('httpHandler', () => {
  it('sends the Idempotency-Key only with a run id, never on GET, and keeps one the user set', async () => {
    const http = recordingHttp();
    await runStep({ id: 'a', type: 'http', url: 'https://x.test/a' }, { ports: { http }, runId: 'r1' });
    await runStep({ id: 'b', type: 'http', url: 'https://x.test/b' }, { ports: { http } });
    await runStep({ id: 'c', type: 'http', method: 'GET', url: 'https://x.test/c' }, { ports: { http }, runId: 'r1' });
    await runStep(
      { id: 'd', type: 'http', url: 'https://x.test/d', headers: { 'Idempotency-Key': 'mine' } },
      { ports: { http }, runId: 'r1' },
    );
    expect(http.requests.map((r) => r.headers['idempotency-key'])).toEqual(['r1:a', undefined, undefined, 'mine']);
  });

  it('sends no body on GET, whatever the body type', async () => {
    const http = recordingHttp();
    await runStep(
      { id: 'a', type: 'http', method: 'GET', url: 'https://x.test/a', bodyType: 'form', form: { a: '1' } },
      { ports: { http } },
    );
    expect(http.requests[0].body).toBeUndefined();
  });

  it('defaults a raw body to text/plain and lets a Content-Type header win over contentType', async () => {
    const http = recordingHttp();
    await runStep({ id: 'a', type: 'http', url: 'https://x.test/a', bodyType: 'raw', raw: '<x/>' }, { ports: { http } });
    await runStep(
      {
        id: 'b',
        type: 'http',
        url: 'https://x.test/b',
        bodyType: 'raw',
        raw: '<x/>',
        contentType: 'text/xml',
        headers: { 'Content-Type': 'application/xml' },
      },
      { ports: { http } },
    );
    expect(http.requests.map((r) => r.headers['content-type'])).toEqual(['text/plain; charset=utf-8', 'application/xml']);
  });

  it('fails on a non-2xx answer by default, and returns it when failOnNon2xx is false', async () => {
    const http = recordingHttp(() => json(409, { error: 'conflict' }));
    expect((await runStep({ id: 'a', type: 'http', url: 'https://x.test/a' }, { ports: { http } })).result.error).toMatchObject({
      code: 'HTTP_STATUS',
      retryable: false,
    });
    const ok = await runStep({ id: 'b', type: 'http', url: 'https://x.test/b', failOnNon2xx: false }, { ports: { http } });
    expect(ok.result).toMatchObject({ status: 'succeeded', output: { status: 409, body: { error: 'conflict' } } });
  });

  it('reports a credential the host cannot resolve with the host error, on the credentialId field', async () => {
    const credentials = {
      resolve: async () => {
        throw Object.assign(new Error('credential cred_x does not exist'), {
          code: 'CREDENTIAL_NOT_FOUND',
          kind: 'user',
          retryable: false,
        });
      },
    };
    const executed = await runStep({ id: 'a', type: 'http', url: 'https://x.test/a', credentialId: 'cred_x' }, { ports: { credentials } });
    expect(executed.result.error).toEqual({
      code: 'CREDENTIAL_NOT_FOUND',
      message: 'credential cred_x does not exist',
      kind: 'user',
      retryable: false,
      field: 'credentialId',
    });
  });

  it('points a template error in a query parameter at its field', async () => {
    const executed = await runStep({ id: 'a', type: 'http', url: 'https://x.test/a', query: { q: '{{ $number("x") }}' } });
    expect(executed.result.error).toMatchObject({ field: 'query.q', kind: 'user' });
  });
});

describe('httpHandler with sign (Standard Webhooks)', () => {
  const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
  const credentials = fakeCredentials({
    cred_sign: { type: 'webhook-signing-secret', fields: { secret: SECRET } },
    cred_token: { type: 'bearer', headers: { authorization: 'Bearer tok_1' }, fields: { token: 'tok_1' } },
  });

  it('adds webhook-id, webhook-timestamp and a signature the standardwebhooks library verifies, beside a credential', async () => {
    const http = recordingHttp();
    const executed = await runStep(
      {
        id: 'push',
        type: 'http',
        url: 'https://r.example.com/in',
        body: "{ 'n': 1 }",
        credentialId: 'cred_token',
        sign: { credentialId: 'cred_sign' },
      },
      { ports: { http, credentials, clock: steppingClock(TEST_NOW, 0) }, runId: 'run_3' },
    );
    expect(executed.result.status).toBe('succeeded');
    const [request] = http.requests;
    expect(request.headers).toMatchObject({
      authorization: 'Bearer tok_1',
      'webhook-id': 'msg_run_3_push',
      'webhook-timestamp': String(TEST_NOW / 1000),
    });
    const realNow = Date.now;
    Date.now = () => TEST_NOW;
    try {
      expect(new Webhook(SECRET).verify(request.body!, request.headers)).toEqual({ n: 1 });
    } finally {
      Date.now = realNow;
    }
    expect(credentials.calls.map((c) => c.expectedTypes)).toContainEqual(['webhook-signing-secret']);
    const recorded = executed.result.input as { headers: Record<string, string> };
    expect(recorded.headers).toMatchObject({ authorization: 'Bearer …(5 characters)', 'webhook-id': 'msg_run_3_push' });
    expect(JSON.stringify(executed.result)).not.toContain(SECRET.slice(6));
  });

  it('signs an empty body on GET, and fails on the sign field when the credential is missing', async () => {
    const http = recordingHttp();
    await runStep(
      { id: 'g', type: 'http', method: 'GET', url: 'https://r.example.com/in', sign: { credentialId: 'cred_sign' } },
      { ports: { http, credentials }, runId: 'r' },
    );
    expect(http.requests[0].headers['webhook-signature']).toMatch(/^v1,[A-Za-z0-9+/]+=*$/);
    const missing = await runStep(
      { id: 'g', type: 'http', url: 'https://r.example.com/in', sign: { credentialId: 'nope' } },
      { ports: { credentials } },
    );
    expect(missing.result.error).toMatchObject({ code: 'CREDENTIAL_NOT_FOUND', field: 'sign.credentialId' });
    const wrong = await runStep(
      { id: 'g', type: 'http', url: 'https://r.example.com/in', sign: { credentialId: 'cred_token' } },
      { ports: { credentials } },
    );
    expect(wrong.result.error).toMatchObject({ code: 'CREDENTIAL_TYPE', field: 'sign.credentialId' });
  });
});
