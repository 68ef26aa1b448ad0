import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SwitchyardInstance } from '../../src/bootstrap';
import { waitFor, type ApiClient } from '../support/client';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { OwnRedis, redisServerMissing } from '../support/own-redis';
import { freePort } from '../support/server-process';
import { startSink, type Sink } from '../support/sink';
import { startTestSwitchyard } from '../support/switchyard';

// Redis is down: triggers still answer 202, the runs wait in PostgreSQL (or, before the first
// connection, in the producer's pending adds), and when Redis is back they reach the worker oldest first.
describe.skipIf(redisServerMissing())('Redis outage', () => {
  let db: TestDatabase;
  let sink: Sink;
  let redis: OwnRedis;
  const instances: SwitchyardInstance[] = [];

  beforeAll(async () => {
    db = await createTestDatabase();
    sink = await startSink();
    redis = new OwnRedis(await freePort());
  });

  afterAll(async () => {
    for (const instance of instances.reverse()) await instance.close();
    await redis?.stop();
    await sink?.close();
    await db?.drop();
  });

  it('accepts webhooks while Redis is down and drains them in arrival order when it returns', async () => {
    const redisUrl = `redis://127.0.0.1:${redis.port}`;
    // Queued runs are swept once they are 10 s old (younger ones are assumed to be on their way).
    const queuePrefix = `sy-outage-${randomBytes(4).toString('hex')}`;
    const apiRole = await startTestSwitchyard({ databaseUrl: db.url, redisUrl, role: 'api', queuePrefix });
    instances.push(apiRole.instance);
    const api = apiRole.api as ApiClient;
    // One run at a time, so that the order the sink sees is the order of dispatch.
    const worker = await startTestSwitchyard({
      databaseUrl: db.url,
      redisUrl,
      role: 'worker',
      queuePrefix,
      env: { SWITCHYARD_WORKER_CONCURRENCY: '1' },
    });
    instances.push(worker.instance);

    expect((await api.request('GET', '/api/health/ready')).status).toBe(503);
    const workflow = await api.createWorkflow({
      name: 'Through an outage',
      trigger: { type: 'webhook' },
      steps: [{ id: 'send', type: 'http', method: 'POST', url: `${sink.url}/n/{{ trigger.body.n }}`, body: 'trigger.body' }],
    });
    const runIds: string[] = [];
    for (let n = 0; n < 8; n++) {
      const answer = await api.hook(workflow.trigger.token, { n });
      expect(answer.status).toBe(202);
      runIds.push(answer.body.runId);
    }
    const queued = await db.query<{ status: string }>(`SELECT status FROM runs WHERE id = ANY($1)`, [runIds]);
    expect(queued.map((r) => r.status)).toEqual(Array(8).fill('queued'));

    await redis.start();
    await waitFor('readiness once Redis is back', async () => (await api.request('GET', '/api/health/ready')).status === 200, 20_000);
    await waitFor(
      'the backlog to drain',
      async () =>
        (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM runs WHERE id = ANY($1) AND status = 'succeeded'`, [runIds]))[0]
          .n === 8,
      40_000,
    );
    expect(sink.requests.map((r) => r.url)).toEqual(Array.from({ length: 8 }, (_, n) => `/n/${n}`));

    // Redis lost after it was up, and restarted empty: enqueueing fails at once, the runs wait in
    // PostgreSQL, and the sweeper re-dispatches them, oldest first, once Redis is back.
    await redis.stop();
    await waitFor('readiness to see Redis gone', async () => (await api.request('GET', '/api/health/ready')).status === 503, 20_000);
    const later: string[] = [];
    for (let n = 8; n < 16; n++) {
      const answer = await api.hook(workflow.trigger.token, { n });
      expect(answer.status).toBe(202);
      later.push(answer.body.runId);
    }
    await redis.start();
    await waitFor(
      'the second backlog to drain',
      async () =>
        (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM runs WHERE id = ANY($1) AND status = 'succeeded'`, [later]))[0].n ===
        8,
      40_000,
    );
    expect(sink.requests.slice(8).map((r) => r.url)).toEqual(Array.from({ length: 8 }, (_, n) => `/n/${n + 8}`));
    const claims = await db.query<{ claims: number }>(`SELECT claims FROM runs WHERE id = ANY($1)`, [[...runIds, ...later]]);
    expect(claims.every((r) => r.claims === 1)).toBe(true);
  });
});
