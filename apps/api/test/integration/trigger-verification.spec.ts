import { createHmac, generateKeyPairSync, sign } from 'node:crypto';
import { Webhooks } from '@octokit/webhooks';
import { Webhook as StandardWebhook } from 'standardwebhooks';
import Stripe from 'stripe';
import { Webhook as SvixWebhook } from 'svix';
import twilio from 'twilio';
import { describe, expect, it } from 'vitest';
import { createHookWorkflow, lastRequest, sendHook } from './trigger-helpers';
import { useSwitchyard } from '../support/use-switchyard';

const stripe = new Stripe('sk_test_unused');
const nowS = () => Math.floor(Date.now() / 1000);

/**
 * Each scheme end to end over HTTP: a genuine delivery starts a run (202), a forged one is answered
 * 401 with a generic body and recorded with the precise reason, and a replayed delivery answers 200
 * with the first run's id. Requests are signed with the providers' own libraries where they exist.
 */
describe('trigger signature schemes over HTTP', () => {
  const sy = useSwitchyard();

  async function expectRejected(workflowId: string, res: { status: number; json: any }, reason: RegExp) {
    expect(res.status).toBe(401);
    expect(res.json).toEqual({ error: { code: 'unauthorized', message: 'The request could not be verified', details: [] } });
    const stored = await lastRequest(sy.db, workflowId);
    expect(stored).toMatchObject({ verdict: 'bad_signature', status_code: 401, run_id: null });
    expect(stored.reason).toMatch(reason);
  }

  it('stripe: genuine, forged, stale, replayed', async () => {
    const secret = 'whsec_integration';
    const wf = await createHookWorkflow(sy.api, { verify: { scheme: 'stripe', secrets: [secret] }, dedupe: {} });
    const payload = JSON.stringify({ id: 'evt_int_1', type: 'charge.succeeded' });
    const header = stripe.webhooks.generateTestHeaderString({ payload, secret });
    const send = (h: string, body = payload) =>
      sendHook(sy.url, wf.trigger.token, { headers: { 'content-type': 'application/json', 'stripe-signature': h }, body });

    const ok = await send(header);
    expect(ok.status).toBe(202);
    expect((await sy.api.waitForRun(ok.json.runId)).status).toBe('succeeded');

    await expectRejected(wf.id, await send(header, payload.replace('evt_int_1', 'evt_int_2')), /stripe.*does not match/);
    await expectRejected(wf.id, await send(stripe.webhooks.generateTestHeaderString({ payload, secret: 'whsec_wrong' })), /does not match/);
    await expectRejected(
      wf.id,
      await send(stripe.webhooks.generateTestHeaderString({ payload, secret, timestamp: nowS() - 600 })),
      /s old/,
    );
    await expectRejected(
      wf.id,
      await send(stripe.webhooks.generateTestHeaderString({ payload, secret, timestamp: nowS() + 600 })),
      /in the future/,
    );
    await expectRejected(
      wf.id,
      await sendHook(sy.url, wf.trigger.token, { headers: { 'content-type': 'application/json' }, body: payload }),
      /missing header Stripe-Signature/,
    );

    const replay = await send(stripe.webhooks.generateTestHeaderString({ payload, secret }));
    expect(replay).toMatchObject({ status: 200, json: { runId: ok.json.runId, duplicate: true } });
    expect(await lastRequest(sy.db, wf.id)).toMatchObject({ verdict: 'duplicate', status_code: 200 });
  });

  it('github: genuine, forged, ping handshake, replayed delivery id', async () => {
    const secret = 'gh-integration';
    const wf = await createHookWorkflow(sy.api, { verify: { scheme: 'github', secrets: [secret] }, dedupe: {} });
    const webhooks = new Webhooks({ secret });
    const payload = JSON.stringify({ action: 'opened', issue: { number: 1 } });
    const send = async (body: string, headers: Record<string, string>) =>
      sendHook(sy.url, wf.trigger.token, { headers: { 'content-type': 'application/json', ...headers }, body });

    const ok = await send(payload, {
      'x-hub-signature-256': await webhooks.sign(payload),
      'x-github-event': 'issues',
      'x-github-delivery': 'd-1',
    });
    expect(ok.status).toBe(202);
    await expectRejected(
      wf.id,
      await send(payload, { 'x-hub-signature-256': await new Webhooks({ secret: 'other' }).sign(payload), 'x-github-delivery': 'd-2' }),
      /does not match/,
    );
    const replay = await send(payload, {
      'x-hub-signature-256': await webhooks.sign(payload),
      'x-github-event': 'issues',
      'x-github-delivery': 'd-1',
    });
    expect(replay).toMatchObject({ status: 200, json: { runId: ok.json.runId, duplicate: true } });

    const ping = JSON.stringify({ zen: 'Design for failure.', hook_id: 7 });
    const pong = await send(ping, {
      'x-hub-signature-256': await webhooks.sign(ping),
      'x-github-event': 'ping',
      'x-github-delivery': 'd-ping',
    });
    expect(pong.status).toBe(200);
    expect(await lastRequest(sy.db, wf.id)).toMatchObject({
      verdict: 'handshake',
      reason: expect.stringMatching(/GitHub ping/),
      run_id: null,
    });
  });

  it('standard-webhooks and svix, with secret rotation', async () => {
    const oldSecret = 'whsec_' + Buffer.from('old-secret-old-secret-old-secret').toString('base64');
    const newSecret = 'whsec_' + Buffer.from('new-secret-new-secret-new-secret').toString('base64');
    const payload = JSON.stringify({ type: 'user.created' });
    for (const scheme of ['standard-webhooks', 'svix'] as const) {
      const wf = await createHookWorkflow(sy.api, { verify: { scheme, secrets: [newSecret, oldSecret] } });
      const prefix = scheme === 'svix' ? 'svix' : 'webhook';
      const signWith = (secret: string, id: string, at = new Date()) =>
        scheme === 'svix' ? new SvixWebhook(secret).sign(id, at, payload) : new StandardWebhook(secret).sign(id, at, payload);
      const headers = (secret: string, id: string, at = new Date()) => ({
        'content-type': 'application/json',
        [`${prefix}-id`]: id,
        [`${prefix}-timestamp`]: String(Math.floor(at.getTime() / 1000)),
        [`${prefix}-signature`]: signWith(secret, id, at),
      });
      expect((await sendHook(sy.url, wf.trigger.token, { headers: headers(newSecret, 'm1'), body: payload })).status).toBe(202);
      expect((await sendHook(sy.url, wf.trigger.token, { headers: headers(oldSecret, 'm2'), body: payload })).status).toBe(202);
      const stranger = 'whsec_' + Buffer.from('nobody-knows-this-secret-at-all!').toString('base64');
      await expectRejected(
        wf.id,
        await sendHook(sy.url, wf.trigger.token, { headers: headers(stranger, 'm3'), body: payload }),
        /either of the 2 secrets/,
      );
      await expectRejected(
        wf.id,
        await sendHook(sy.url, wf.trigger.token, { headers: headers(newSecret, 'm4', new Date(Date.now() - 3600_000)), body: payload }),
        /36\d\d s old/,
      );
    }
  });

  it('twilio: the signed URL is the public trigger URL', async () => {
    const token = 'twilio-auth-token';
    const wf = await createHookWorkflow(sy.api, { verify: { scheme: 'twilio', secrets: [token] } });
    const params = { From: '+15005550006', Body: 'hello', MessageSid: 'SM1' };
    const url = `${sy.instance.config.publicUrl}/hooks/${wf.trigger.token}?source=sms`;
    const send = (signature: string) =>
      sendHook(sy.url, wf.trigger.token, {
        query: '?source=sms',
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature },
        body: new URLSearchParams(params).toString(),
      });
    const ok = await send(twilio.getExpectedTwilioSignature(token, url, params));
    expect(ok.status).toBe(202);
    expect((await sy.api.waitForRun(ok.json.runId)).steps[0].output).toEqual(params);
    await expectRejected(wf.id, await send(twilio.getExpectedTwilioSignature(token, url.replace('sms', 'mms'), params)), /does not match/);
  });

  it('slack: url_verification and ssl_check handshakes, signed events', async () => {
    const secret = 'slack-integration-secret';
    const wf = await createHookWorkflow(sy.api, { verify: { scheme: 'slack', secrets: [secret] } });
    const signed = (body: string, ts = nowS()) => ({
      'x-slack-request-timestamp': String(ts),
      'x-slack-signature': `v0=${createHmac('sha256', secret).update(`v0:${ts}:${body}`).digest('hex')}`,
    });
    const challenge = JSON.stringify({
      type: 'url_verification',
      challenge: '3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P',
      token: 'x',
    });
    const answered = await sendHook(sy.url, wf.trigger.token, {
      headers: { 'content-type': 'application/json', ...signed(challenge) },
      body: challenge,
    });
    expect(answered).toMatchObject({ status: 200, json: { challenge: '3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P' } });
    expect(await lastRequest(sy.db, wf.id)).toMatchObject({ verdict: 'handshake', reason: 'Answered Slack url_verification' });

    const forged = await sendHook(sy.url, wf.trigger.token, {
      headers: { 'content-type': 'application/json', ...signed(challenge, nowS() - 1000) },
      body: challenge,
    });
    await expectRejected(wf.id, forged, /s old/);

    const ssl = await sendHook(sy.url, wf.trigger.token, {
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'ssl_check=1&token=abc',
    });
    expect(ssl.status).toBe(200);
    expect(await lastRequest(sy.db, wf.id)).toMatchObject({ verdict: 'handshake', reason: 'Answered Slack ssl_check' });

    const command = 'command=%2Fdeploy&text=now&user_name=ada';
    const ran = await sendHook(sy.url, wf.trigger.token, {
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...signed(command) },
      body: command,
    });
    expect(ran.status).toBe(202);
    expect((await sy.api.waitForRun(ran.json.runId)).steps[0].output).toEqual({ command: '/deploy', text: 'now', user_name: 'ada' });
  });

  it('zoom: endpoint.url_validation answered with the HMAC of the plain token', async () => {
    const secret = 'zoom-integration-secret';
    const wf = await createHookWorkflow(sy.api, { verify: { scheme: 'zoom', secrets: [secret] } });
    const body = JSON.stringify({
      event: 'endpoint.url_validation',
      payload: { plainToken: 'qgg8vlvZRS6UYooatFL8Aw' },
      event_ts: Date.now(),
    });
    const ts = nowS();
    const headers = {
      'content-type': 'application/json',
      'x-zm-request-timestamp': String(ts),
      'x-zm-signature': `v0=${createHmac('sha256', secret).update(`v0:${ts}:${body}`).digest('hex')}`,
    };
    const res = await sendHook(sy.url, wf.trigger.token, { headers, body });
    expect(res).toMatchObject({
      status: 200,
      json: {
        plainToken: 'qgg8vlvZRS6UYooatFL8Aw',
        encryptedToken: createHmac('sha256', secret).update('qgg8vlvZRS6UYooatFL8Aw').digest('hex'),
      },
    });
    await expectRejected(
      wf.id,
      await sendHook(sy.url, wf.trigger.token, { headers: { ...headers, 'x-zm-signature': 'v0=00' }, body }),
      /does not match/,
    );
  });

  it('discord: PING answered with type 1 only when the Ed25519 signature verifies', async () => {
    const { publicKey, privateKey } = generateKeyPairSync('ed25519');
    const hex = publicKey.export({ format: 'der', type: 'spki' }).subarray(12).toString('hex');
    const wf = await createHookWorkflow(sy.api, { verify: { scheme: 'discord', secrets: [hex] } });
    const body = JSON.stringify({ id: '1', type: 1, application_id: '2' });
    const ts = String(nowS());
    const signature = sign(null, Buffer.from(ts + body), privateKey).toString('hex');
    const res = await sendHook(sy.url, wf.trigger.token, {
      headers: { 'content-type': 'application/json', 'x-signature-ed25519': signature, 'x-signature-timestamp': ts },
      body,
    });
    expect(res).toMatchObject({ status: 200, json: { type: 1 } });
    const bad = await sendHook(sy.url, wf.trigger.token, {
      headers: { 'content-type': 'application/json', 'x-signature-ed25519': '00'.repeat(64), 'x-signature-timestamp': ts },
      body,
    });
    await expectRejected(wf.id, bad, /does not verify/);
  });

  it('shopify, typeform, paddle, linear, hmac, header-token and basic accept genuine and refuse forged requests', async () => {
    const body = JSON.stringify({ event_id: 'e-1', webhookTimestamp: Date.now(), total: 3 });
    const b64 = (secret: string, text = body) => createHmac('sha256', secret).update(text).digest('base64');
    const hex = (secret: string, text = body) => createHmac('sha256', secret).update(text).digest('hex');
    const ts = nowS();
    const cases: Array<{ verify: Record<string, unknown>; good: Record<string, string>; bad: Record<string, string>; reason: RegExp }> = [
      {
        verify: { scheme: 'shopify', secrets: ['s1'] },
        good: { 'x-shopify-hmac-sha256': b64('s1') },
        bad: {},
        reason: /missing header X-Shopify-Hmac-Sha256/,
      },
      {
        verify: { scheme: 'typeform', secrets: ['t1'] },
        good: { 'typeform-signature': `sha256=${b64('t1')}` },
        bad: { 'typeform-signature': `sha256=${b64('t2')}` },
        reason: /does not match/,
      },
      {
        verify: { scheme: 'paddle', secrets: ['p1'] },
        good: { 'paddle-signature': `ts=${ts};h1=${hex('p1', `${ts}:${body}`)}` },
        bad: { 'paddle-signature': `ts=${ts - 900};h1=${hex('p1', `${ts - 900}:${body}`)}` },
        reason: /9\d\d s old/,
      },
      {
        verify: { scheme: 'linear', secrets: ['l1'] },
        good: { 'linear-signature': hex('l1') },
        bad: { 'linear-signature': hex('l2') },
        reason: /does not match/,
      },
      {
        verify: {
          scheme: 'hmac',
          secrets: ['h1'],
          header: 'X-Sig',
          algorithm: 'sha512',
          encoding: 'base64',
          prefix: 'v1=',
          timestampHeader: 'X-Ts',
          template: '{timestamp}:{body}',
        },
        good: { 'x-sig': `v1=${createHmac('sha512', 'h1').update(`${ts}:${body}`).digest('base64')}`, 'x-ts': String(ts) },
        bad: { 'x-sig': `v1=${createHmac('sha512', 'h1').update(`${ts}:${body}`).digest('base64')}` },
        reason: /missing header X-Ts/,
      },
      {
        verify: { scheme: 'header-token', secrets: ['tok-1234567890'], prefix: 'Bearer ' },
        good: { authorization: 'Bearer tok-1234567890' },
        bad: { authorization: 'Bearer nope' },
        reason: /does not match/,
      },
      {
        verify: { scheme: 'basic', secrets: ['pw'], username: 'hooks' },
        good: { authorization: `Basic ${Buffer.from('hooks:pw').toString('base64')}` },
        bad: { authorization: `Basic ${Buffer.from('hooks:px').toString('base64')}` },
        reason: /password does not match/,
      },
    ];
    for (const c of cases) {
      const wf = await createHookWorkflow(sy.api, { verify: c.verify });
      const ok = await sendHook(sy.url, wf.trigger.token, { headers: { 'content-type': 'application/json', ...c.good }, body });
      expect(ok.status, String(c.verify.scheme)).toBe(202);
      await expectRejected(
        wf.id,
        await sendHook(sy.url, wf.trigger.token, { headers: { 'content-type': 'application/json', ...c.bad }, body }),
        c.reason,
      );
    }
  });
});
