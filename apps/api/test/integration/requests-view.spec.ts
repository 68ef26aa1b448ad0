import { describe, expect, it } from 'vitest';
import { useSwitchyard } from '../support/use-switchyard';

// Issue 19 item 4: refused and duplicate requests are found on the Runs page and counted per workflow.
describe('requests across workflows', () => {
  const sy = useSwitchyard();

  it('lists every request of every workflow with its verdict, reason and status, and counts refused ones', async () => {
    const signed = await sy.api.createWorkflow({
      name: 'Signed',
      trigger: { type: 'webhook', verify: { scheme: 'github', secrets: ['s3cret-value-0123'] } },
      steps: [],
    });
    const open = await sy.api.createWorkflow({ name: 'Open', trigger: { type: 'webhook' }, steps: [] });
    const refused = await fetch(`${sy.api.baseUrl}/hooks/${signed.trigger.token}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-hub-signature-256': 'sha256=00' },
      body: '{"order":1}',
    });
    expect(refused.status).toBe(401);
    const accepted = await sy.api.hook(open.trigger.token, { order: 2 });
    await sy.api.waitForRun(accepted.body.runId);

    const all = await sy.api.request('GET', '/api/requests');
    expect(all.status).toBe(200);
    expect(
      all.body.items.map((r: { workflowId: string; verdict: string; statusCode: number }) => [r.workflowId, r.verdict, r.statusCode]),
    ).toEqual([
      [open.id, 'accepted', 202],
      [signed.id, 'bad_signature', 401],
    ]);
    expect(all.body.items[1].reason).toEqual(expect.any(String));
    expect(all.body.items[1].runId).toBeNull();
    expect(all.body.items[0].runId).toBe(accepted.body.runId);

    const onlyRefused = await sy.api.request('GET', '/api/requests?refused=true');
    expect(onlyRefused.body.items.map((r: { id: string }) => r.id)).toEqual([all.body.items[1].id]);
    const oneWorkflow = await sy.api.request('GET', `/api/requests?workflowId=${open.id}`);
    expect(oneWorkflow.body.items).toHaveLength(1);
    expect((await sy.api.request('GET', '/api/requests?refused=yes')).body.error.details[0]).toMatchObject({
      path: 'refused',
      message: 'must be true or false',
    });

    const count = await sy.api.request('GET', `/api/workflows/${signed.id}/requests/refused`);
    expect(count.body).toEqual({ count: 1, since: expect.any(String) });
    expect(Date.now() - Date.parse(count.body.since)).toBeGreaterThan(23 * 3600 * 1000);
    expect((await sy.api.request('GET', `/api/workflows/${open.id}/requests/refused`)).body.count).toBe(0);
    // The workflow's own log is unchanged: no workflowId on its items.
    const log = await sy.api.request('GET', `/api/workflows/${signed.id}/requests`);
    expect(log.body.items[0]).not.toHaveProperty('workflowId');
  });
});
