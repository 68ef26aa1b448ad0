import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TriggerScheduler } from '../../src/triggers/schedule/trigger-scheduler';
import { useSwitchyard } from '../support/use-switchyard';

/** A loopback API without webhooks: GET /orders lists what `orders` holds now, or fails when told to. */
function startOrdersApi() {
  const state = {
    orders: [] as Array<{ id: number; total: number }>,
    status: 200,
    body: null as string | null,
    calls: [] as Array<Record<string, unknown>>,
  };
  const server: Server = createServer((req, res) => {
    state.calls.push({ url: req.url, authorization: req.headers.authorization, shop: req.headers['x-shop'] });
    res.writeHead(state.status, { 'content-type': 'application/json' });
    res.end(state.body ?? JSON.stringify({ data: { orders: state.orders } }));
  });
  return { state, server };
}

const at = (iso: string) => Date.parse(iso);

describe('polling trigger', () => {
  const sy = useSwitchyard({ env: { SWITCHYARD_SCHEDULER_INTERVAL_MS: '0' } });
  const api = startOrdersApi();
  let url = '';
  beforeAll(async () => {
    await new Promise<void>((resolve) => api.server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(api.server.address() as AddressInfo).port}/orders`;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => api.server.close(() => resolve()));
  });
  const tick = (iso: string) => sy.instance.app.get(TriggerScheduler).tick(at(iso));

  async function requests(workflowId: string): Promise<any[]> {
    const { body } = await sy.api.request('GET', `/api/workflows/${workflowId}/requests?limit=100`);
    return [...body.items].reverse();
  }

  it('seeds on the first poll, starts one run per new key, and takes neither an empty nor a failed answer for news', async () => {
    const credential = await sy.api.request('POST', '/api/credentials', {
      name: 'Shop token',
      type: 'bearer',
      data: { token: 'shop-secret-1' },
    });
    expect(credential.status).toBe(201);
    api.state.orders = [
      { id: 1, total: 10 },
      { id: 2, total: 20 },
    ];
    const wf = await sy.api.createWorkflow({
      name: 'New orders',
      trigger: {
        type: 'poll',
        endpoint: url,
        intervalMinutes: 5,
        headers: { 'X-Shop': 'demo' },
        credentialId: credential.body.id,
        items: 'body.data.orders',
        key: 'id',
      },
      steps: [{ id: 'order', type: 'map', expression: '{ "id": trigger.body.id, "total": trigger.body.total }' }],
    });
    expect(wf.trigger).toMatchObject({ type: 'poll', url: null, endpoint: url, method: 'GET', intervalMinutes: 5 });

    // First poll: the two existing orders are only recorded.
    expect(await tick('2026-07-01T10:00:00Z')).toEqual([]);
    expect(api.state.calls).toHaveLength(1);
    expect(api.state.calls[0]).toMatchObject({ authorization: 'Bearer shop-secret-1', shop: 'demo' });
    expect(await requests(wf.id)).toHaveLength(0);

    // Not due yet.
    await tick('2026-07-01T10:04:00Z');
    expect(api.state.calls).toHaveLength(1);

    // Order 3 arrives: one run, with the order as trigger.body.
    api.state.orders = [...api.state.orders, { id: 3, total: 30 }];
    const started = await tick('2026-07-01T10:05:00Z');
    expect(started).toHaveLength(1);
    const run = await sy.api.waitForRun(started[0]);
    expect(run).toMatchObject({ status: 'succeeded', trigger: { body: { id: 3, total: 30 } } });
    expect(run.steps[0].output).toEqual({ id: 3, total: 30 });

    // The service answers an empty list for a while: nothing is forgotten, nothing fires.
    api.state.orders = [];
    expect(await tick('2026-07-01T10:10:00Z')).toEqual([]);
    // It fails: recorded with its reason, nothing fires, and it is tried again at the next interval.
    api.state.status = 503;
    expect(await tick('2026-07-01T10:15:00Z')).toEqual([]);
    api.state.status = 200;
    api.state.orders = [
      { id: 1, total: 10 },
      { id: 2, total: 20 },
      { id: 3, total: 30 },
      { id: 4, total: 40 },
      { id: 5, total: 50 },
    ];
    const later = await tick('2026-07-01T10:20:00Z');
    expect(later).toHaveLength(2);
    const log = await requests(wf.id);
    expect(log.map((r) => [r.verdict, r.trigger.body.id ?? null])).toEqual([
      ['polled', 3],
      ['poll_failed', null],
      ['polled', 4],
      ['polled', 5],
    ]);
    expect(log[1].reason).toBe(`Poll of ${url} failed: The URL answered 503`);
    expect(log[0].reason).toBe(`New item 3 at ${url}`);
    expect(log[0].runId).toBe(started[0]);
    expect(api.state.calls).toHaveLength(5);

    const upcoming = await sy.api.request('GET', '/api/triggers/upcoming');
    expect(upcoming.body.items.find((i: any) => i.workflowId === wf.id)).toMatchObject({
      type: 'poll',
      intervalMinutes: 5,
      nextAt: '2026-07-01T10:25:00.000Z',
      lastError: null,
    });
  });

  it('records a bad answer (no usable key) as a failed poll, and refuses URLs the egress guard blocks', async () => {
    api.state.body = JSON.stringify({ data: { orders: [{ total: 1 }] } });
    const wf = await sy.api.createWorkflow({
      name: 'Keyless',
      trigger: { type: 'poll', endpoint: url, intervalMinutes: 1, items: 'body.data.orders', key: 'id' },
      steps: [],
    });
    await tick('2026-08-01T10:00:00Z');
    api.state.body = null;
    const [failed] = await requests(wf.id);
    expect(failed).toMatchObject({ verdict: 'poll_failed', reason: expect.stringContaining('gave no usable key for item 0') });

    // 127.0.0.2 is loopback but not on the allow-list: the guard refuses it before connecting.
    const blocked = await sy.api.createWorkflow({
      name: 'Blocked',
      trigger: { type: 'poll', endpoint: 'http://127.0.0.2:9/orders', intervalMinutes: 1, key: 'id' },
      steps: [],
    });
    await tick('2026-08-01T10:01:00Z');
    const [refused] = await requests(blocked.id);
    expect(refused.verdict).toBe('poll_failed');
    expect(refused.reason).toMatch(/Poll of http:\/\/127\.0\.0\.2:9\/orders failed: .+/);
    const upcoming = await sy.api.request('GET', '/api/triggers/upcoming');
    expect(upcoming.body.items.find((i: any) => i.workflowId === blocked.id).lastError).toBeTruthy();
  });

  it('refuses bad settings with the field and the reason', async () => {
    const bad = await sy.api.request('POST', '/api/workflows', {
      name: 'Bad',
      trigger: { type: 'poll', endpoint: 'ftp://example.com', intervalMinutes: 0, key: 'id +' },
      steps: [],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.map((d: any) => d.path).sort()).toEqual(['trigger.endpoint', 'trigger.intervalMinutes']);
  });
});
