import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '../support/client';
import { useSwitchyard } from '../support/use-switchyard';

/** A receiver that holds each request 200 ms and records how many were open at once, and in which order they came. */
async function startGauge() {
  let open = 0;
  const gauge = { maxOpen: 0, order: [] as number[] };
  const server: Server = createServer((req, res) => {
    open++;
    gauge.maxOpen = Math.max(gauge.maxOpen, open);
    gauge.order.push(Number(req.url?.split('/').pop()));
    req.resume();
    setTimeout(() => {
      open--;
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    }, 200);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    state: gauge,
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

describe('per-workflow concurrency limit across three workers', () => {
  let gauge: Awaited<ReturnType<typeof startGauge>>;
  beforeAll(async () => {
    gauge = await startGauge();
  });
  afterAll(async () => {
    await gauge?.close();
  });
  // Three workers of one slot each: three runs could run at once, so the limit of two is what holds
  // them back, and the two that run together are necessarily on two different workers.
  const sy = useSwitchyard({ workers: 3, workerEnv: { SWITCHYARD_WORKER_CONCURRENCY: '1' } });

  it('refuses a limit that is not a positive whole number, naming the field', async () => {
    const res = await sy.api.request('POST', '/api/workflows', { name: 'Bad', trigger: { type: 'webhook' }, steps: [], concurrency: 0 });
    expect(res.status).toBe(400);
    expect(res.body.error.details).toEqual([{ path: 'concurrency', message: 'must be at least 1' }]);
  });

  it('runs at most N at once; the others wait queued and start in arrival order', async () => {
    const workflow = await sy.api.createWorkflow({
      name: 'One at a time, almost',
      trigger: { type: 'webhook' },
      steps: [{ id: 'send', type: 'http', method: 'POST', url: `${gauge.url}/n/{{ trigger.body.n }}`, body: 'trigger.body' }],
      concurrency: 2,
    });
    expect(workflow.concurrency).toBe(2);
    const runIds: string[] = [];
    for (let n = 0; n < 12; n++) runIds.push((await sy.api.hook(workflow.trigger.token, { n })).body.runId);

    // While the first ones run, the rest wait queued: never more than two running in PostgreSQL.
    let maxRunning = 0;
    await waitFor(
      'all runs to finish',
      async () => {
        const [row] = await sy.db.query<{ running: number; done: number }>(
          `SELECT count(*) FILTER (WHERE status = 'running')::int AS running, count(*) FILTER (WHERE status = 'succeeded')::int AS done FROM runs WHERE workflow_id = $1`,
          [workflow.id],
        );
        maxRunning = Math.max(maxRunning, row.running);
        return row.done === 12;
      },
      60_000,
    );
    expect(maxRunning).toBeLessThanOrEqual(2);
    expect(gauge.state.maxOpen).toBe(2);
    // Two start together, so two neighbours may swap; none overtakes by more.
    gauge.state.order.forEach((n, i) => expect(Math.abs(n - i)).toBeLessThanOrEqual(1));
    const workers = await sy.db.query<{ worker_id: string }>(`SELECT DISTINCT worker_id FROM runs WHERE id = ANY($1)`, [runIds]);
    expect(workers.length).toBeGreaterThanOrEqual(2);

    // Lifting the limit (null) lets them all run at once again.
    const patched = await sy.api.request('PATCH', `/api/workflows/${workflow.id}`, { concurrency: null });
    expect(patched.body.concurrency).toBeNull();
  });
});
