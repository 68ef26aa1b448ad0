import { describe, expect, it } from 'vitest';
import { mapFilterHttp } from '../support/workflows';
import { useSwitchyard } from '../support/use-switchyard';

describe.each([
  { mode: 'in-process dispatcher', redis: false },
  { mode: 'BullMQ on Redis', redis: true },
])('a webhook becomes a recorded run ($mode)', ({ redis }) => {
  const sy = useSwitchyard({ redis });

  it('runs map -> filter -> http and records every step', async () => {
    const workflow = await sy.api.createWorkflow(mapFilterHttp(sy.sink.url));
    expect(workflow.trigger.url).toMatch(/\/hooks\/[A-Za-z0-9_-]{32}$/);
    const accepted = await sy.api.hook(workflow.trigger.token, { id: 'A-1', amount: 21 });
    expect(accepted.status).toBe(202);
    const run = await sy.api.waitForRun(accepted.body.runId);

    expect(run.status).toBe('succeeded');
    expect(run.workflowId).toBe(workflow.id);
    expect(run.trigger).toMatchObject({ method: 'POST', body: { id: 'A-1', amount: 21 }, contentType: 'application/json' });
    expect(run.steps.map((s: any) => [s.id, s.type, s.status, s.attempts])).toEqual([
      ['shape', 'map', 'succeeded', 1],
      ['big', 'filter', 'succeeded', 1],
      ['send', 'http', 'succeeded', 1],
    ]);
    for (const step of run.steps) {
      expect(step.durationMs).toBeGreaterThanOrEqual(0);
      expect(Date.parse(step.finishedAt)).toBeGreaterThanOrEqual(Date.parse(step.startedAt));
    }
    expect(run.steps[0].output).toEqual({ order: 'A-1', total: 42, at: run.startedAt });
    expect(run.steps[2].output).toMatchObject({ status: 200, body: { ok: true } });

    const received = sy.sink.requests.find((r) => r.url === '/orders/A-1');
    expect(received).toBeDefined();
    expect(JSON.parse(received!.body)).toEqual({ order: 'A-1', total: 42, at: run.startedAt });
    expect(received!.headers['x-order']).toBe('A-1');
    expect(received!.headers['idempotency-key']).toBe(`${run.id}:send`);
    expect(received!.headers['content-type']).toBe('application/json');
  });

  it('ends a run as filtered when the filter is false, and skips the later steps', async () => {
    const workflow = await sy.api.createWorkflow(mapFilterHttp(sy.sink.url));
    const before = sy.sink.requests.length;
    const { body } = await sy.api.hook(workflow.trigger.token, { id: 'small', amount: 1 });
    const run = await sy.api.waitForRun(body.runId);
    expect(run.status).toBe('filtered');
    expect(run.steps.map((s: any) => s.status)).toEqual(['succeeded', 'succeeded', 'skipped']);
    expect(run.steps[1].output).toEqual({ passed: false });
    expect(sy.sink.requests.length).toBe(before);
  });

  it('fails the http step on a non-2xx answer with the status and an excerpt of the body', async () => {
    const workflow = await sy.api.createWorkflow(mapFilterHttp(sy.sink.url));
    sy.sink.respondWith(500, { message: 'database on fire' });
    try {
      const { body } = await sy.api.hook(workflow.trigger.token, { id: 'B-2', amount: 50 });
      const run = await sy.api.waitForRun(body.runId);
      expect(run.status).toBe('failed');
      expect(run.error).toMatchObject({ stepId: 'send', code: 'HTTP_STATUS', retryable: true });
      expect(run.steps[2]).toMatchObject({ status: 'failed', error: { code: 'HTTP_STATUS', details: { status: 500 } } });
      expect(run.steps[2].error.details.bodyExcerpt).toContain('database on fire');
    } finally {
      sy.sink.respondWith(200);
    }
  });

  it('refuses an outbound call to an address outside the allow-list', async () => {
    // 127.0.0.2 is loopback (safe to name in a test) but not in SWITCHYARD_EGRESS_ALLOW=127.0.0.1/32.
    const workflow = await sy.api.createWorkflow({
      name: 'Blocked',
      trigger: { type: 'webhook' },
      steps: [{ id: 'send', type: 'http', method: 'GET', url: `http://127.0.0.2:${sy.sink.port}/nope` }],
    });
    const { body } = await sy.api.hook(workflow.trigger.token, {});
    const run = await sy.api.waitForRun(body.runId);
    expect(run.status).toBe('failed');
    expect(run.steps[0].error).toMatchObject({ code: 'EGRESS_BLOCKED', retryable: false });
    expect(sy.sink.requests.some((r) => r.url === '/nope')).toBe(false);
  });

  it('lists runs newest first with cursor paging and a status filter', async () => {
    const workflow = await sy.api.createWorkflow(mapFilterHttp(sy.sink.url));
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await sy.api.hook(workflow.trigger.token, { id: `P-${i}`, amount: i < 3 ? 100 : 1 })).body.runId);
    for (const id of ids) await sy.api.waitForRun(id);

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: any = await sy.api.request('GET', `/api/workflows/${workflow.id}/runs?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.status).toBe(200);
      expect(page.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.body.items.map((r: any) => r.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual([...ids].reverse());

    const filtered = await sy.api.request('GET', `/api/workflows/${workflow.id}/runs?status=filtered`);
    expect(filtered.body.items.map((r: any) => r.id)).toEqual([ids[4], ids[3]]);

    const bad = await sy.api.request('GET', `/api/workflows/${workflow.id}/runs?limit=1000&status=done`);
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.map((d: any) => d.path).sort()).toEqual(['limit', 'status']);
  });

  it('replays a run as a new run of the same request', async () => {
    const workflow = await sy.api.createWorkflow(mapFilterHttp(sy.sink.url));
    const { body } = await sy.api.hook(workflow.trigger.token, { id: 'R-1', amount: 30 });
    const first = await sy.api.waitForRun(body.runId);
    const replay = await sy.api.request('POST', `/api/runs/${first.id}/replay`);
    expect(replay.status).toBe(201);
    expect(replay.body.runId).not.toBe(first.id);
    const second = await sy.api.waitForRun(replay.body.runId);
    expect(second).toMatchObject({ status: 'succeeded', replayOf: first.id, trigger: { requestId: first.trigger.requestId } });
    expect(sy.sink.requests.filter((r) => r.url === '/orders/R-1')).toHaveLength(2);
    expect((await sy.api.request('POST', '/api/runs/00000000-0000-7000-8000-00000000dead/replay')).status).toBe(404);
  });

  it('records requests that do not start a run, with the verdict and the answer', async () => {
    const workflow = await sy.api.createWorkflow(mapFilterHttp(sy.sink.url));
    const token = workflow.trigger.token;

    const invalid = await sy.api.hook(token, '{"id": ', { contentType: 'application/json' });
    expect(invalid.status).toBe(400);
    expect(invalid.body.error).toMatchObject({ code: 'invalid_body', details: [{ path: 'body' }] });
    expect(invalid.body.error.message).toMatch(/not valid JSON/);

    const method = await sy.api.hook(token, '', { method: 'DELETE' });
    expect(method.status).toBe(405);

    const big = await sy.api.hook(token, JSON.stringify({ blob: 'x'.repeat(11 * 1024 * 1024) }));
    expect(big.status).toBe(413);

    expect((await sy.api.request('PATCH', `/api/workflows/${workflow.id}`, { active: false })).body.active).toBe(false);
    const paused = await sy.api.hook(token, { id: 'P', amount: 99 });
    expect(paused.status).toBe(409);
    expect(paused.body.error.code).toBe('workflow_paused');
    await sy.api.request('PATCH', `/api/workflows/${workflow.id}`, { active: true });

    const unknown = await sy.api.hook('not-a-real-token-at-all', {});
    expect(unknown.status).toBe(404);

    const rows = await sy.db.query<{ verdict: string; status_code: number; size: number; body: Buffer | null }>(
      'SELECT verdict, status_code, size, body FROM inbound_requests WHERE workflow_id = $1 ORDER BY id',
      [workflow.id],
    );
    expect(rows.map((r) => [r.verdict, r.status_code])).toEqual([
      ['invalid_body', 400],
      ['method_not_allowed', 405],
      ['too_large', 413],
      ['paused', 409],
    ]);
    expect(rows[0].body?.toString()).toBe('{"id": ');
    expect(rows[2].size).toBeGreaterThan(11 * 1024 * 1024);
    expect(await sy.db.query('SELECT id FROM runs WHERE workflow_id = $1', [workflow.id])).toEqual([]);
  });

  it('keeps form and binary bodies byte for byte', async () => {
    const workflow = await sy.api.createWorkflow({
      name: 'Echo',
      trigger: { type: 'webhook' },
      steps: [{ id: 'echo', type: 'map', expression: 'trigger.body' }],
    });
    const form = await sy.api.hook(workflow.trigger.token, 'name=Ada&tag=a&tag=b', { contentType: 'application/x-www-form-urlencoded' });
    expect((await sy.api.waitForRun(form.body.runId)).steps[0].output).toEqual({ name: 'Ada', tag: ['a', 'b'] });

    const bytes = Buffer.from([0xff, 0xfe, 0x00, 0x80]);
    const res = await fetch(`${sy.api.baseUrl}/hooks/${workflow.trigger.token}`, {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream' },
      body: bytes,
    });
    const run = await sy.api.waitForRun(((await res.json()) as any).runId);
    expect(run.trigger).toMatchObject({ body: bytes.toString('base64'), bodyEncoding: 'base64', size: 4 });
  });

  it('rejects invalid definitions with the path of every problem and the expression position', async () => {
    const res = await sy.api.request('POST', '/api/workflows', {
      name: '',
      trigger: { type: 'webhook' },
      steps: [
        { id: 'a', type: 'map', expression: '{ "x": trigger.body.( }' },
        { id: 'b', type: 'filter', condition: 'trigger.body.n > ' },
        { id: 'c', type: 'http', url: 'ftp://example.com' },
        { id: 'a', type: 'map', expression: '1' },
      ],
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_failed');
    const byPath = Object.fromEntries(res.body.error.details.map((d: any) => [d.path, d]));
    expect(Object.keys(byPath).sort()).toEqual(['name', 'steps[0].expression', 'steps[1].condition', 'steps[2].url', 'steps[3].id']);
    expect(byPath['steps[1].condition']).toMatchObject({ code: expect.stringMatching(/^S0/), position: expect.any(Number) });

    const wrongType = await sy.api.request('POST', '/api/workflows', { name: 'x', trigger: { type: 'webhook' }, steps: [{ type: 'fax' }] });
    expect(wrongType.body.error.details[0].path).toBe('steps[0].type');

    const notJson = await sy.api.request('POST', '/api/workflows', '{"name":', { 'content-type': 'application/json' });
    expect(notJson.status).toBe(400);
    expect(notJson.body.error.code).toBe('invalid_json');
  });

  it('updates, versions, pauses and deletes workflows', async () => {
    const created = await sy.api.createWorkflow(mapFilterHttp(sy.sink.url));
    const { body: first } = await sy.api.hook(created.trigger.token, { id: 'V1', amount: 100 });
    await sy.api.waitForRun(first.runId);

    const updated = await sy.api.request('PUT', `/api/workflows/${created.id}`, {
      name: 'Renamed',
      trigger: { type: 'webhook', methods: ['POST'] },
      steps: [{ id: 'only', type: 'map', expression: '"v2"' }],
    });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ name: 'Renamed', version: 2, trigger: { token: created.trigger.token, methods: ['POST'] } });

    const { body: second } = await sy.api.hook(created.trigger.token, {});
    const run2 = await sy.api.waitForRun(second.runId);
    expect(run2.steps.map((s: any) => s.output)).toEqual(['v2']);
    const run1 = await sy.api.request('GET', `/api/runs/${first.runId}`);
    expect(run1.body.steps.map((s: any) => s.id)).toEqual(['shape', 'big', 'send']);
    expect((await sy.api.hook(created.trigger.token, '', { method: 'GET' })).status).toBe(405);

    const list = await sy.api.request('GET', '/api/workflows');
    expect(list.body.items.some((w: any) => w.id === created.id && w.name === 'Renamed')).toBe(true);

    expect((await sy.api.request('DELETE', `/api/workflows/${created.id}`)).status).toBe(204);
    expect((await sy.api.request('GET', `/api/workflows/${created.id}`)).status).toBe(404);
    expect((await sy.api.hook(created.trigger.token, {})).status).toBe(404);
    expect((await sy.api.request('GET', `/api/runs/${first.runId}`)).status).toBe(404);
  });
});
