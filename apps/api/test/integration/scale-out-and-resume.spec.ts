import { beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../src/common/ids';
import { waitFor } from '../support/client';
import { useSwitchyard } from '../support/use-switchyard';

describe('separate api and worker roles on PostgreSQL + Redis', () => {
  const sy = useSwitchyard({ workers: 2, workerEnv: { SWITCHYARD_WORKER_CONCURRENCY: '2' } });

  beforeAll(() => {
    expect(sy.workers).toHaveLength(2);
    for (const worker of sy.workers) expect(worker.api).toBeNull();
  });

  it('shares the runs between the workers, each run executed once', async () => {
    const workflow = await sy.api.createWorkflow({
      name: 'Fan out',
      trigger: { type: 'webhook' },
      steps: [{ id: 'send', type: 'http', method: 'POST', url: `${sy.sink.url}/n/{{ trigger.body.n }}`, body: 'trigger.body' }],
    });
    const runIds = await Promise.all(
      Array.from({ length: 40 }, async (_, n) => (await sy.api.hook(workflow.trigger.token, { n })).body.runId as string),
    );
    await waitFor('all runs to finish', async () => {
      const [{ count }] = await sy.db.query<{ count: string }>(
        `SELECT count(*) FROM runs WHERE workflow_id = $1 AND status = 'succeeded'`,
        [workflow.id],
      );
      return Number(count) === 40;
    });
    const workers = await sy.db.query<{ worker_id: string; n: string }>(
      `SELECT worker_id, count(*) AS n FROM runs WHERE id = ANY($1) GROUP BY worker_id`,
      [runIds],
    );
    expect(workers.length).toBe(2);
    const hits = sy.sink.requests.filter((r) => r.url.startsWith('/n/')).map((r) => r.url);
    expect(hits.length).toBe(40);
    expect(new Set(hits).size).toBe(40);
  });
});

describe('the sweeper (in-process dispatcher)', () => {
  const sy = useSwitchyard();

  it('resumes a run whose worker died after the last completed step, without repeating it', async () => {
    const workflow = await sy.api.createWorkflow({
      name: 'Two calls',
      trigger: { type: 'webhook' },
      steps: [
        { id: 'first', type: 'http', method: 'POST', url: `${sy.sink.url}/first`, body: 'trigger.body' },
        { id: 'second', type: 'http', method: 'POST', url: `${sy.sink.url}/second`, body: '{ "after": steps.first.body.ok }' },
      ],
    });
    const { body } = await sy.api.hook(workflow.trigger.token, { x: 1 });
    const done = await sy.api.waitForRun(body.runId);
    expect(done.status).toBe('succeeded');
    sy.sink.requests.length = 0;

    // A second run of the same request that a dead worker left 'running' after step 'first'.
    const runId = newId();
    await sy.db.query(
      `INSERT INTO runs (id, workspace_id, workflow_id, version_id, request_id, status, claims, worker_id, lease_until, started_at)
       SELECT $1, workspace_id, workflow_id, version_id, request_id, 'running', 1, 'dead-worker', now() - interval '1 second', now() FROM runs WHERE id = $2`,
      [runId, done.id],
    );
    await sy.db.query(
      `INSERT INTO step_runs (id, workspace_id, run_id, step_id, step_type, position, status, output, attempts, started_at, finished_at, duration_ms)
       SELECT $1, workspace_id, $2, 'first', 'http', 0, 'succeeded', '{"status":200,"body":{"ok":"from-journal"}}', 1, now(), now(), 0 FROM runs WHERE id = $2`,
      [newId(), runId],
    );
    const resumed = await sy.api.waitForRun(runId, 20_000);
    expect(resumed.status).toBe('succeeded');
    expect(sy.sink.requests.map((r) => r.url)).toEqual(['/second']);
    expect(JSON.parse(sy.sink.requests[0].body)).toEqual({ after: 'from-journal' });
    const [row] = await sy.db.query<{ claims: number }>('SELECT claims FROM runs WHERE id = $1', [runId]);
    expect(row.claims).toBe(2);
  });

  it('dispatches runs left queued (a lost message)', async () => {
    const workflow = await sy.api.createWorkflow({
      name: 'Lost',
      trigger: { type: 'webhook' },
      steps: [{ id: 'm', type: 'map', expression: '"found"' }],
    });
    const { body } = await sy.api.hook(workflow.trigger.token, {});
    const done = await sy.api.waitForRun(body.runId);
    const runId = newId();
    await sy.db.query(
      `INSERT INTO runs (id, workspace_id, workflow_id, version_id, request_id, status, created_at)
       SELECT $1, workspace_id, workflow_id, version_id, request_id, 'queued', now() - interval '1 minute' FROM runs WHERE id = $2`,
      [runId, done.id],
    );
    const swept = await sy.api.waitForRun(runId, 20_000);
    expect(swept.status).toBe('succeeded');
    expect(swept.steps[0].output).toBe('found');
  });
});
