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

/**
 * Issue 15: with in-process dispatch, a run this process has a free slot for is inserted by ingest
 * already claimed (`running`, one claim, this process's lease), so it takes no claim statement. A
 * trigger on `runs` records every status a run row takes, to see which runs went through `queued`.
 */
describe('runs started at ingest (in-process dispatch)', () => {
  const sy = useSwitchyard({ env: { SWITCHYARD_WORKER_CONCURRENCY: '3' } });
  let held: HeldSink;

  beforeAll(async () => {
    held = await startHeldSink();
    await sy.db.query(
      `CREATE TABLE test_run_moves (seq bigserial PRIMARY KEY, run_id uuid NOT NULL, status text NOT NULL, claims int NOT NULL)`,
    );
    await sy.db.query(`CREATE FUNCTION test_record_run_move() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO test_run_moves (run_id, status, claims) VALUES (NEW.id, NEW.status, NEW.claims);
        RETURN NEW;
      END $$`);
    await sy.db.query(
      `CREATE TRIGGER test_run_moves AFTER INSERT OR UPDATE OF status ON runs FOR EACH ROW EXECUTE FUNCTION test_record_run_move()`,
    );
  });
  afterAll(async () => {
    await held?.close();
  });

  const moves = async (runId: string) =>
    (await sy.db.query<{ status: string }>(`SELECT status FROM test_run_moves WHERE run_id = $1 ORDER BY seq`, [runId])).map(
      (m) => m.status,
    );

  it('inserts a run already running when a slot is free, and keeps $now() at the stored start', async () => {
    const workflow = await sy.api.createWorkflow({
      name: 'Started at ingest',
      trigger: { type: 'webhook' },
      steps: [{ id: 'at', type: 'map', expression: '{ "now": $millis() }' }],
    });
    const runId = (await sy.api.hook(workflow.trigger.token, { id: 1 })).body.runId as string;
    const run = await sy.api.waitForRun(runId);
    expect(run.status).toBe('succeeded');
    expect(await moves(runId)).toEqual(['running', 'succeeded']);
    const [row] = await sy.db.query<{ claims: number; worker_id: string | null; started_ms: string }>(
      `SELECT claims, worker_id, (extract(epoch FROM started_at) * 1000)::bigint::text AS started_ms FROM runs WHERE id = $1`,
      [runId],
    );
    expect(row.claims).toBe(1);
    expect(row.worker_id).toEqual(expect.any(String));
    // The instant $now()/$millis() return is the stored started_at, as a resumed run would see it.
    expect(run.steps[0].output).toEqual({ now: Number(row.started_ms) });
  });

  it('queues what does not fit the free slots, and claims it when a slot frees; each run executes once', async () => {
    held.received.length = 0;
    const workflow = await sy.api.createWorkflow({
      name: 'More than the slots',
      trigger: { type: 'webhook' },
      steps: [{ id: 'send', type: 'http', method: 'POST', url: `${held.url}/held`, body: 'trigger.body' }],
    });
    const runIds: string[] = [];
    for (let i = 0; i < 5; i++) runIds.push((await sy.api.hook(workflow.trigger.token, { n: i })).body.runId as string);
    await waitFor('three runs to hold the three slots', async () => held.received.length === 3);
    held.release();
    for (const id of runIds) expect((await sy.api.waitForRun(id)).status).toBe('succeeded');
    const paths = await Promise.all(runIds.map(moves));
    expect(paths.slice(0, 3)).toEqual(Array(3).fill(['running', 'succeeded']));
    expect(paths.slice(3)).toEqual(Array(2).fill(['queued', 'running', 'succeeded']));
    expect(held.received.map((r) => JSON.parse(r.body).n).sort()).toEqual([0, 1, 2, 3, 4]);
    expect(new Set(held.received.map((r) => r.key)).size).toBe(5);
  });

  it('leaves the runs of a workflow with a concurrency limit queued for the serialised claim', async () => {
    const workflow = await sy.api.createWorkflow({
      name: 'Limited',
      trigger: { type: 'webhook' },
      concurrency: 1,
      steps: [{ id: 'shape', type: 'map', expression: 'trigger.body' }],
    });
    const runId = (await sy.api.hook(workflow.trigger.token, { n: 1 })).body.runId as string;
    expect((await sy.api.waitForRun(runId)).status).toBe('succeeded');
    expect(await moves(runId)).toEqual(['queued', 'running', 'succeeded']);
  });
});
