import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../src/common/ids';
import { waitFor } from '../support/client';
import { useSwitchyard } from '../support/use-switchyard';

/**
 * ADR 0014: the journal entries of pure steps (map, filter, branch, loop, stop) are written with the
 * next side effect's checkpoint or with the run's outcome, not each on its own; a resumed run computes
 * them again and sends each side effect once.
 */

/** A loopback receiver that holds every request until `release()`, so a test can look at a run mid-step. */
interface HeldSink {
  url: string;
  received: Array<{ url: string; body: string; key: string }>;
  release(): void;
  close(): Promise<void>;
}

async function startHeldSink(): Promise<HeldSink> {
  const received: HeldSink['received'] = [];
  let held: Array<() => void> = [];
  let open = false;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({
        url: req.url ?? '',
        body: Buffer.concat(chunks).toString('utf8'),
        key: String(req.headers['idempotency-key'] ?? ''),
      });
      const answer = () => res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
      if (open) answer();
      else held.push(answer);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    received,
    release() {
      open = true;
      held.splice(0).forEach((answer) => answer());
      held = [];
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

describe('journal of pure steps (ADR 0014)', () => {
  const sy = useSwitchyard();
  let held: HeldSink;

  beforeAll(async () => {
    held = await startHeldSink();
  });
  afterAll(async () => {
    await held.close();
  });

  const stepRows = (runId: string) =>
    sy.db.query<{ step_id: string; step_type: string; status: string; position: number; output: unknown }>(
      `SELECT step_id, step_type, status, position, output FROM step_runs WHERE run_id = $1 ORDER BY finished_at, position`,
      [runId],
    );

  it('writes the map and filter entries with the http checkpoint, not before the call', async () => {
    const workflow = await sy.api.createWorkflow({
      name: 'Held pipeline',
      trigger: { type: 'webhook' },
      steps: [
        { id: 'shape', type: 'map', expression: '{ "order": trigger.body.id, "total": trigger.body.amount * 2 }' },
        { id: 'big', type: 'filter', condition: 'steps.shape.total > 1' },
        { id: 'send', type: 'http', method: 'POST', url: `${held.url}/held`, body: 'steps.shape' },
      ],
    });
    const { body } = await sy.api.hook(workflow.trigger.token, { id: 'o-1', amount: 21 });
    const runId = body.runId as string;
    await waitFor('the http step to reach the sink', async () => held.received.length === 1);
    // The map and the filter have run (the sink got the map's output), but nothing is journaled yet.
    expect(JSON.parse(held.received[0].body)).toEqual({ order: 'o-1', total: 42 });
    expect(await stepRows(runId)).toEqual([]);
    held.release();
    const done = await sy.api.waitForRun(runId);
    expect(done.status).toBe('succeeded');
    const rows = await stepRows(runId);
    expect(rows.map((r) => [r.step_id, r.step_type, r.status, r.position])).toEqual([
      ['shape', 'map', 'succeeded', 0],
      ['big', 'filter', 'succeeded', 1],
      ['send', 'http', 'succeeded', 2],
    ]);
    expect(rows[0].output).toEqual({ order: 'o-1', total: 42 });
    // The run detail shows the same journal as before.
    const detail = (await sy.api.request('GET', `/api/runs/${runId}`)).body;
    expect(detail.steps.map((s: { id: string; status: string }) => [s.id, s.status])).toEqual([
      ['shape', 'succeeded'],
      ['big', 'succeeded'],
      ['send', 'succeeded'],
    ]);
  });

  it('writes the entries of a run of pure steps with its outcome (filtered), and those of a failed pure step at once', async () => {
    const workflow = await sy.api.createWorkflow({
      name: 'Pure only',
      trigger: { type: 'webhook' },
      steps: [
        { id: 'shape', type: 'map', expression: '{ "n": trigger.body.n }' },
        {
          id: 'paths',
          type: 'branch',
          paths: [{ condition: 'steps.shape.n < 10', steps: [{ id: 'tag', type: 'map', expression: '"small"' }] }],
        },
        { id: 'gate', type: 'filter', condition: 'steps.shape.n > 100' },
        { id: 'never', type: 'http', method: 'POST', url: `${held.url}/never`, body: 'steps.shape' },
      ],
    });
    const filtered = await sy.api.waitForRun((await sy.api.hook(workflow.trigger.token, { n: 3 })).body.runId);
    expect(filtered.status).toBe('filtered');
    const rows = await stepRows(filtered.id);
    expect(rows.map((r) => [r.step_id, r.status]).sort()).toEqual(
      [
        ['gate', 'succeeded'],
        ['paths', 'succeeded'],
        ['paths.0.tag', 'succeeded'],
        ['shape', 'succeeded'],
      ].sort(),
    );
    expect(held.received.some((r) => r.url === '/never')).toBe(false);

    const broken = await sy.api.createWorkflow({
      name: 'Failing map',
      trigger: { type: 'webhook' },
      steps: [
        { id: 'ok', type: 'map', expression: '{ "n": trigger.body.n }' },
        { id: 'bad', type: 'map', expression: '$number("not a number") + $error("boom")' },
      ],
    });
    const failed = await sy.api.waitForRun((await sy.api.hook(broken.trigger.token, { n: 1 })).body.runId);
    expect(failed.status).toBe('failed');
    expect((await stepRows(failed.id)).map((r) => [r.step_id, r.status])).toEqual([
      ['ok', 'succeeded'],
      ['bad', 'failed'],
    ]);
  });

  it('resumes a run that died between pure steps and a side effect: computes them again and sends the effect once', async () => {
    held.release();
    const workflow = await sy.api.createWorkflow({
      name: 'Resume after pure steps',
      trigger: { type: 'webhook' },
      steps: [
        { id: 'first', type: 'http', method: 'POST', url: `${held.url}/first`, body: 'trigger.body' },
        { id: 'shape', type: 'map', expression: '{ "order": trigger.body.id, "at": $now() }' },
        { id: 'second', type: 'http', method: 'POST', url: `${held.url}/second`, body: 'steps.shape' },
      ],
    });
    const { body } = await sy.api.hook(workflow.trigger.token, { id: 'o-9' });
    const done = await sy.api.waitForRun(body.runId);
    expect(done.status).toBe('succeeded');
    const original = held.received.find((r) => r.url === '/second');
    held.received.length = 0;

    // The same request, run by a worker that died after 'first' was journaled and 'shape' had run but
    // was not written yet (held back for the next checkpoint).
    const runId = newId();
    await sy.db.query(
      `INSERT INTO runs (id, workspace_id, workflow_id, version_id, request_id, status, claims, worker_id, lease_until, started_at)
       SELECT $1, workspace_id, workflow_id, version_id, request_id, 'running', 1, 'dead-worker', now() - interval '1 second', started_at FROM runs WHERE id = $2`,
      [runId, done.id],
    );
    await sy.db.query(
      `INSERT INTO step_runs (id, workspace_id, run_id, step_id, step_type, position, status, output, attempts, started_at, finished_at, duration_ms)
       SELECT $1, workspace_id, $2, 'first', 'http', 0, 'succeeded', '{"status":200,"body":{"ok":true}}', 1, now(), now(), 0 FROM runs WHERE id = $2`,
      [newId(), runId],
    );
    const resumed = await sy.api.waitForRun(runId, 20_000);
    expect(resumed.status).toBe('succeeded');
    // 'first' was not sent again; 'second' once, with what the first execution would have sent.
    expect(held.received.map((r) => r.url)).toEqual(['/second']);
    expect(JSON.parse(held.received[0].body)).toEqual(JSON.parse(original!.body));
    expect(held.received[0].key).toBe(`${runId}:second`);
    expect((await stepRows(runId)).map((r) => r.step_id).sort()).toEqual(['first', 'second', 'shape']);
  });

  it('writes every entry at once once a step called $uuid() (not deterministic)', async () => {
    held.received.length = 0;
    const heldAgain = await startHeldSink();
    try {
      const workflow = await sy.api.createWorkflow({
        name: 'Random id',
        trigger: { type: 'webhook' },
        steps: [
          { id: 'ident', type: 'map', expression: '{ "id": $uuid() }' },
          { id: 'send', type: 'http', method: 'POST', url: `${heldAgain.url}/held`, body: 'steps.ident' },
        ],
      });
      const runId = (await sy.api.hook(workflow.trigger.token, {})).body.runId as string;
      await waitFor('the http step to reach the sink', async () => heldAgain.received.length === 1);
      const rows = await stepRows(runId);
      expect(rows.map((r) => r.step_id)).toEqual(['ident']);
      expect(rows[0].output).toEqual(JSON.parse(heldAgain.received[0].body));
      heldAgain.release();
      expect((await sy.api.waitForRun(runId)).status).toBe('succeeded');
    } finally {
      await heldAgain.close();
    }
  });
});
