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

  it('pages a field search the same way whether it matches a few requests or more than are read up front', async () => {
    const workflow = await sy.api.createWorkflow({
      name: 'Many orders',
      trigger: { type: 'webhook' },
      steps: [{ id: 'm', type: 'map', expression: '1' }],
      active: false,
    });
    // 1,005 requests of one kind (more than FIELD_SEARCH_REQUESTS_MAX: the joined query), every 100th
    // also tagged "rare" (a few: read from the index first); one rare request has a second run (a replay).
    await sy.db.query(
      `WITH req AS (
         INSERT INTO inbound_requests (id, workspace_id, workflow_id, method, query, headers, content_type, body, size, received_at, verdict, status_code, body_json)
         SELECT gen_random_uuid(), w.workspace_id, w.id, 'POST', '{}', '{}', 'application/json', convert_to(b::text, 'UTF8'), 40, now(), 'accepted', 202, b
           FROM generate_series(1, 1005) AS g, workflows w,
                LATERAL (SELECT CASE WHEN g % 100 = 0 THEN jsonb_build_object('kind', 'bulk', 'n', g, 'tag', 'rare')
                                     ELSE jsonb_build_object('kind', 'bulk', 'n', g) END AS b) AS body
          WHERE w.id = $1
         RETURNING id, workspace_id, workflow_id, body_json
       )
       INSERT INTO runs (id, workspace_id, workflow_id, version_id, request_id, status, created_at, started_at, finished_at, claims)
       SELECT gen_random_uuid(), req.workspace_id, req.workflow_id, w.current_version_id, req.id, 'succeeded', now(), now(), now(), 1
         FROM req JOIN workflows w ON w.id = req.workflow_id, generate_series(1, CASE WHEN req.body_json->>'n' = '500' THEN 2 ELSE 1 END)`,
      [workflow.id],
    );
    const expected = async (containment: object) =>
      (
        await sy.db.query<{ id: string }>(
          `SELECT r.id FROM runs r JOIN inbound_requests q ON q.id = r.request_id
            WHERE r.workflow_id = $1 AND q.body_json @> $2::jsonb ORDER BY r.id DESC`,
          [workflow.id, JSON.stringify(containment)],
        )
      ).map((r) => r.id);
    const pages = async (q: string, pageCount: number, limit: number) => {
      const ids: string[] = [];
      let cursor: string | null = null;
      for (let i = 0; i < pageCount; i++) {
        const res = await sy.api.request(
          'GET',
          `/api/workflows/${workflow.id}/runs?q=${encodeURIComponent(q)}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`,
        );
        expect(res.status).toBe(200);
        ids.push(...res.body.items.map((r: any) => r.id));
        cursor = res.body.nextCursor;
        if (!cursor) break;
      }
      return { ids, cursor };
    };

    const rare = await expected({ tag: 'rare' });
    expect(rare.length).toBe(11);
    expect(await pages('body.tag = "rare"', 5, 4)).toEqual({ ids: rare, cursor: null });

    const bulk = await expected({ kind: 'bulk' });
    expect(bulk.length).toBe(1006);
    const firstPages = await pages('body.kind = "bulk"', 3, 50);
    expect(firstPages.ids).toEqual(bulk.slice(0, 150));
    expect(firstPages.cursor).toBe(bulk[149]);

    const none = await sy.api.request('GET', `/api/workflows/${workflow.id}/runs?q=${encodeURIComponent('body.tag = "none"')}`);
    expect(none.body).toEqual({ items: [], nextCursor: null });
  });
});
