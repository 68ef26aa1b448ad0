import { Pool } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/common/logger';
import { newId } from '../../src/common/ids';
import { RunLedger } from '../../src/runtime/ledger/run-ledger';
import { useSwitchyard } from '../support/use-switchyard';

/**
 * Issue 15: the claims of runs taken one at a time (BullMQ jobs) that arrive together share one
 * statement (RunLedger.claim through ClaimBatcher), with every claim's semantics kept.
 */
describe('batched claims of single runs', () => {
  // No sweeper during the tests: the runs below are claimed only by the ledgers the tests make.
  const sy = useSwitchyard({ env: { SWITCHYARD_SWEEP_INTERVAL_MS: '3600000' } });
  let pool: Pool;
  /** The statements sent through the pool's query (not those of a checked-out client): their names, or their text. */
  const statements: string[] = [];
  let ledger: RunLedger;
  let otherWorker: RunLedger;
  let base: { id: string; workflow_id: string };
  let limited: { id: string; workflow_id: string };
  const stored = async (runId: string) =>
    (await sy.db.query<{ id: string; workflow_id: string }>(`SELECT id, workflow_id FROM runs WHERE id = $1`, [runId]))[0];

  beforeAll(async () => {
    pool = new Pool({ connectionString: sy.db.url, max: 10 });
    const counting = new Proxy(pool, {
      get(target, prop) {
        if (prop === 'query')
          return (...args: Parameters<Pool['query']>) => {
            const first = args[0] as string | { name?: string; text: string };
            statements.push(typeof first === 'string' ? first : (first.name ?? first.text));
            return (target.query as (...a: unknown[]) => unknown)(...args);
          };
        const value = Reflect.get(target, prop, target);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    const logger = createLogger('silent');
    ledger = new RunLedger(counting, 30_000, logger);
    otherWorker = new RunLedger(pool, 30_000, logger);

    // A run of each workflow, executed by the server, gives the rows the runs below are copies of.
    const plain = await sy.api.createWorkflow({
      name: 'Plain',
      trigger: { type: 'webhook' },
      steps: [{ id: 'shape', type: 'map', expression: '{ "n": trigger.body.n }' }],
    });
    base = await stored((await sy.api.waitForRun((await sy.api.hook(plain.trigger.token, { n: 7 })).body.runId)).id);
    const two = await sy.api.createWorkflow({
      name: 'Two at a time',
      trigger: { type: 'webhook' },
      steps: [{ id: 'shape', type: 'map', expression: '{ "n": trigger.body.n }' }],
      concurrency: 2,
    });
    limited = await stored((await sy.api.waitForRun((await sy.api.hook(two.trigger.token, { n: 1 })).body.runId)).id);
  });

  afterAll(async () => {
    await pool?.end();
  });

  /** Copies of a run, `queued` unless `set` says otherwise; their ids in arrival (id) order. */
  const copies = async (of: { id: string }, n: number, set = ''): Promise<string[]> => {
    const ids = Array.from({ length: n }, () => newId()).sort();
    for (const id of ids)
      await sy.db.query(
        `INSERT INTO runs (id, workspace_id, workflow_id, version_id, request_id, status)
         SELECT $1, workspace_id, workflow_id, version_id, request_id, 'queued' FROM runs WHERE id = $2`,
        [id, of.id],
      );
    if (set) await sy.db.query(`UPDATE runs SET ${set} WHERE id = ANY($1::uuid[])`, [ids]);
    return ids;
  };
  const rows = (ids: string[]) =>
    sy.db.query<{ id: string; status: string; claims: number; worker_id: string | null }>(
      `SELECT id, status, claims, worker_id FROM runs WHERE id = ANY($1::uuid[]) ORDER BY id`,
      [ids],
    );
  const claimStatements = () => statements.filter((s) => s.startsWith('ledger-claim'));

  it('claims N distinct runs arriving together in fewer than N statements, each with its run and request', async () => {
    const ids = await copies(base, 12);
    statements.length = 0;
    const claimed = await Promise.all(ids.map((id) => ledger.claim(id)));
    // Two go at once, alone; the ten that arrived while they were in flight go in one statement.
    expect(claimStatements()).toEqual(['ledger-claim', 'ledger-claim', 'ledger-claim-batch']);
    expect(statements.length).toBe(3);
    expect(claimed.map((c) => c?.id)).toEqual(ids);
    for (const run of claimed) {
      expect(run).toMatchObject({ workflowId: base.workflow_id, claims: 1, concurrency: null });
      expect(run!.request?.method).toBe('POST');
      expect(JSON.parse(run!.request!.body!.toString('utf8'))).toEqual({ n: 7 });
    }
    expect((await rows(ids)).every((r) => r.status === 'running' && r.claims === 1 && r.worker_id === ledger.workerId)).toBe(true);

    // A lone claim afterwards goes at once, in the one-run statement.
    const [alone] = await copies(base, 1);
    statements.length = 0;
    expect((await ledger.claim(alone))?.request?.method).toBe('POST');
    expect(claimStatements()).toEqual(['ledger-claim']);
  });

  it('does not claim twice a run another worker holds, nor one asked for twice in a batch', async () => {
    const ids = await copies(base, 6);
    const [first, second, takenElsewhere, free, twice] = ids;
    const elsewhere = await otherWorker.claim(takenElsewhere);
    expect(elsewhere?.id).toBe(takenElsewhere);
    statements.length = 0;
    const claimed = await Promise.all([first, second, takenElsewhere, free, twice, twice].map((id) => ledger.claim(id)));
    expect(claimStatements()).toContain('ledger-claim-batch');
    expect(claimed.map((c) => c?.id ?? null)).toEqual([first, second, null, free, twice, null]);
    const after = new Map((await rows(ids)).map((r) => [r.id, r]));
    expect(after.get(takenElsewhere)).toMatchObject({ status: 'running', claims: 1, worker_id: otherWorker.workerId });
    expect(after.get(twice)).toMatchObject({ status: 'running', claims: 1, worker_id: ledger.workerId });
  });

  it('re-claims a running run whose lease passed and a waiting run that is due, and no other', async () => {
    const [a, b] = await copies(base, 2);
    const [expired] = await copies(
      base,
      1,
      `status = 'running', claims = 1, worker_id = 'dead-worker', lease_until = now() - interval '1 second'`,
    );
    const [leased] = await copies(
      base,
      1,
      `status = 'running', claims = 1, worker_id = 'live-worker', lease_until = now() + interval '1 minute'`,
    );
    const [due] = await copies(base, 1, `status = 'waiting', claims = 1, resume_at = now() - interval '1 second'`);
    const [later] = await copies(base, 1, `status = 'waiting', claims = 1, resume_at = now() + interval '1 minute'`);
    statements.length = 0;
    const claimed = await Promise.all([a, b, expired, leased, due, later].map((id) => ledger.claim(id)));
    expect(claimStatements()).toContain('ledger-claim-batch');
    expect(claimed.map((c) => (c ? [c.id, c.claims] : null))).toEqual([[a, 1], [b, 1], [expired, 2], null, [due, 2], null]);
    const after = new Map((await rows([expired, leased, due, later])).map((r) => [r.id, r]));
    expect(after.get(expired)).toMatchObject({ status: 'running', claims: 2, worker_id: ledger.workerId });
    expect(after.get(leased)).toMatchObject({ status: 'running', claims: 1, worker_id: 'live-worker' });
    expect(after.get(due)).toMatchObject({ status: 'running', claims: 2, worker_id: ledger.workerId });
    expect(after.get(later)).toMatchObject({ status: 'waiting', claims: 1 });
  });

  it('keeps a concurrency limit and arrival order when the claims of a limited workflow arrive together', async () => {
    const ids = await copies(limited, 7);
    const order: string[] = [];
    let maxRunning = 0;
    for (let round = 0; order.length < ids.length && round < ids.length; round++) {
      const waiting = ids.filter((id) => !order.includes(id));
      statements.length = 0;
      // Newest first, all at once: the batch refuses them all, the limit decides one by one.
      const claimed = (await Promise.all([...waiting].reverse().map((id) => ledger.claim(id)))).filter((c) => c !== null);
      // Two go alone; the others together (a batch of one takes the one-run statement).
      if (waiting.length > 3) expect(claimStatements()).toContain('ledger-claim-batch');
      const [{ running }] = await sy.db.query<{ running: number }>(
        `SELECT count(*)::int AS running FROM runs WHERE workflow_id = $1 AND status = 'running'`,
        [limited.workflow_id],
      );
      maxRunning = Math.max(maxRunning, running);
      // The oldest queued run always gets a slot; a younger one only when no older one still queues.
      expect(claimed.length).toBeGreaterThanOrEqual(1);
      const got = claimed.map((c) => c!.id).sort();
      expect(got).toEqual(waiting.slice(0, got.length));
      for (const run of claimed) expect(run!.concurrency).toBe(2);
      order.push(...got);
      for (const run of claimed) await ledger.finish(run!, { status: 'succeeded' });
    }
    expect(order).toEqual(ids);
    expect(maxRunning).toBeLessThanOrEqual(2);
    expect((await rows(ids)).every((r) => r.status === 'succeeded' && r.claims === 1)).toBe(true);
  });

  it('does not fail the neighbours of a claim that makes the batch statement fail', async () => {
    const ids = await copies(base, 4);
    statements.length = 0;
    const settled = await Promise.allSettled([ids[0], ids[1], 'not-a-uuid', ids[2], ids[3]].map((id) => ledger.claim(id)));
    // The batch [not-a-uuid, ids[2], ids[3]] failed and each of its claims was tried again alone.
    expect(claimStatements()).toEqual([
      'ledger-claim',
      'ledger-claim',
      'ledger-claim-batch',
      'ledger-claim',
      'ledger-claim',
      'ledger-claim',
    ]);
    expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
    expect((settled[2] as PromiseRejectedResult).reason.message).toMatch(/invalid input syntax for type uuid/);
    expect(settled.map((s) => (s.status === 'fulfilled' ? s.value?.id : null))).toEqual([ids[0], ids[1], null, ids[2], ids[3]]);
    expect((await rows(ids)).every((r) => r.status === 'running' && r.claims === 1)).toBe(true);
  });
});
