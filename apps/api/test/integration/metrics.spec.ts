import { describe, expect, it } from 'vitest';
import { MetricsServer } from '../../src/observability/metrics-server';
import { REDIS_URL } from '../support/database';
import { Scrape } from '../support/prometheus';
import { useSwitchyard, type StartedSwitchyard } from '../support/use-switchyard';
import { mapFilterHttp } from '../support/workflows';
import { sendHook } from './trigger-helpers';

const TOKEN = 'metrics-token-0123456789';
const metricsUrl = (started: StartedSwitchyard) => `${started.instance.app.get(MetricsServer).url}/metrics`;

describe('GET /metrics of one process (role all)', () => {
  const sy = useSwitchyard({
    env: { SWITCHYARD_METRICS_PORT: '0', SWITCHYARD_METRICS_TOKEN: TOKEN, SWITCHYARD_METRICS_WORKFLOW_LABELS: 'true' },
  });
  const scrape = () => Scrape.from(`${sy.instance.app.get(MetricsServer).url}/metrics`);

  it('moves the webhook, run, step, batch and egress figures by the traffic sent', async () => {
    const orders = await sy.api.createWorkflow(mapFilterHttp(sy.sink.url));
    const guarded = await sy.api.createWorkflow({
      name: 'Guarded',
      trigger: { type: 'webhook', verify: { scheme: 'header-token', secrets: ['the-right-token-123'] } },
      steps: [{ id: 'shape', type: 'map', expression: 'trigger.body' }],
    });
    const blocked = await sy.api.createWorkflow({
      name: 'Blocked',
      trigger: { type: 'webhook' },
      // 127.0.0.2 is loopback but outside SWITCHYARD_EGRESS_ALLOW=127.0.0.1/32: refused without connecting.
      steps: [{ id: 'send', type: 'http', method: 'GET', url: `http://127.0.0.2:${sy.sink.port}/nope` }],
    });
    const before = await scrape();

    const runIds: string[] = [];
    for (const id of ['M-1', 'M-2', 'M-3']) runIds.push((await sy.api.hook(orders.trigger.token, { id, amount: 20 })).body.runId);
    runIds.push((await sy.api.hook(orders.trigger.token, { id: 'small', amount: 1 })).body.runId);
    for (let i = 0; i < 2; i++)
      expect((await sendHook(sy.url, guarded.trigger.token, { body: '{}', headers: { authorization: 'wrong-token' } })).status).toBe(401);
    expect((await sendHook(sy.url, 'no-such-token-at-all', { body: '{}' })).status).toBe(404);
    runIds.push((await sy.api.hook(blocked.trigger.token, {})).body.runId);
    const runs = await Promise.all(runIds.map((id) => sy.api.waitForRun(id)));
    expect(runs.map((r) => r.status)).toEqual(['succeeded', 'succeeded', 'succeeded', 'filtered', 'failed']);

    const after = await scrape();
    const moved = (name: string, labels: Record<string, string> = {}) => after.value(name, labels) - before.value(name, labels);

    const received = 'switchyard_webhooks_received_total';
    expect(moved(received, { verdict: 'accepted', status: '202', workflow: orders.id })).toBe(4);
    expect(moved(received, { verdict: 'bad_signature', status: '401', workflow: guarded.id })).toBe(2);
    expect(moved(received, { verdict: 'unknown_trigger', status: '404' })).toBe(1);
    expect(moved(received)).toBe(8);
    expect(moved('switchyard_ingest_duration_seconds_count')).toBe(8);
    expect(moved('switchyard_ingest_duration_seconds_count', { verdict: 'bad_signature' })).toBe(2);
    // Every stored request went through a group-commit batch (the 404 was not stored).
    expect(moved('switchyard_group_commit_batch_size_sum')).toBe(7);

    expect(moved('switchyard_runs_started_total', { workflow: orders.id })).toBe(4);
    expect(moved('switchyard_runs_finished_total', { status: 'succeeded', workflow: orders.id })).toBe(3);
    expect(moved('switchyard_runs_finished_total', { status: 'filtered', workflow: orders.id })).toBe(1);
    expect(moved('switchyard_runs_finished_total', { status: 'failed', workflow: blocked.id })).toBe(1);
    expect(moved('switchyard_run_duration_seconds_count', { status: 'succeeded' })).toBe(3);
    expect(moved('switchyard_step_duration_seconds_count', { type: 'map', status: 'succeeded' })).toBe(4);
    expect(moved('switchyard_step_duration_seconds_count', { type: 'http', status: 'succeeded' })).toBe(3);
    expect(moved('switchyard_step_duration_seconds_count', { type: 'http', status: 'failed' })).toBe(1);
    expect(moved('switchyard_egress_refusals_total', { range: 'loopback' })).toBe(1);

    expect(after.value('switchyard_queue_depth')).toBe(0);
    expect(after.value('switchyard_queue_oldest_age_seconds')).toBe(0);
    expect(after.has('switchyard_waiting_runs')).toBe(true);
    expect(after.labelSets('switchyard_db_pool_connections').map((l) => `${l.pool}/${l.state}`)).toEqual(
      expect.arrayContaining(['main/idle', 'main/busy', 'main/waiting', 'ingest/idle', 'ingest/busy', 'ingest/waiting']),
    );
    expect(after.has('nodejs_eventloop_lag_seconds', { role: 'all' })).toBe(true);
    // Bounded labels: never a run id anywhere.
    for (const s of after.samples) for (const value of Object.values(s.labels)) expect(runIds).not.toContain(value);
  });

  it('counts step retries, the sweeper waking the waiting run, and the dead letter', async () => {
    const workflow = await sy.api.createWorkflow({
      name: 'Always failing',
      trigger: { type: 'webhook' },
      autoReplay: { enabled: true, schedule: ['1s'] },
      steps: [
        {
          id: 'send',
          type: 'http',
          method: 'POST',
          url: `${sy.sink.url}/fail/metrics`,
          body: 'trigger.body',
          retry: { maxAttempts: 2, initialDelayMs: 100 },
        },
      ],
    });
    const before = await scrape();
    sy.sink.respondWith(503, { message: 'down' });
    try {
      const { body } = await sy.api.hook(workflow.trigger.token, {});
      expect((await sy.api.waitForRun(body.runId)).status).toBe('failed');
      // The auto-replay (after 1 s) fails too, with its own retry: then the schedule is used up.
      const deadline = Date.now() + 20_000;
      let after = await scrape();
      while (after.value('switchyard_dead_letters_total', { workflow: workflow.id }) < 1 && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 200));
        after = await scrape();
      }
      const moved = (name: string, labels: Record<string, string> = {}) => after.value(name, labels) - before.value(name, labels);
      expect(moved('switchyard_dead_letters_total', { workflow: workflow.id })).toBe(1);
      expect(moved('switchyard_step_retries_total', { type: 'http' })).toBe(2);
      expect(moved('switchyard_runs_finished_total', { status: 'waiting', workflow: workflow.id })).toBe(2);
      expect(moved('switchyard_runs_finished_total', { status: 'failed', workflow: workflow.id })).toBe(2);
      // Each waiting run was woken by the sweeper when its retry was due.
      expect(moved('switchyard_sweeper_recoveries_total')).toBeGreaterThanOrEqual(2);
    } finally {
      sy.sink.respondWith(200);
    }
  });

  it('serves /metrics on the main port only with the token', async () => {
    expect((await fetch(`${sy.url}/metrics`)).status).toBe(401);
    expect((await fetch(`${sy.url}/metrics`, { headers: { authorization: 'Bearer not-the-token-at-all' } })).status).toBe(401);
    const res = await fetch(`${sy.url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(await res.text()).toMatch(/^# HELP /m);
  });

  it('answers only GET /metrics on the metrics port', async () => {
    const base = sy.instance.app.get(MetricsServer).url as string;
    expect((await fetch(`${base}/api/health/live`)).status).toBe(404);
    expect((await fetch(`${base}/metrics`, { method: 'POST' })).status).toBe(404);
  });
});

describe('metrics per role: an api process and a worker', () => {
  const sy = useSwitchyard({ server: false });

  it('reports the queue from the api while no worker runs, and the executions from the worker', async () => {
    const api = await sy.start({ role: 'api', redisUrl: REDIS_URL, env: { SWITCHYARD_METRICS_PORT: '0' } });
    const workflow = await api.api!.createWorkflow(mapFilterHttp(sy.sink.url));
    const ids: string[] = [];
    for (const id of ['Q-1', 'Q-2']) ids.push((await api.api!.hook(workflow.trigger.token, { id, amount: 30 })).body.runId);
    await new Promise((r) => setTimeout(r, 1100));

    const waiting = await Scrape.from(metricsUrl(api));
    expect(waiting.value('switchyard_queue_depth', { role: 'api' })).toBe(2);
    expect(waiting.value('switchyard_queue_oldest_age_seconds')).toBeGreaterThanOrEqual(1);
    expect(waiting.value('switchyard_webhooks_received_total', { verdict: 'accepted' })).toBe(2);
    // Workflow ids only when the operator opts in.
    expect(waiting.labelSets('switchyard_webhooks_received_total').every((l) => !('workflow' in l))).toBe(true);
    expect(waiting.value('switchyard_runs_started_total')).toBe(0);

    const worker = await sy.start({ role: 'worker', redisUrl: REDIS_URL, env: { SWITCHYARD_METRICS_PORT: '0' } });
    const runs = await Promise.all(ids.map((id) => api.api!.waitForRun(id)));
    expect(runs.map((r) => r.status)).toEqual(['succeeded', 'succeeded']);

    const worked = await Scrape.from(metricsUrl(worker));
    expect(worked.value('switchyard_runs_started_total', { role: 'worker' })).toBe(2);
    expect(worked.value('switchyard_runs_finished_total', { status: 'succeeded' })).toBe(2);
    expect(worked.value('switchyard_step_duration_seconds_count', { type: 'http' })).toBe(2);
    expect(worked.value('switchyard_queue_depth')).toBe(0);
    // The worker takes no webhooks: its counters of them never move.
    expect(worked.value('switchyard_webhooks_received_total')).toBe(0);
    expect((await Scrape.from(metricsUrl(api))).value('switchyard_runs_started_total')).toBe(0);
  });
});
