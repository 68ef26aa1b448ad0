import { describe, expect, it } from 'vitest';
import { waitFor } from '../support/client';
import { useSwitchyard } from '../support/use-switchyard';

describe('delays and payload search', () => {
  const sy = useSwitchyard();

  it('keeps a delayed run waiting across a restart and resumes it when due', async () => {
    const workflow = await sy.api.createWorkflow({
      name: 'Later',
      trigger: { type: 'webhook' },
      steps: [
        { id: 'before', type: 'map', expression: '"first"' },
        { id: 'pause', type: 'delay', amount: 2, unit: 'seconds' },
        { id: 'after', type: 'map', expression: 'steps.before & " then second"' },
      ],
    });
    const { body } = await sy.api.hook(workflow.trigger.token, {});
    const waiting = await waitFor('the run to wait', async () => {
      const res = await sy.api.request('GET', `/api/runs/${body.runId}`);
      return res.body.status === 'waiting' ? res.body : undefined;
    });
    expect(waiting.resumeAt).toEqual(expect.any(String));
    expect(waiting.steps.map((s: any) => s.status)).toEqual(['succeeded', 'succeeded', 'pending']);

    await sy.restart();

    const done = await sy.api.waitForRun(body.runId, 20_000);
    expect(done.status).toBe('succeeded');
    expect(done.steps.map((s: any) => [s.id, s.status, s.attempts])).toEqual([
      ['before', 'succeeded', 1],
      ['pause', 'succeeded', 1],
      ['after', 'succeeded', 1],
    ]);
    expect(done.steps[2].output).toBe('first then second');
    expect(Date.parse(done.finishedAt)).toBeGreaterThanOrEqual(Date.parse(waiting.resumeAt));
  });

  it('finds runs by a payload field through the index, and explains a malformed search', async () => {
    const workflow = await sy.api.createWorkflow({
      name: 'Orders',
      trigger: { type: 'webhook' },
      steps: [{ id: 'm', type: 'map', expression: '1' }],
    });
    const ids: Record<string, string> = {};
    for (const email of ['ada@example.com', 'bob@example.com', 'ada@example.com']) {
      const { body } = await sy.api.hook(workflow.trigger.token, { customer: { email }, total: 10 });
      ids[body.runId] = email;
      await sy.api.waitForRun(body.runId);
    }
    const q = encodeURIComponent('body.customer.email = "ada@example.com"');
    const found = await sy.api.request('GET', `/api/workflows/${workflow.id}/runs?q=${q}`);
    expect(found.body.items.map((r: any) => ids[r.id])).toEqual(['ada@example.com', 'ada@example.com']);
    const across = await sy.api.request('GET', `/api/runs?q=${encodeURIComponent('body.total = 10')}`);
    expect(across.body.items.length).toBe(3);
    expect(across.body.items[0].triggerSummary).toMatchObject({
      method: 'POST',
      contentType: 'application/json',
      preview: expect.stringContaining('ada@example.com'),
    });
    const bulk = await sy.api.request('POST', '/api/runs/replay', {
      filter: { workflowId: workflow.id, status: 'succeeded', q: 'body.customer.email = "bob@example.com"' },
    });
    expect(bulk.status).toBe(201);
    expect(bulk.body.count).toBe(1);
    expect((await sy.api.waitForRun(bulk.body.runIds[0])).trigger.body.customer.email).toBe('bob@example.com');
    // A handful of rows would be scanned anyway; with scans priced out, the plan must use the GIN index.
    await sy.db.query('SET enable_seqscan = off');
    const plan = await sy.db.query<{ 'QUERY PLAN': string }>(
      `EXPLAIN SELECT id FROM inbound_requests WHERE body_json @> '{"customer":{"email":"ada@example.com"}}'::jsonb`,
    );
    expect(plan.map((p) => p['QUERY PLAN']).join('\n')).toMatch(/Bitmap Index Scan on idx_inbound_requests_body_json/);
    const bad = await sy.api.request('GET', `/api/runs?q=${encodeURIComponent('email = ada')}`);
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0].path).toBe('q');
  });
});
