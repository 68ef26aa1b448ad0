import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, waitFor } from '../support/client';
import { createTestDatabase, REDIS_URL, type TestDatabase } from '../support/database';
import { freePort, startServerProcess, waitUntilReady, type ServerProcess } from '../support/server-process';
import { startSink, type Sink } from '../support/sink';
import { mapFilterHttp } from '../support/workflows';

// Production shape: DATABASE_URL + REDIS_URL, one api process and two worker processes.
describe('separate api and worker processes', () => {
  let db: TestDatabase;
  let sink: Sink;
  const processes: ServerProcess[] = [];

  beforeAll(async () => {
    db = await createTestDatabase();
    sink = await startSink();
  });

  afterAll(async () => {
    await Promise.all(processes.map((p) => p.stop()));
    await sink?.close();
    await db?.drop();
  });

  it('carries runs from the api to the workers through BullMQ', async () => {
    const port = await freePort();
    const env = {
      DATABASE_URL: db.url,
      REDIS_URL,
      SWITCHYARD_QUEUE_PREFIX: `sy-e2e-${randomBytes(4).toString('hex')}`,
      SWITCHYARD_EGRESS_ALLOW: '127.0.0.1/32',
    };
    const apiProcess = startServerProcess(['--role=api'], { ...env, PORT: String(port) });
    processes.push(apiProcess);
    await waitUntilReady(`http://127.0.0.1:${port}/api/health/ready`, apiProcess);
    for (let i = 0; i < 2; i++) processes.push(startServerProcess(['--role=worker'], env));
    await waitFor('workers to start', async () => processes.slice(1).every((p) => /worker is running/.test(p.output())), 60_000);

    const api = new ApiClient(`http://127.0.0.1:${port}`);
    const workflow = await api.createWorkflow(mapFilterHttp(sink.url));
    const runIds: string[] = [];
    for (let i = 0; i < 30; i++) runIds.push((await api.hook(workflow.trigger.token, { id: `S-${i}`, amount: 100 + i })).body.runId);
    for (const id of runIds) expect((await api.waitForRun(id)).status).toBe('succeeded');
    expect(sink.requests.filter((r) => r.url.startsWith('/orders/S-')).length).toBe(30);
    const workers = await db.query<{ worker_id: string }>('SELECT DISTINCT worker_id FROM runs WHERE id = ANY($1)', [runIds]);
    expect(workers.length).toBe(2);
  });

  it('refuses to start a role without the shared services it needs', async () => {
    const lonely = startServerProcess(['--role=worker'], { DATABASE_URL: db.url });
    expect(await new Promise((res) => lonely.child.once('exit', res))).toBe(1);
    expect(lonely.output()).toMatch(/--role=worker needs REDIS_URL/);
  });
});
