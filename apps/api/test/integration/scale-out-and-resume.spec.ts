import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import type { SwitchyardInstance } from '../../src/bootstrap';
import { newId } from '../../src/common/ids';
import type { ApiClient } from '../support/client';
import { waitFor } from '../support/client';
import { createTestDatabase, REDIS_URL, type TestDatabase } from '../support/database';
import { startSink, type Sink } from '../support/sink';
import { startTestSwitchyard } from '../support/switchyard';

describe('separate api and worker roles on PostgreSQL + Redis', () => {
  let db: TestDatabase;
  let sink: Sink;
  let api: ApiClient;
  const instances: SwitchyardInstance[] = [];

  beforeAll(async () => {
    db = await createTestDatabase();
    sink = await startSink();
    const queuePrefix = `sy-scale-${randomBytes(4).toString('hex')}`;
    const apiRole = await startTestSwitchyard({ databaseUrl: db.url, redisUrl: REDIS_URL, role: 'api', queuePrefix });
    instances.push(apiRole.instance);
    api = apiRole.api as ApiClient;
    for (let i = 0; i < 2; i++) {
      const worker = await startTestSwitchyard({
        databaseUrl: db.url,
        redisUrl: REDIS_URL,
        role: 'worker',
        queuePrefix,
        env: { SWITCHYARD_WORKER_CONCURRENCY: '2' },
      });
      expect(worker.api).toBeNull();
      instances.push(worker.instance);
    }
  });

  afterAll(async () => {
    for (const instance of instances.reverse()) await instance.close();
    await sink?.close();
    await db?.drop();
  });

  it('shares the runs between the workers, each run executed once', async () => {
    const workflow = await api.createWorkflow({
      name: 'Fan out',
      trigger: { type: 'webhook' },
      steps: [{ id: 'send', type: 'http', method: 'POST', url: `${sink.url}/n/{{ trigger.body.n }}`, body: 'trigger.body' }],
    });
    const runIds = await Promise.all(
      Array.from({ length: 40 }, async (_, n) => (await api.hook(workflow.trigger.token, { n })).body.runId as string),
    );
    await waitFor('all runs to finish', async () => {
      const [{ count }] = await db.query<{ count: string }>(`SELECT count(*) FROM runs WHERE workflow_id = $1 AND status = 'succeeded'`, [
        workflow.id,
      ]);
      return Number(count) === 40;
    });
    const workers = await db.query<{ worker_id: string; n: string }>(
      `SELECT worker_id, count(*) AS n FROM runs WHERE id = ANY($1) GROUP BY worker_id`,
      [runIds],
    );
    expect(workers.length).toBe(2);
    const hits = sink.requests.filter((r) => r.url.startsWith('/n/')).map((r) => r.url);
    expect(hits.length).toBe(40);
    expect(new Set(hits).size).toBe(40);
  });
});

describe('the sweeper (in-process dispatcher)', () => {
  let db: TestDatabase;
  let sink: Sink;
  let api: ApiClient;
  let instance: SwitchyardInstance;

  beforeAll(async () => {
    db = await createTestDatabase();
    sink = await startSink();
    const started = await startTestSwitchyard({ databaseUrl: db.url });
    api = started.api as ApiClient;
    instance = started.instance;
  });

  afterAll(async () => {
    await instance?.close();
    await sink?.close();
    await db?.drop();
  });

  it('resumes a run whose worker died after the last completed step, without repeating it', async () => {
    const workflow = await api.createWorkflow({
      name: 'Two calls',
      trigger: { type: 'webhook' },
      steps: [
        { id: 'first', type: 'http', method: 'POST', url: `${sink.url}/first`, body: 'trigger.body' },
        { id: 'second', type: 'http', method: 'POST', url: `${sink.url}/second`, body: '{ "after": steps.first.body.ok }' },
      ],
    });
    const { body } = await api.hook(workflow.trigger.token, { x: 1 });
    const done = await api.waitForRun(body.runId);
    expect(done.status).toBe('succeeded');
    sink.requests.length = 0;

    // A second run of the same request that a dead worker left 'running' after step 'first'.
    const runId = newId();
    await db.query(
      `INSERT INTO runs (id, workspace_id, workflow_id, version_id, request_id, status, claims, worker_id, lease_until, started_at)
       SELECT $1, workspace_id, workflow_id, version_id, request_id, 'running', 1, 'dead-worker', now() - interval '1 second', now() FROM runs WHERE id = $2`,
      [runId, done.id],
    );
    await db.query(
      `INSERT INTO step_runs (id, workspace_id, run_id, step_id, step_type, position, status, output, attempts, started_at, finished_at, duration_ms)
       SELECT $1, workspace_id, $2, 'first', 'http', 0, 'succeeded', '{"status":200,"body":{"ok":"from-journal"}}', 1, now(), now(), 0 FROM runs WHERE id = $2`,
      [newId(), runId],
    );
    const resumed = await api.waitForRun(runId, 20_000);
    expect(resumed.status).toBe('succeeded');
    expect(sink.requests.map((r) => r.url)).toEqual(['/second']);
    expect(JSON.parse(sink.requests[0].body)).toEqual({ after: 'from-journal' });
    const [row] = await db.query<{ claims: number }>('SELECT claims FROM runs WHERE id = $1', [runId]);
    expect(row.claims).toBe(2);
  });

  it('dispatches runs left queued (a lost message)', async () => {
    const workflow = await api.createWorkflow({
      name: 'Lost',
      trigger: { type: 'webhook' },
      steps: [{ id: 'm', type: 'map', expression: '"found"' }],
    });
    const { body } = await api.hook(workflow.trigger.token, {});
    const done = await api.waitForRun(body.runId);
    const runId = newId();
    await db.query(
      `INSERT INTO runs (id, workspace_id, workflow_id, version_id, request_id, status, created_at)
       SELECT $1, workspace_id, workflow_id, version_id, request_id, 'queued', now() - interval '1 minute' FROM runs WHERE id = $2`,
      [runId, done.id],
    );
    const swept = await api.waitForRun(runId, 20_000);
    expect(swept.status).toBe('succeeded');
    expect(swept.steps[0].output).toBe('found');
  });
});
