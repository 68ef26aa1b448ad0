import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, waitFor } from '../support/client';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { freePort, startServerProcess, waitUntilReady, type ServerProcess } from '../support/server-process';

/** A receiver that takes `delayMs` to answer and counts deliveries per Idempotency-Key. */
async function startSlowSink(delayMs: number) {
  const deliveries = new Map<string, number>();
  const server: Server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const key = String(req.headers['idempotency-key']);
      deliveries.set(key, (deliveries.get(key) ?? 0) + 1);
      setTimeout(() => res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}'), delayMs);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    deliveries,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

describe('SIGTERM: graceful shutdown of the single process', () => {
  let db: TestDatabase;
  let sink: Awaited<ReturnType<typeof startSlowSink>>;
  const processes: ServerProcess[] = [];

  beforeAll(async () => {
    db = await createTestDatabase();
    sink = await startSlowSink(4000);
  });

  afterAll(async () => {
    await Promise.all(processes.map((p) => p.stop('SIGKILL')));
    await sink?.close();
    await db?.drop();
  });

  it('answers the requests in flight, gives back the leases of unfinished runs after the deadline, exits 0, and the restart finishes them', async () => {
    const port = await freePort();
    const env = {
      DATABASE_URL: db.url,
      PORT: String(port),
      SWITCHYARD_EGRESS_ALLOW: '127.0.0.1/32',
      SWITCHYARD_SHUTDOWN_TIMEOUT_MS: '1500',
      SWITCHYARD_SWEEP_INTERVAL_MS: '300',
      SWITCHYARD_LEASE_MS: '30000',
    };
    const first = startServerProcess(['--role=all'], env);
    processes.push(first);
    await waitUntilReady(`http://127.0.0.1:${port}/api/health/ready`, first);
    const api = new ApiClient(`http://127.0.0.1:${port}`);
    const workflow = await api.createWorkflow({
      name: 'Slow side effect',
      trigger: { type: 'webhook' },
      steps: [
        { id: 'shape', type: 'map', expression: '{ "n": trigger.body.n }' },
        { id: 'send', type: 'http', method: 'POST', url: `${sink.url}/slow`, body: 'steps.shape', timeoutMs: 10000 },
      ],
    });

    const early: string[] = [];
    for (let n = 0; n < 5; n++) early.push((await api.hook(workflow.trigger.token, { n })).body.runId);
    await waitFor('the runs to reach the slow step', async () => sink.deliveries.size === 5, 20_000);

    // Requests in flight when the signal arrives are still answered; none is refused half-way.
    const inFlight = Array.from({ length: 10 }, (_, i) =>
      api.hook(workflow.trigger.token, { n: 100 + i }).catch((err: Error) => ({ status: 0, body: { error: err.message } })),
    );
    await new Promise((r) => setTimeout(r, 5));
    const signalledAt = Date.now();
    const exited = first.stop('SIGTERM');
    const answers = await Promise.all(inFlight);
    expect(await exited).toBe(0);
    // It waited for the deadline (the runs were still in their 4 s step), not for the runs.
    expect(Date.now() - signalledAt).toBeLessThan(4000);
    expect(first.output()).toMatch(/SIGTERM received, shutting down/);

    const accepted = answers.filter((a) => a.status === 202).map((a) => a.body.runId as string);
    expect(answers.filter((a) => a.status !== 202 && a.status !== 0)).toEqual([]);
    const all = [...early, ...accepted];
    // Nothing accepted is lost: every accepted run is in PostgreSQL, and the unfinished ones were released.
    const rows = await db.query<{ id: string; status: string; released: boolean }>(
      `SELECT id, status, (lease_until IS NULL OR lease_until < now()) AS released FROM runs WHERE id = ANY($1::uuid[])`,
      [all],
    );
    expect(rows.length).toBe(all.length);
    expect(rows.filter((r) => r.status === 'running' && !r.released)).toEqual([]);

    const second = startServerProcess(['--role=all'], env);
    processes.push(second);
    await waitUntilReady(`http://127.0.0.1:${port}/api/health/ready`, second);
    for (const id of all) expect((await api.waitForRun(id, 60_000)).status).toBe('succeeded');
    // The steps cut off by the shutdown were sent again with the same key (the receiver can drop them); none got a new key.
    const keys = all.map((id) => `${id}:send`);
    expect([...sink.deliveries.keys()].sort()).toEqual([...keys].sort());
    await second.stop('SIGTERM');
  });
});
