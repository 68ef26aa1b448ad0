import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { createHookWorkflow, lastRequest, sendHook } from './trigger-helpers';
import { useSwitchyard } from '../support/use-switchyard';

describe('the trigger pipeline at the edge', () => {
  const sy = useSwitchyard({ env: { SWITCHYARD_MAX_BODY_BYTES: String(1024 * 1024) } });

  const json = (body: unknown) => ({ headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

  it('answers 403 outside the IP allow-list and records ip_denied', async () => {
    const denied = await createHookWorkflow(sy.api, { ipAllow: ['10.0.0.0/8', '2001:db8::/32'] });
    const res = await sendHook(sy.url, denied.trigger.token, json({ a: 1 }));
    expect(res.status).toBe(403);
    expect(res.json.error.code).toBe('forbidden');
    expect(await lastRequest(sy.db, denied.id)).toMatchObject({
      verdict: 'ip_denied',
      status_code: 403,
      reason: expect.stringMatching(/127\.0\.0\.1 is not in/),
    });

    const allowed = await createHookWorkflow(sy.api, { ipAllow: ['127.0.0.0/8'] });
    expect((await sendHook(sy.url, allowed.trigger.token, json({ a: 1 }))).status).toBe(202);
  });

  it('drops requests whose condition is false without a run, answering 200', async () => {
    const wf = await createHookWorkflow(sy.api, {
      condition: 'trigger.body.type = "order.paid" and $not(trigger.headers."x-env" = "test")',
    });
    const skipped = await sendHook(sy.url, wf.trigger.token, json({ type: 'order.created' }));
    expect(skipped).toMatchObject({ status: 200, json: { filtered: true } });
    expect(await lastRequest(sy.db, wf.id)).toMatchObject({ verdict: 'filtered', status_code: 200, run_id: null });
    const ran = await sendHook(sy.url, wf.trigger.token, json({ type: 'order.paid' }));
    expect(ran.status).toBe(202);
    expect((await sy.api.waitForRun(ran.json.runId)).status).toBe('succeeded');
  });

  it('reports a broken condition or dedupe key with its path and position', async () => {
    const res = await sy.api.request('POST', '/api/workflows', {
      name: 'bad',
      trigger: { type: 'webhook', condition: 'trigger.body.(', dedupe: { key: '1 +' } },
      steps: [],
    });
    expect(res.status).toBe(400);
    const paths = res.body.error.details.map((d: any) => d.path);
    expect(paths).toEqual(expect.arrayContaining(['trigger.condition', 'trigger.dedupe.key']));
    expect(res.body.error.details.find((d: any) => d.path === 'trigger.condition').position).toBeGreaterThan(0);
    const noKey = await sy.api.request('POST', '/api/workflows', { name: 'bad', trigger: { type: 'webhook', dedupe: {} }, steps: [] });
    expect(noKey.body.error.details).toEqual([
      expect.objectContaining({ path: 'trigger.dedupe.key', message: expect.stringMatching(/is required/) }),
    ]);
  });

  it('answers 429 with Retry-After over the rate limit, and records it', async () => {
    const wf = await createHookWorkflow(sy.api, { rateLimit: { perMinute: 3 } });
    const statuses: number[] = [];
    let limited: Awaited<ReturnType<typeof sendHook>> | undefined;
    for (let i = 0; i < 5; i++) {
      const res = await sendHook(sy.url, wf.trigger.token, json({ i }));
      statuses.push(res.status);
      if (res.status === 429) limited = res;
    }
    expect(statuses).toEqual([202, 202, 202, 429, 429]);
    expect(Number(limited!.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(await lastRequest(sy.db, wf.id)).toMatchObject({ verdict: 'rate_limited', status_code: 429 });
  });

  it('enforces the trigger body limit and the decompressed size of gzip bodies', async () => {
    const wf = await createHookWorkflow(sy.api, { maxBodyBytes: 1000 });
    const big = await sendHook(sy.url, wf.trigger.token, json({ pad: 'x'.repeat(2000) }));
    expect(big.status).toBe(413);
    expect(await lastRequest(sy.db, wf.id)).toMatchObject({ verdict: 'too_large', reason: expect.stringMatching(/limit of 1000 bytes/) });

    const bomb = gzipSync(Buffer.from(JSON.stringify({ pad: 'x'.repeat(100_000) })));
    expect(bomb.length).toBeLessThan(1000);
    const res = await sendHook(sy.url, wf.trigger.token, {
      headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
      body: bomb,
    });
    expect(res.status).toBe(413);
    expect((await lastRequest(sy.db, wf.id)).reason).toMatch(/decompresses to more than/);
  });

  it('decodes gzip bodies for verification and runs, storing the bytes as received', async () => {
    const wf = await createHookWorkflow(sy.api, {});
    const compressed = gzipSync(Buffer.from('{"hello":"gzip"}'));
    const res = await sendHook(sy.url, wf.trigger.token, {
      headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
      body: compressed,
    });
    expect(res.status).toBe(202);
    expect((await sy.api.waitForRun(res.json.runId)).steps[0].output).toEqual({ hello: 'gzip' });
    expect((await lastRequest(sy.db, wf.id)).body!.equals(compressed)).toBe(true);
  });

  it('parses multipart fields and file metadata, keeps XML as text and non-UTF-8 bytes exactly', async () => {
    const wf = await createHookWorkflow(sy.api, {});
    const form = new FormData();
    form.append('subject', 'Invoice');
    form.append('file', new Blob([new Uint8Array([1, 2, 3])], { type: 'application/pdf' }), 'invoice.pdf');
    const multipart = await fetch(`${sy.url}/hooks/${wf.trigger.token}`, { method: 'POST', body: form });
    expect(multipart.status).toBe(202);
    const run = await sy.api.waitForRun(((await multipart.json()) as { runId: string }).runId);
    expect(run.steps[0].output).toEqual({ subject: 'Invoice', file: { filename: 'invoice.pdf', contentType: 'application/pdf', size: 3 } });

    const xml = '<?xml version="1.0"?><order id="7"/>';
    const xmlRes = await sendHook(sy.url, wf.trigger.token, { headers: { 'content-type': 'application/xml' }, body: xml });
    expect((await sy.api.waitForRun(xmlRes.json.runId)).steps[0].output).toBe(xml);

    const latin1 = Buffer.from([0x6e, 0x61, 0xef, 0x76, 0x65, 0x20, 0xff, 0xfe, 0x00, 0x80]);
    const binRes = await sendHook(sy.url, wf.trigger.token, {
      headers: { 'content-type': 'text/plain; charset=iso-8859-1' },
      body: latin1,
    });
    expect(binRes.status).toBe(202);
    expect((await lastRequest(sy.db, wf.id)).body!.equals(latin1)).toBe(true);
  });

  it('echoes a GET challenge and records a handshake', async () => {
    const wf = await createHookWorkflow(sy.api, {});
    const res = await sendHook(sy.url, wf.trigger.token, {
      method: 'GET',
      query: '?hub.mode=subscribe&hub.challenge=1158201444&hub.verify_token=x',
    });
    expect(res).toMatchObject({ status: 200, text: '1158201444' });
    expect(await lastRequest(sy.db, wf.id)).toMatchObject({ verdict: 'handshake', run_id: null });

    const guarded = await createHookWorkflow(sy.api, { verify: { scheme: 'header-token', secrets: ['verify-me-please'] } });
    expect(
      (await sendHook(sy.url, guarded.trigger.token, { method: 'GET', query: '?hub.challenge=42&hub.verify_token=wrong' })).status,
    ).toBe(401);
    expect(
      await sendHook(sy.url, guarded.trigger.token, { method: 'GET', query: '?hub.challenge=42&hub.verify_token=verify-me-please' }),
    ).toMatchObject({ status: 200, text: '42' });
  });

  it('checks the signature before saying a workflow is paused', async () => {
    const wf = await createHookWorkflow(sy.api, { verify: { scheme: 'header-token', secrets: ['paused-token-123'] } });
    await sy.api.request('PATCH', `/api/workflows/${wf.id}`, { active: false });
    expect((await sendHook(sy.url, wf.trigger.token, json({}))).status).toBe(401);
    expect(
      (
        await sendHook(sy.url, wf.trigger.token, {
          ...json({}),
          headers: { 'content-type': 'application/json', authorization: 'paused-token-123' },
        })
      ).status,
    ).toBe(409);
  });
});
