import { describe, expect, it } from 'vitest';
import { useSwitchyard } from '../support/use-switchyard';

// Issue 19 item 1: a replay never delivers twice without the receiver being able to tell.
describe('replays: resolution and stable idempotency keys', () => {
  const sy = useSwitchyard();

  /** An order sent to the sink, then an alert to `alertUrl` (127.0.0.2 is loopback outside the allow-list: it fails). */
  const orderThenAlert = (alertUrl: string) => ({
    name: 'Order then alert',
    trigger: { type: 'webhook' },
    steps: [
      { id: 'order', type: 'http', method: 'POST', url: `${sy.sink.url}/order`, body: 'trigger.body' },
      { id: 'alert', type: 'http', method: 'POST', url: alertUrl, body: '{ "order": trigger.body.id }' },
    ],
  });
  const blocked = () => `http://127.0.0.2:${sy.sink.port}/alert`;
  /** The resolution is written just after the replay finishes: wait for it. */
  async function resolvedBy(runId: string): Promise<string | null> {
    for (let i = 0; i < 50; i++) {
      const { body } = await sy.api.request('GET', `/api/runs/${runId}`);
      if (body.resolvedBy) return body.resolvedBy;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return null;
  }
  const keysOf = (path: string) => sy.sink.requests.filter((r) => r.url === path).map((r) => r.headers['idempotency-key']);

  it('sends the same idempotency key for a step in every replay of a request, unless fresh keys are asked for', async () => {
    const workflow = await sy.api.createWorkflow(orderThenAlert(blocked()));
    const failed = await sy.api.waitForRun((await sy.api.hook(workflow.trigger.token, { id: 'ord_1' })).body.runId);
    expect(failed.status).toBe('failed');
    expect(failed.idempotencyRoot).toBe(failed.id);

    const first = await sy.api.request('POST', `/api/runs/${failed.id}/replay`, { from: 'start' });
    const second = await sy.api.request('POST', `/api/runs/${failed.id}/replay`, { from: 'start' });
    for (const replay of [first, second]) {
      const run = await sy.api.waitForRun(replay.body.runId);
      expect(run).toMatchObject({ status: 'failed', replayOf: failed.id, idempotencyRoot: failed.id });
    }
    // A replay of a replay keeps the first run's keys too.
    const third = await sy.api.waitForRun(
      (await sy.api.request('POST', `/api/runs/${first.body.runId}/replay`, { from: 'start' })).body.runId,
    );
    expect(third.idempotencyRoot).toBe(failed.id);

    const keys = keysOf('/order');
    expect(keys).toHaveLength(4);
    expect(new Set(keys)).toEqual(new Set([`${failed.id}:order`]));
    // A receiver that applies each key once applied the order once.
    const applied = new Set<string>();
    for (const key of keys) applied.add(String(key));
    expect(applied.size).toBe(1);

    const fresh = await sy.api.request('POST', `/api/runs/${failed.id}/replay`, { from: 'start', freshIdempotencyKeys: true });
    const freshRun = await sy.api.waitForRun(fresh.body.runId);
    expect(freshRun.idempotencyRoot).toBe(freshRun.id);
    expect(keysOf('/order').at(-1)).toBe(`${freshRun.id}:order`);

    const bad = await sy.api.request('POST', `/api/runs/${failed.id}/replay`, { freshIdempotencyKeys: 'yes' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0]).toMatchObject({ path: 'freshIdempotencyKeys' });

    const original = await sy.api.request('GET', `/api/runs/${failed.id}`);
    expect(original.body.replays.map((r: { id: string }) => r.id)).toEqual([first.body.runId, second.body.runId, fresh.body.runId]);
    expect(original.body.resolvedBy).toBeNull();
  });

  it('marks a failed run resolved by its successful replay, links both ways, and leaves it out of "replay all failed"', async () => {
    const workflow = await sy.api.createWorkflow(orderThenAlert(blocked()));
    const a = await sy.api.waitForRun((await sy.api.hook(workflow.trigger.token, { id: 'a' })).body.runId);
    const b = await sy.api.waitForRun((await sy.api.hook(workflow.trigger.token, { id: 'b' })).body.runId);
    expect([a.status, b.status]).toEqual(['failed', 'failed']);

    await sy.api.request('PUT', `/api/workflows/${workflow.id}`, orderThenAlert(`${sy.sink.url}/alert`));
    // A replay that fails again resolves nothing; its own successful replay resolves the whole chain.
    await sy.api.request('PUT', `/api/workflows/${workflow.id}`, orderThenAlert(blocked()));
    const retry = await sy.api.waitForRun((await sy.api.request('POST', `/api/runs/${a.id}/replay`, { from: 'failed-step' })).body.runId);
    expect(retry.status).toBe('failed');
    expect((await sy.api.request('GET', `/api/runs/${a.id}`)).body.resolvedBy).toBeNull();
    await sy.api.request('PUT', `/api/workflows/${workflow.id}`, orderThenAlert(`${sy.sink.url}/alert`));
    const fixed = await sy.api.waitForRun(
      (await sy.api.request('POST', `/api/runs/${retry.id}/replay`, { from: 'failed-step' })).body.runId,
    );
    expect(fixed.status).toBe('succeeded');
    expect(keysOf('/alert')).toEqual([`${a.id}:alert`]);

    expect(await resolvedBy(a.id)).toBe(fixed.id);
    expect((await sy.api.request('GET', `/api/runs/${a.id}`)).body.status).toBe('failed');
    expect((await sy.api.request('GET', `/api/runs/${retry.id}`)).body.resolvedBy).toBe(fixed.id);
    expect(fixed.replayOf).toBe(retry.id);
    expect(fixed.resolvedBy).toBeNull();

    const unresolved = await sy.api.request('GET', `/api/workflows/${workflow.id}/runs?status=failed&resolved=false`);
    expect(unresolved.body.items.map((r: { id: string }) => r.id)).toEqual([b.id]);
    const listed = await sy.api.request('GET', `/api/runs?workflowId=${workflow.id}&status=failed`);
    expect(listed.body.items.find((r: { id: string }) => r.id === a.id).resolvedBy).toBe(fixed.id);
    expect((await sy.api.request('GET', `/api/runs?resolved=maybe`)).body.error.details[0]).toMatchObject({
      path: 'resolved',
      message: 'must be true or false',
    });

    const bulk = await sy.api.request('POST', '/api/runs/replay', { filter: { workflowId: workflow.id }, from: 'failed-step' });
    expect(bulk.status).toBe(201);
    expect(bulk.body.count).toBe(1);
    const bReplay = await sy.api.waitForRun(bulk.body.runIds[0]);
    expect(bReplay).toMatchObject({ replayOf: b.id, status: 'succeeded', idempotencyRoot: b.id });

    // Everything is resolved now: nothing left, unless the resolved ones are asked for.
    await resolvedBy(b.id);
    const none = await sy.api.request('POST', '/api/runs/replay', { filter: { workflowId: workflow.id }, from: 'failed-step' });
    expect(none.body.count).toBe(0);
    const all = await sy.api.request('POST', '/api/runs/replay', {
      filter: { workflowId: workflow.id, includeResolved: true },
      from: 'failed-step',
    });
    expect(all.body.count).toBe(3);
    for (const id of all.body.runIds) expect((await sy.api.waitForRun(id)).status).toBe('succeeded');
    // Sent again, but under the keys the receiver has seen: it can drop every one of them.
    const alertKeys = keysOf('/alert');
    expect(new Set(alertKeys)).toEqual(new Set([`${a.id}:alert`, `${b.id}:alert`]));
  });
});
