import { Webhook } from 'standardwebhooks';
import { describe, expect, it } from 'vitest';
import { fakeCredentials, recordingHttp, steppingClock } from '../../../test/support/fake-ports';
import { runStep, TEST_NOW } from '../../../test/support/run-step';

const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
const credentials = fakeCredentials({
  cred_sign: { type: 'webhook-signing-secret', fields: { secret: SECRET } },
  cred_broken: { type: 'webhook-signing-secret', fields: { secret: 'not a whsec secret!' } },
  cred_bearer: { type: 'bearer', headers: { authorization: 'Bearer t' }, fields: { token: 't' } },
});

/** Verifies as a receiver would, at the instant the step signed. */
function verify(request: { headers: Record<string, string>; body?: string }): unknown {
  const wh = new Webhook(SECRET);
  const realNow = Date.now;
  Date.now = () => Number(request.headers['webhook-timestamp']) * 1000;
  try {
    return wh.verify(request.body ?? '', request.headers);
  } finally {
    Date.now = realNow;
  }
}

describe('webhookHandler (Send signed webhook)', () => {
  it('sends the Standard Webhooks envelope, signed, with an id stable per run and step', async () => {
    const http = recordingHttp();
    const step = {
      id: 'notify',
      type: 'webhook',
      url: 'https://partner.example.com/hooks',
      body: "{ 'order': trigger.body.id }",
      credentialId: 'cred_sign',
      eventType: 'order.{{ trigger.body.state }}',
    };
    const executed = await runStep(step, {
      body: { id: 'o_1', state: 'paid' },
      ports: { http, credentials, clock: steppingClock(TEST_NOW, 0) },
      runId: 'run_7',
    });
    expect(executed.result.status).toBe('succeeded');
    const [request] = http.requests;
    expect(JSON.parse(request.body!)).toEqual({ type: 'order.paid', timestamp: new Date(TEST_NOW).toISOString(), data: { order: 'o_1' } });
    expect(request.headers).toMatchObject({
      'content-type': 'application/json',
      'webhook-id': 'msg_run_7_notify',
      'webhook-timestamp': String(TEST_NOW / 1000),
      'idempotency-key': 'run_7:notify',
    });
    expect(verify(request)).toEqual(JSON.parse(request.body!));
    expect(credentials.calls.at(-1)).toEqual({ id: 'cred_sign', expectedTypes: ['webhook-signing-secret'] });
    expect(executed.result.output).toMatchObject({ status: 200, body: { ok: true }, webhookId: 'msg_run_7_notify' });

    // A retry of the same run and step keeps the id; the signature follows the new timestamp.
    const retry = await runStep(step, {
      body: { id: 'o_1', state: 'paid' },
      ports: { http, credentials, clock: steppingClock(TEST_NOW + 5000, 0) },
      runId: 'run_7',
    });
    expect(retry.result.status).toBe('succeeded');
    expect(http.requests[1].headers['webhook-id']).toBe('msg_run_7_notify');
    expect(http.requests[1].headers['webhook-timestamp']).toBe(String(TEST_NOW / 1000 + 5));
    expect(verify(http.requests[1])).toBeTruthy();
  });

  it('sends the payload as it is without an event type, and never journals the secret', async () => {
    const http = recordingHttp();
    const executed = await runStep(
      { id: 'w', type: 'webhook', url: 'https://r.example.com/in', body: 'trigger.body', credentialId: 'cred_sign' },
      { body: { a: [1, 2] }, ports: { http, credentials }, runId: 'r' },
    );
    expect(http.requests[0].body).toBe('{"a":[1,2]}');
    expect(verify(http.requests[0])).toEqual({ a: [1, 2] });
    expect(JSON.stringify(executed.result)).not.toContain(SECRET.slice(6));
    expect((executed.result.input as { headers: Record<string, string> }).headers['webhook-signature']).toMatch(/^v1,/);
  });

  it('fails on a secret that is not whsec_, a wrong credential type, and a non-2xx answer', async () => {
    const broken = await runStep(
      { id: 'w', type: 'webhook', url: 'https://r.example.com/in', body: '1', credentialId: 'cred_broken' },
      { ports: { credentials } },
    );
    expect(broken.result.error).toMatchObject({ code: 'CREDENTIAL_INVALID', field: 'credentialId', retryable: false });
    expect(JSON.stringify(broken.result)).not.toContain('not a whsec secret!');
    const wrong = await runStep(
      { id: 'w', type: 'webhook', url: 'https://r.example.com/in', body: '1', credentialId: 'cred_bearer' },
      { ports: { credentials } },
    );
    expect(wrong.result.error).toMatchObject({ code: 'CREDENTIAL_TYPE', field: 'credentialId' });
    const http = recordingHttp(() => ({ status: 401, headers: {}, body: 'bad signature' }));
    const refused = await runStep(
      { id: 'w', type: 'webhook', url: 'https://r.example.com/in', body: '1', credentialId: 'cred_sign' },
      { ports: { http, credentials } },
    );
    expect(refused.result.error).toMatchObject({ code: 'HTTP_STATUS', retryable: false, details: { status: 401 } });
  });
});
