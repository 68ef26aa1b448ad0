import { describe, expect, it } from 'vitest';
import { FLOW_CLOCK, type FlowClock, FlowController } from '../../src/ingest/flow-control';
import { createHookWorkflow, sendHook, storedRequests } from './trigger-helpers';
import { useSwitchyard } from '../support/use-switchyard';

// The scheduler's own ticks are off: the tests fire due buckets by hand at the times they choose.
const ENV = { SWITCHYARD_SCHEDULER_INTERVAL_MS: '0', SWITCHYARD_SWEEP_INTERVAL_MS: '200' };
const at = (iso: string) => Date.parse(iso);
const json = { 'content-type': 'application/json' };

describe('flow control by key (ADR 0024)', () => {
  const sy = useSwitchyard({ env: ENV });
  const flow = () => sy.instance.app.get(FlowController);
  const clock = () => sy.instance.app.get<FlowClock>(FLOW_CLOCK);
  /** Sends an event at a time the flow clock reads. */
  async function sendAt(token: string, time: number, body: unknown) {
    clock().now = () => time;
    return sendHook(sy.url, token, { headers: json, body: JSON.stringify(body) });
  }
  const runsOf = (workflowId: string) =>
    sy.db.query<{ id: string; request_id: string; status: string; resume_at: Date | null; started_at: Date | null }>(
      'SELECT id, request_id, status, resume_at, started_at FROM runs WHERE workflow_id = $1 ORDER BY created_at, id',
      [workflowId],
    );

  it('debounce: 5 events of a key in the window start 1 run with the last; the others are debounced and name it', async () => {
    const wf = await createHookWorkflow(sy.api, { flowControl: { mode: 'debounce', key: 'trigger.body.customer.id', windowSeconds: 60 } });
    const t0 = at('2026-06-01T10:00:00Z');
    for (let i = 0; i < 5; i++) {
      const answer = await sendAt(wf.trigger.token, t0 + i * 10_000, { customer: { id: 'c1' }, n: i });
      expect(answer.status).toBe(202);
      expect(answer.json).toEqual({ held: true, mode: 'debounce', dueAt: new Date(t0 + i * 10_000 + 60_000).toISOString() });
    }
    await sendAt(wf.trigger.token, t0, { customer: { id: 'c2' }, n: 'other' });
    expect((await storedRequests(sy.db, wf.id)).map((r) => r.verdict)).toEqual(Array(6).fill('held'));

    // c2 is due at t0 + 60 s; c1's window restarted with each event and ends 60 s after the last (t0 + 100 s).
    expect(await flow().fireDue(t0 + 59_999)).toEqual([]);
    const c2Runs = await flow().fireDue(t0 + 60_000);
    expect(c2Runs).toHaveLength(1);
    expect(await flow().fireDue(t0 + 99_999)).toEqual([]);
    const c1Runs = await flow().fireDue(t0 + 100_000);
    expect(c1Runs).toHaveLength(1);
    expect(await flow().fireDue(t0 + 500_000)).toEqual([]);

    const run = await sy.api.waitForRun(c1Runs[0]);
    expect(run.status).toBe('succeeded');
    expect(run.steps[0].output).toEqual({ customer: { id: 'c1' }, n: 4 });
    expect((await sy.api.waitForRun(c2Runs[0])).steps[0].output).toEqual({ customer: { id: 'c2' }, n: 'other' });

    const rows = await storedRequests(sy.db, wf.id);
    const c1 = rows.filter((r) => JSON.parse(r.body!.toString()).customer.id === 'c1');
    expect(c1.map((r) => r.verdict)).toEqual(['debounced', 'debounced', 'debounced', 'debounced', 'accepted']);
    expect(c1[4].run_id).toBe(c1Runs[0]);
    for (const r of c1.slice(0, 4)) {
      expect(r.run_id).toBeNull();
      expect(r.reason).toBe(`Superseded by a later event with key "c1": run ${c1Runs[0]} handled it`);
    }
    // The Inbox links every request of c1 to the run that handled it.
    const { body: listed } = await sy.api.request('GET', `/api/workflows/${wf.id}/requests?limit=100`);
    const linked = listed.items.filter((r: any) => r.trigger.body.customer.id === 'c1');
    expect(linked.map((r: any) => r.runId)).toEqual(Array(5).fill(c1Runs[0]));
    expect(await runsOf(wf.id)).toHaveLength(2);
    expect(await sy.db.query('SELECT count(*)::int AS n FROM flow_pending WHERE workflow_id = $1', [wf.id])).toEqual([{ n: 0 }]);
  });

  it('throttle: at most N runs per key per period, the rest delayed to the next free slot and all run', async () => {
    clock().now = () => Date.now();
    const wf = await createHookWorkflow(sy.api, { flowControl: { mode: 'throttle', limit: 2, periodSeconds: 1 } });
    const answers = [];
    for (let i = 0; i < 6; i++) answers.push(await sendHook(sy.url, wf.trigger.token, { headers: json, body: JSON.stringify({ i }) }));
    for (const a of answers) expect(a.status).toBe(202);
    const starts = answers.map((a) => Date.parse(a.json.startsAt));
    // Any 3 consecutive starts span at least the period: never more than 2 in one second.
    for (let i = 0; i + 2 < starts.length; i++) expect(starts[i + 2] - starts[i]).toBeGreaterThanOrEqual(1000);
    expect(starts[5] - starts[0]).toBeLessThan(2500);

    const runs = await runsOf(wf.id);
    expect(runs).toHaveLength(6);
    const delayed = runs.filter((r) => r.resume_at !== null);
    expect(delayed.length).toBeGreaterThanOrEqual(4);
    for (const a of answers) expect((await sy.api.waitForRun(a.json.runId)).status).toBe('succeeded');
    // Each delayed run started at or after its slot (the database's clock, a few ms of leeway).
    for (const r of await runsOf(wf.id))
      if (r.resume_at) expect(new Date(r.started_at!).getTime()).toBeGreaterThanOrEqual(new Date(r.resume_at).getTime() - 50);
    const rows = await storedRequests(sy.db, wf.id);
    expect(rows.every((r) => r.verdict === 'accepted' && r.run_id)).toBe(true);
    expect(rows.filter((r) => r.reason?.startsWith('Throttled (2 per 1 s, the one bucket (no key)): the run starts at'))).toHaveLength(
      delayed.length,
    );
  });

  it('batch by size: full batches run at once as one run whose trigger body is the list; the rest waits', async () => {
    const wf = await createHookWorkflow(sy.api, { flowControl: { mode: 'batch', size: 3, maxWaitSeconds: 600 } });
    const t0 = at('2026-06-02T08:00:00Z');
    for (let i = 1; i <= 7; i++) expect((await sendAt(wf.trigger.token, t0, { n: i })).json.held).toBe(true);
    const runIds = await flow().fireDue(t0);
    expect(runIds).toHaveLength(2);
    expect((await sy.api.waitForRun(runIds[0])).steps[0].output).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }]);
    expect((await sy.api.waitForRun(runIds[1])).steps[0].output).toEqual([{ n: 4 }, { n: 5 }, { n: 6 }]);
    expect(await flow().fireDue(t0 + 599_000)).toEqual([]);
    const last = await flow().fireDue(t0 + 600_000);
    expect(last).toHaveLength(1);
    expect((await sy.api.waitForRun(last[0])).steps[0].output).toEqual([{ n: 7 }]);

    const rows = await storedRequests(sy.db, wf.id);
    const events = rows.filter((r) => r.verdict !== 'accepted');
    expect(events.map((r) => r.verdict)).toEqual(Array(7).fill('batched'));
    expect(events.filter((r) => r.reason === `Joined a batch of 3 with the one bucket (no key): run ${runIds[0]} handled it`)).toHaveLength(
      3,
    );
    const { body: listed } = await sy.api.request('GET', `/api/workflows/${wf.id}/requests?verdict=batched&limit=100`);
    expect(listed.items.map((r: any) => r.runId).sort()).toEqual(
      [...Array(3).fill(runIds[0]), ...Array(3).fill(runIds[1]), last[0]].sort(),
    );
    const batches = rows.filter((r) => r.verdict === 'accepted');
    expect(batches.map((r) => r.run_id).sort()).toEqual([...runIds, ...last].sort());
    expect(batches.map((r) => r.reason).sort()).toEqual([
      'Batch of 1 event with the one bucket (no key)',
      'Batch of 3 events with the one bucket (no key)',
      'Batch of 3 events with the one bucket (no key)',
    ]);
  });

  it('batch by time: the events of a key collected for T seconds run as one list', async () => {
    const wf = await createHookWorkflow(sy.api, { flowControl: { mode: 'batch', key: 'trigger.body.k', size: 100, maxWaitSeconds: 30 } });
    const t0 = at('2026-06-03T08:00:00Z');
    await sendAt(wf.trigger.token, t0, { k: 'x', n: 1 });
    await sendAt(wf.trigger.token, t0 + 10_000, { k: 'y', n: 2 });
    await sendAt(wf.trigger.token, t0 + 20_000, { k: 'x', n: 3 });
    expect(await flow().fireDue(t0 + 29_999)).toEqual([]);
    const xs = await flow().fireDue(t0 + 30_000);
    expect(xs).toHaveLength(1);
    expect((await sy.api.waitForRun(xs[0])).steps[0].output).toEqual([
      { k: 'x', n: 1 },
      { k: 'x', n: 3 },
    ]);
    const ys = await flow().fireDue(t0 + 40_000);
    expect(ys).toHaveLength(1);
    expect((await sy.api.waitForRun(ys[0])).steps[0].output).toEqual([{ k: 'y', n: 2 }]);
  });

  it('two processes firing the same due buckets start each run once', async () => {
    const second = await sy.start({ env: ENV });
    const wf = await createHookWorkflow(sy.api, { flowControl: { mode: 'debounce', key: 'trigger.body.k', windowSeconds: 5 } });
    const t0 = at('2026-06-04T08:00:00Z');
    for (let i = 0; i < 30; i++) await sendAt(wf.trigger.token, t0, { k: `key-${i % 10}`, i });
    const other = second.instance.app.get(FlowController);
    const fired = await Promise.all([flow().fireDue(t0 + 5_000), other.fireDue(t0 + 5_000), flow().fireDue(t0 + 5_000)]);
    const all = fired.flat();
    expect(all).toHaveLength(10);
    expect(new Set(all).size).toBe(10);
    expect(await runsOf(wf.id)).toHaveLength(10);
    const rows = await storedRequests(sy.db, wf.id);
    expect(rows.filter((r) => r.verdict === 'debounced')).toHaveLength(20);
    expect(rows.filter((r) => r.verdict === 'accepted')).toHaveLength(10);
    for (const id of all) expect((await sy.api.waitForRun(id)).status).toBe('succeeded');
  });

  it('held events survive a restart and run afterwards', async () => {
    const wf = await createHookWorkflow(sy.api, { flowControl: { mode: 'batch', size: 10, maxWaitSeconds: 60 } });
    const t0 = at('2026-06-05T08:00:00Z');
    for (let i = 0; i < 4; i++) await sendAt(wf.trigger.token, t0, { i });
    await sy.restart();
    expect(await flow().fireDue(t0 + 59_000)).toEqual([]);
    const runIds = await flow().fireDue(t0 + 60_000);
    expect(runIds).toHaveLength(1);
    expect((await sy.api.waitForRun(runIds[0])).steps[0].output).toEqual([{ i: 0 }, { i: 1 }, { i: 2 }, { i: 3 }]);
  });

  it('rejects a rule with a bad field, naming it', async () => {
    const res = await sy.api.request('POST', '/api/workflows', {
      name: 'Bad flow',
      trigger: { type: 'webhook', flowControl: { mode: 'throttle', limit: 0, periodSeconds: 60 } },
      steps: [{ id: 'echo', type: 'map', expression: 'trigger.body' }],
    });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain('trigger.flowControl.limit');
    const both = await sy.api.request('POST', '/api/workflows', {
      name: 'Flow and dedupe',
      trigger: { type: 'webhook', dedupe: { key: 'trigger.body.id' }, flowControl: { mode: 'debounce', windowSeconds: 5 } },
      steps: [{ id: 'echo', type: 'map', expression: 'trigger.body' }],
    });
    expect(both.status).toBe(400);
    expect(JSON.stringify(both.body)).toContain('trigger.flowControl');
  });
});
