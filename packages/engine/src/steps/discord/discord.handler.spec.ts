import { describe, expect, it } from 'vitest';
import { fakeCredentials, json, recordingHttp } from '../../../test/support/fake-ports';
import { runStep } from '../../../test/support/run-step';
import { validateDefinition } from '../../validation/validate-definition';

const HOOK = 'https://discord.com/api/webhooks/1234567890/tok-en_secret';
const noContent = () => ({ status: 204, headers: {}, body: '' });

describe('discordHandler', () => {
  it('posts content, username, avatar_url and embeds; 204 succeeds', async () => {
    const http = recordingHttp(noContent);
    const executed = await runStep(
      {
        id: 'tell',
        type: 'discord',
        url: HOOK,
        content: 'Deploy of {{ trigger.body.app }} finished',
        username: 'CI',
        avatarUrl: 'https://example.com/ci.png',
        embeds: "[{ 'title': trigger.body.app, 'color': 5814783, 'fields': [{ 'name': 'version', 'value': trigger.body.version }] }]",
      },
      { body: { app: 'shop', version: '1.4.2' }, ports: { http }, runId: 'r9' },
    );
    expect(executed.result.status).toBe('succeeded');
    expect(http.requests[0]).toMatchObject({
      method: 'POST',
      url: HOOK,
      headers: { 'content-type': 'application/json', 'idempotency-key': 'r9:tell' },
    });
    expect(JSON.parse(http.requests[0].body!)).toEqual({
      content: 'Deploy of shop finished',
      username: 'CI',
      avatar_url: 'https://example.com/ci.png',
      embeds: [{ title: 'shop', color: 5814783, fields: [{ name: 'version', value: '1.4.2' }] }],
    });
    expect(executed.result.output).toEqual({ status: 204, headers: {}, body: '' });
  });

  it('masks a stored webhook URL (the token is in its path)', async () => {
    const http = recordingHttp(noContent);
    const credentials = fakeCredentials({ cred_d: { type: 'webhook-url', fields: { url: HOOK } } });
    const executed = await runStep({ id: 'tell', type: 'discord', credentialId: 'cred_d', content: 'x' }, { ports: { http, credentials } });
    expect(http.requests[0].url).toBe(HOOK);
    expect((executed.result.input as { url: string }).url).toBe('https://discord.com/***');
    expect(JSON.stringify(executed.result)).not.toContain('tok-en_secret');
  });

  it("fails on a credential without a url, and on a 400 answer with Discord's error", async () => {
    const credentials = fakeCredentials({ cred_empty: { type: 'webhook-url', fields: {} } });
    const empty = await runStep({ id: 't', type: 'discord', credentialId: 'cred_empty', content: 'x' }, { ports: { credentials } });
    expect(empty.result.error).toMatchObject({ code: 'CREDENTIAL_INVALID', field: 'credentialId' });
    const http = recordingHttp(() => json(400, { message: 'Cannot send an empty message', code: 50006 }));
    const bad = await runStep({ id: 't', type: 'discord', url: HOOK, content: 'x' }, { ports: { http } });
    expect(bad.result.error).toMatchObject({
      code: 'HTTP_STATUS',
      retryable: false,
      details: { status: 400, bodyExcerpt: '{"message":"Cannot send an empty message","code":50006}' },
    });
  });

  it('refuses more than 10 embeds or embeds that are not an array', async () => {
    const many = await runStep({ id: 't', type: 'discord', url: HOOK, content: 'x', embeds: "[1..11].({'title': $string($)})" });
    expect(many.result.error).toMatchObject({ code: 'INVALID_EMBEDS', field: 'embeds' });
    const one = await runStep({ id: 't', type: 'discord', url: HOOK, content: 'x', embeds: "{'title': 'x'}" });
    expect(one.result.error).toMatchObject({ code: 'INVALID_EMBEDS', field: 'embeds' });
  });

  it('validates content length and the target', () => {
    const long = validateDefinition({ trigger: { type: 'webhook' }, steps: [{ type: 'discord', content: 'x'.repeat(2001), url: HOOK }] });
    expect(long.ok ? [] : long.issues).toMatchObject([{ path: 'steps[0].content', message: 'must be at most 2,000 characters' }]);
    const target = validateDefinition({ trigger: { type: 'webhook' }, steps: [{ type: 'discord', content: 'x' }] });
    expect(target.ok ? [] : target.issues.map((i) => i.path)).toEqual(['steps[0].url']);
  });
});
