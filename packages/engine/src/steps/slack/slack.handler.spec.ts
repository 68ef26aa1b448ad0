import { describe, expect, it } from 'vitest';
import { fakeCredentials, json, recordingHttp } from '../../../test/support/fake-ports';
import { runStep } from '../../../test/support/run-step';
import { validateDefinition } from '../../validation/validate-definition';

const HOOK = 'https://hooks.slack.com/services/T0001/B0002/XXXXsecretXXXX';
const credentials = fakeCredentials({
  cred_slack: { type: 'webhook-url', fields: { url: HOOK } },
  cred_bearer: { type: 'bearer', headers: { authorization: 'Bearer t' }, fields: { token: 't' } },
});
const slackOk = () => ({ status: 200, headers: { 'content-type': 'text/html' }, body: 'ok' });

describe('slackHandler', () => {
  it('posts text, blocks, username and icon_emoji as Slack expects, with an idempotency key', async () => {
    const http = recordingHttp(slackOk);
    const executed = await runStep(
      {
        id: 'notify',
        type: 'slack',
        url: 'https://hooks.slack.com/services/{{ trigger.body.team }}',
        text: 'New order *{{ trigger.body.id }}*',
        blocks: "[{ 'type': 'section', 'text': { 'type': 'mrkdwn', 'text': 'Order ' & trigger.body.id } }]",
        username: 'Shop bot',
        iconEmoji: ':package:',
      },
      { body: { id: 'A-17', team: 'T9/B9/abc' }, ports: { http }, runId: 'run_1' },
    );
    expect(executed.result.status).toBe('succeeded');
    expect(http.requests).toHaveLength(1);
    const [request] = http.requests;
    expect(request).toMatchObject({ method: 'POST', url: 'https://hooks.slack.com/services/T9/B9/abc', timeoutMs: 10_000 });
    expect(request.headers).toEqual({ 'content-type': 'application/json', 'idempotency-key': 'run_1:notify' });
    expect(JSON.parse(request.body!)).toEqual({
      text: 'New order *A-17*',
      blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'Order A-17' } }],
      username: 'Shop bot',
      icon_emoji: ':package:',
    });
    expect(executed.result.output).toEqual({ status: 200, headers: { 'content-type': 'text/html' }, body: 'ok' });
  });

  it('leaves out optional fields that are not set or render empty', async () => {
    const http = recordingHttp(slackOk);
    await runStep({ id: 'n', type: 'slack', url: HOOK, text: 'hi', username: '{{ trigger.body.nobody }}' }, { ports: { http } });
    expect(JSON.parse(http.requests[0].body!)).toEqual({ text: 'hi' });
  });

  it('posts to the stored webhook URL and masks it in the journal, error messages included', async () => {
    const http = recordingHttp(slackOk);
    const executed = await runStep({ id: 'n', type: 'slack', credentialId: 'cred_slack', text: 'hi' }, { ports: { http, credentials } });
    expect(http.requests[0].url).toBe(HOOK);
    expect(credentials.calls.at(-1)).toEqual({ id: 'cred_slack', expectedTypes: ['webhook-url'] });
    expect(executed.result.input).toEqual({
      method: 'POST',
      url: 'https://hooks.slack.com/***',
      headers: { 'content-type': 'application/json' },
      body: '{"text":"hi"}',
    });

    const failing = {
      send: async () => {
        throw Object.assign(new Error(`POST ${HOOK} failed: ECONNRESET`), { code: 'HTTP_NETWORK_ERROR', retryable: true });
      },
    };
    const failed = await runStep(
      { id: 'n', type: 'slack', credentialId: 'cred_slack', text: 'hi' },
      { ports: { http: failing, credentials } },
    );
    expect(failed.result.error).toMatchObject({
      code: 'HTTP_NETWORK_ERROR',
      retryable: true,
      message: 'POST https://hooks.slack.com/*** failed: ECONNRESET',
    });
    expect(JSON.stringify(failed.result)).not.toContain('XXXXsecretXXXX');
  });

  it('fails on a missing credential, a credential of another type, and a host without credentials', async () => {
    const missing = await runStep({ id: 'n', type: 'slack', credentialId: 'cred_gone', text: 'hi' }, { ports: { credentials } });
    expect(missing.result.error).toMatchObject({ code: 'CREDENTIAL_NOT_FOUND', field: 'credentialId', retryable: false });
    const wrong = await runStep({ id: 'n', type: 'slack', credentialId: 'cred_bearer', text: 'hi' }, { ports: { credentials } });
    expect(wrong.result.error).toMatchObject({ code: 'CREDENTIAL_TYPE', field: 'credentialId' });
    const none = await runStep({ id: 'n', type: 'slack', credentialId: 'cred_slack', text: 'hi' });
    expect(none.result.error).toMatchObject({ code: 'CREDENTIALS_UNAVAILABLE', kind: 'system', field: 'credentialId' });
  });

  it('fails on Slack errors: 404 no_service is permanent, 429 and 5xx are retried', async () => {
    const answers = [
      { status: 404, headers: { 'content-type': 'text/html' }, body: 'no_service' },
      { status: 429, headers: { 'retry-after': '30' }, body: 'rate_limited' },
      json(503, {}),
    ];
    const http = recordingHttp((_r, i) => answers[i]);
    const errors = [];
    for (let i = 0; i < 3; i++)
      errors.push((await runStep({ id: 'n', type: 'slack', url: HOOK, text: 'hi' }, { ports: { http } })).result.error);
    expect(errors[0]).toMatchObject({ code: 'HTTP_STATUS', retryable: false, details: { status: 404, bodyExcerpt: 'no_service' } });
    expect(errors[1]).toMatchObject({ code: 'HTTP_STATUS', retryable: true, details: { status: 429, retryAfterMs: 30_000 } });
    expect(errors[2]).toMatchObject({ code: 'HTTP_STATUS', retryable: true, details: { status: 503 } });
  });

  it('fails when blocks is not an array', async () => {
    const executed = await runStep({ id: 'n', type: 'slack', url: HOOK, text: 'hi', blocks: "{'type': 'section'}" });
    expect(executed.result.error).toMatchObject({ code: 'INVALID_BLOCKS', field: 'blocks' });
  });

  it('is validated with field paths: exactly one of url and credentialId', () => {
    const check = (step: Record<string, unknown>) => {
      const result = validateDefinition({ trigger: { type: 'webhook' }, steps: [{ id: 'a', type: 'map', expression: '1' }, step] });
      return result.ok ? [] : result.issues;
    };
    expect(check({ type: 'slack', text: 'hi' })).toEqual([
      { path: 'steps[1].url', message: 'is required unless credentialId names a stored webhook URL' },
    ]);
    expect(check({ type: 'slack', text: 'hi', url: HOOK, credentialId: 'c' })).toEqual([
      { path: 'steps[1].url', message: 'set either url or credentialId, not both' },
    ]);
    expect(check({ type: 'slack', text: 'hi', url: 'ftp://x' })).toEqual([
      { path: 'steps[1].url', message: 'must start with http:// or https:// (or a {{ placeholder }})' },
    ]);
    expect(check({ type: 'slack', url: HOOK })[0]).toMatchObject({ path: 'steps[1].text' });
    expect(check({ type: 'slack', url: HOOK, text: 'hi', blocks: '[' })[0]).toMatchObject({ path: 'steps[1].blocks' });
    expect(check({ type: 'slack', url: HOOK, text: 'hi' })).toEqual([]);
  });
});
