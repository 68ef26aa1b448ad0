import { describe, expect, it } from 'vitest';
import { v7 } from 'uuid';
import pino from 'pino';
import type { Pool } from 'pg';
import { PG_POOL } from '../../src/database/database.module';
import { RetentionPruner } from '../../src/runtime/retention-pruner';
import { useSwitchyard } from '../support/use-switchyard';

describe('run history and replay', () => {
  const sy = useSwitchyard();

  const twoCalls = (secondUrl: string) => ({
    name: 'Charge then notify',
    trigger: { type: 'webhook' },
    steps: [
      { id: 'charge', type: 'http', method: 'POST', url: `${sy.sink.url}/charge`, body: 'trigger.body' },
      { id: 'notify', type: 'http', method: 'POST', url: secondUrl, body: '{ "charged": steps.charge.body.ok }' },
    ],
  });

  it('replays a failed run from its failed step on the fixed workflow, without repeating completed steps', async () => {
    // 127.0.0.2 is loopback but outside the egress allow-list: the second step fails.
    const workflow = await sy.api.createWorkflow(twoCalls(`http://127.0.0.2:${sy.sink.port}/notify`));
    const { body } = await sy.api.hook(workflow.trigger.token, { amount: 5 });
    const failed = await sy.api.waitForRun(body.runId);
    expect(failed.status).toBe('failed');
    expect(failed.error.stepId).toBe('notify');
    expect(sy.sink.requests.filter((r) => r.url === '/charge')).toHaveLength(1);

    const notFailed = await sy.api.request('POST', `/api/runs/${failed.id}/replay`, { from: 'failed-step', version: 'bogus' });
    expect(notFailed.status).toBe(400);
    expect(notFailed.body.error.details[0].path).toBe('version');

    await sy.api.request('PUT', `/api/workflows/${workflow.id}`, twoCalls(`${sy.sink.url}/notify`));
    const replay = await sy.api.request('POST', `/api/runs/${failed.id}/replay`, { from: 'failed-step' });
    expect(replay.status).toBe(201);
    const fixed = await sy.api.waitForRun(replay.body.runId);
    expect(fixed.status).toBe('succeeded');
    expect(fixed.version).toBe(2);
    expect(fixed.steps.map((s: any) => [s.id, s.status, s.attempts])).toEqual([
      ['charge', 'succeeded', 0],
      ['notify', 'succeeded', 1],
    ]);
    expect(sy.sink.requests.filter((r) => r.url === '/charge')).toHaveLength(1);
    expect(sy.sink.requests.filter((r) => r.url === '/notify').map((r) => JSON.parse(r.body))).toEqual([{ charged: true }]);

    const again = await sy.api.request('POST', `/api/runs/${fixed.id}/replay`, { from: 'failed-step' });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('not_failed');

    const original = await sy.api.request('POST', `/api/runs/${failed.id}/replay`, { version: 'original' });
    const onOriginal = await sy.api.waitForRun(original.body.runId);
    expect(onOriginal).toMatchObject({ status: 'failed', version: 1 });
  });

  it('bulk-replays the failed runs matching a filter', async () => {
    const workflow = await sy.api.createWorkflow(twoCalls(`http://127.0.0.2:${sy.sink.port}/notify`));
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push((await sy.api.hook(workflow.trigger.token, { i })).body.runId);
    for (const id of ids) expect((await sy.api.waitForRun(id)).status).toBe('failed');
    await sy.api.request('PUT', `/api/workflows/${workflow.id}`, twoCalls(`${sy.sink.url}/notify`));

    const res = await sy.api.request('POST', '/api/runs/replay', {
      filter: { workflowId: workflow.id, status: 'failed' },
      from: 'failed-step',
    });
    expect(res.status).toBe(201);
    expect(res.body.count).toBe(3);
    for (const id of res.body.runIds) expect((await sy.api.waitForRun(id)).status).toBe('succeeded');

    const bad = await sy.api.request('POST', '/api/runs/replay', { from: 'start' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0]).toMatchObject({ path: 'runIds', message: 'give either runIds or filter' });
  });

  it('lists runs across workflows with status and time filters', async () => {
    const a = await sy.api.createWorkflow({ name: 'A', trigger: { type: 'webhook' }, steps: [{ id: 'm', type: 'map', expression: '1' }] });
    const b = await sy.api.createWorkflow({
      name: 'B',
      trigger: { type: 'webhook' },
      steps: [{ id: 'f', type: 'filter', condition: 'false' }],
    });
    const since = new Date().toISOString();
    const ra = (await sy.api.hook(a.trigger.token, {})).body.runId;
    const rb = (await sy.api.hook(b.trigger.token, {})).body.runId;
    await sy.api.waitForRun(ra);
    await sy.api.waitForRun(rb);
    const all = await sy.api.request('GET', `/api/runs?since=${encodeURIComponent(since)}`);
    expect(all.body.items.map((r: any) => r.id)).toEqual([rb, ra]);
    const filtered = await sy.api.request('GET', `/api/runs?since=${encodeURIComponent(since)}&status=filtered`);
    expect(filtered.body.items.map((r: any) => r.id)).toEqual([rb]);
    const onlyA = await sy.api.request('GET', `/api/runs?workflowId=${a.id}`);
    expect(onlyA.body.items.map((r: any) => r.id)).toEqual([ra]);
    const past = await sy.api.request('GET', `/api/runs?until=${encodeURIComponent(since)}&workflowId=${a.id}`);
    expect(past.body.items).toEqual([]);
    expect((await sy.api.request('GET', '/api/runs?since=yesterday')).body.error.details[0].path).toBe('since');
  });

  it('serves a request body byte for byte, as an attachment', async () => {
    const workflow = await sy.api.createWorkflow({ name: 'Raw', trigger: { type: 'webhook' }, steps: [] });
    const bytes = Buffer.from([0xde, 0xad, 0xbe, 0xef, 0x00, 0xff]);
    const res = await fetch(`${sy.api.baseUrl}/hooks/${workflow.trigger.token}`, {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream' },
      body: bytes,
    });
    const run = await sy.api.waitForRun(((await res.json()) as any).runId);
    const raw = await fetch(`${sy.api.baseUrl}${run.trigger.bodyUrl}`, { headers: sy.api.authHeaders() });
    expect(raw.headers.get('content-disposition')).toBe('attachment');
    expect(Buffer.from(await raw.arrayBuffer())).toEqual(bytes);
  });

  it('runs a stored request that never became a run, once its cause is fixed', async () => {
    const workflow = await sy.api.createWorkflow({
      name: 'Paused',
      trigger: { type: 'webhook' },
      steps: [{ id: 'm', type: 'map', expression: 'trigger.body.n + 1' }],
    });
    await sy.api.request('PATCH', `/api/workflows/${workflow.id}`, { active: false });
    expect((await sy.api.hook(workflow.trigger.token, { n: 41 })).status).toBe(409);
    const log = await sy.api.request('GET', `/api/workflows/${workflow.id}/requests`);
    const refused = log.body.items[0];
    expect(refused).toMatchObject({ verdict: 'paused', runId: null });
    const res = await sy.api.request('POST', `/api/requests/${refused.id}/replay`);
    expect(res.status).toBe(201);
    const run = await sy.api.waitForRun(res.body.runId);
    expect(run.steps[0].output).toBe(42);
    expect((await sy.api.request('POST', '/api/requests/00000000-0000-7000-8000-00000000dead/replay')).status).toBe(404);
  });

  it('prunes requests and runs older than the retention period, and keeps the rest', async () => {
    const workflow = await sy.api.createWorkflow({
      name: 'Old',
      trigger: { type: 'webhook' },
      steps: [{ id: 'm', type: 'map', expression: '1' }],
    });
    const { body } = await sy.api.hook(workflow.trigger.token, {});
    const recent = await sy.api.waitForRun(body.runId);
    const oldRequest = v7({ msecs: Date.now() - 40 * 24 * 3600 * 1000 });
    const oldRun = v7({ msecs: Date.now() - 40 * 24 * 3600 * 1000 });
    await sy.db.query(
      `INSERT INTO inbound_requests (id, workspace_id, workflow_id, method, query, headers, content_type, body, size, received_at, verdict, status_code)
       SELECT $1, workspace_id, workflow_id, 'POST', '{}', '{}', NULL, NULL, 0, now() - interval '40 days', 'accepted', 202 FROM runs WHERE id = $2`,
      [oldRequest, recent.id],
    );
    await sy.db.query(
      `INSERT INTO runs (id, workspace_id, workflow_id, version_id, request_id, status) SELECT $1, workspace_id, workflow_id, version_id, $2, 'succeeded' FROM runs WHERE id = $3`,
      [oldRun, oldRequest, recent.id],
    );
    // A workflow that keeps only 1 day loses a 2-day-old request; the default (30 days) keeps its own.
    const short = await sy.api.createWorkflow({ name: 'Short memory', trigger: { type: 'webhook' }, steps: [], retentionDays: 1 });
    expect(short.retentionDays).toBe(1);
    expect(workflow.retentionDays).toBe(30);
    const twoDaysOld = async (workflowId: string) => {
      const id = v7({ msecs: Date.now() - 2 * 24 * 3600 * 1000 });
      await sy.db.query(
        `INSERT INTO inbound_requests (id, workspace_id, workflow_id, method, query, headers, size, received_at, verdict, status_code)
         SELECT $1, workspace_id, id, 'POST', '{}', '{}', 0, now() - interval '2 days', 'paused', 409 FROM workflows WHERE id = $2`,
        [id, workflowId],
      );
      return id;
    };
    const shortOld = await twoDaysOld(short.id);
    const defaultOld = await twoDaysOld(workflow.id);
    expect((await sy.api.request('PATCH', `/api/workflows/${short.id}`, { retentionDays: 0 })).body.error.details[0].path).toBe(
      'retentionDays',
    );

    const pruner = new RetentionPruner(sy.instance.app.get<Pool>(PG_POOL), 30, pino({ level: 'silent' }));
    expect(await pruner.prune()).toBe(2);
    expect(await sy.db.query('SELECT id FROM runs WHERE id = $1', [oldRun])).toEqual([]);
    expect(await sy.db.query('SELECT id FROM inbound_requests WHERE id = ANY($1) ORDER BY id', [[shortOld, defaultOld]])).toEqual([
      { id: defaultOld },
    ]);
    expect((await sy.api.request('GET', `/api/runs/${recent.id}`)).status).toBe(200);
  });
});
