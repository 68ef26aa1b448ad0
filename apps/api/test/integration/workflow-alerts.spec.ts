import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { WatchClock } from '../../src/alerts/watch-clock';
import { WorkflowWatcher } from '../../src/alerts/workflow-watcher';
import { startSmtpSink } from '../support/app-sinks';
import { TEST_OWNER } from '../support/client';
import { useSwitchyard } from '../support/use-switchyard';
import { sendHook } from './trigger-helpers';

const HOUR = 3_600_000;
const SMTP = { username: 'alerts@switchyard.test', password: 'smtp-pass-word-42' };

describe('quiet-workflow and refused-spike alerts (under a controlled clock)', () => {
  let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
  beforeAll(async () => {
    smtp = await startSmtpSink(SMTP);
  });
  afterAll(async () => {
    await smtp.close();
  });
  // The periodic job stays out of the way (an hour): the tests evaluate at the times they choose.
  const sy = useSwitchyard({
    env: () => ({
      SWITCHYARD_ALERT_INTERVAL_MS: String(HOUR),
      SWITCHYARD_SMTP_URL: `smtp://${encodeURIComponent(SMTP.username)}:${encodeURIComponent(SMTP.password)}@127.0.0.1:${smtp.port}?security=none`,
    }),
  });
  let at = Date.now();
  const evaluateAt = async (ms: number) => {
    at = ms;
    return sy.instance.app.get(WorkflowWatcher).evaluate();
  };
  const alertsTo = (path: string) => sy.sink.requests.filter((r) => r.url === path).map((r) => JSON.parse(r.body) as Record<string, any>);

  beforeAll(() => {
    vi.spyOn(sy.instance.app.get(WatchClock), 'now').mockImplementation(() => new Date(at));
  });

  it('fires the quiet alert once after the quiet period, and again only in a new episode', async () => {
    const workflow = await sy.api.createWorkflow({
      name: 'Nightly orders',
      trigger: { type: 'webhook' },
      steps: [{ id: 'shape', type: 'map', expression: 'trigger.body' }],
      alerts: { webhookUrl: `${sy.sink.url}/alerts/quiet`, email: ['ops@example.com'], quietHours: 2, minIntervalMinutes: 0 },
    });
    expect((await sy.api.hook(workflow.trigger.token, { n: 1 })).status).toBe(202);
    const t0 = Date.now();

    const mine = (outcomes: Awaited<ReturnType<typeof evaluateAt>>) => outcomes.filter((o) => o.workflowId === workflow.id);
    expect(mine(await evaluateAt(t0 + 1 * HOUR))).toEqual([{ workflowId: workflow.id, kind: 'quiet', action: 'calm' }]);
    expect(alertsTo('/alerts/quiet')).toHaveLength(0);

    expect(mine(await evaluateAt(t0 + 2 * HOUR + 60_000))[0].action).toBe('sent');
    const [alert] = alertsTo('/alerts/quiet');
    expect(alert).toMatchObject({ event: 'workflow.quiet', workflow: { id: workflow.id, name: 'Nightly orders' }, quietHours: 2 });
    expect(alert.quietForHours).toBeGreaterThanOrEqual(2);
    const mail = smtp.mails.find((m) => m.data.includes('Nightly orders'))!;
    expect(mail.to).toEqual(['ops@example.com']);
    expect(mail.data).toContain('Subject: Switchyard: no request accepted by Nightly orders for 2 hours');

    // Still quiet: the same episode, no second alert.
    expect(mine(await evaluateAt(t0 + 5 * HOUR))[0].action).toBe('ongoing');
    expect(mine(await evaluateAt(t0 + 9 * HOUR))[0].action).toBe('ongoing');
    expect(alertsTo('/alerts/quiet')).toHaveLength(1);

    // A request ends the episode; the next quiet period is a new one.
    expect((await sy.api.hook(workflow.trigger.token, { n: 2 })).status).toBe(202);
    expect(mine(await evaluateAt(Date.now() + HOUR))[0].action).toBe('cleared');
    expect(mine(await evaluateAt(Date.now() + 3 * HOUR))[0].action).toBe('sent');
    expect(alertsTo('/alerts/quiet')).toHaveLength(2);
  });

  it('counts only the expected schedule towards the quiet period: fires once inside it, not during the night', async () => {
    // Requests are expected during one hour a day (UTC): the hour after the current one.
    const expectedHour = (new Date().getUTCHours() + 1) % 24;
    const workflow = await sy.api.createWorkflow({
      name: 'Office hours',
      trigger: { type: 'webhook' },
      steps: [{ id: 'shape', type: 'map', expression: 'trigger.body' }],
      alerts: {
        webhookUrl: `${sy.sink.url}/alerts/office`,
        quietHours: 1.5,
        minIntervalMinutes: 0,
        quietSchedule: { timezone: 'UTC', cron: `* ${expectedHour} * * *` },
      },
    });
    expect((await sy.api.hook(workflow.trigger.token, { n: 1 })).status).toBe(202);
    const opens = Math.ceil((Date.now() + 1) / HOUR) * HOUR; // the expected hour starts
    const actionAt = async (ms: number) => (await evaluateAt(ms)).find((o) => o.workflowId === workflow.id)?.action;

    // Without the schedule it would fire 1.5 hours after the request; with it, the first expected hour counts 1.
    expect(await actionAt(opens + HOUR)).toBe('calm');
    // The rest of the day and the night are outside the schedule.
    expect(await actionAt(opens + 12 * HOUR)).toBe('calm');
    expect(await actionAt(opens + 23 * HOUR)).toBe('calm');
    expect(await actionAt(opens + 24 * HOUR + 25 * 60_000)).toBe('calm');
    expect(alertsTo('/alerts/office')).toHaveLength(0);
    // Half an hour into the next day's expected hour: 1.5 hours of expected quiet.
    expect(await actionAt(opens + 24 * HOUR + 31 * 60_000)).toBe('sent');
    expect(await actionAt(opens + 30 * HOUR)).toBe('ongoing');
    const alerts = alertsTo('/alerts/office');
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({
      event: 'workflow.quiet',
      quietHours: 1.5,
      quietForHours: 1.5,
      quietSchedule: { timezone: 'UTC', cron: `* ${expectedHour} * * *` },
    });
  });

  it('refuses an expected schedule with an unknown time zone or a bad window, naming the field', async () => {
    const create = (quietSchedule: unknown) =>
      fetch(`${sy.url}/api/workflows`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${TEST_OWNER.apiKey}` },
        body: JSON.stringify({
          name: 'x',
          trigger: { type: 'webhook' },
          steps: [],
          alerts: { webhookUrl: `${sy.sink.url}/alerts/x`, quietHours: 2, quietSchedule },
        }),
      }).then(async (res) => ({ status: res.status, details: ((await res.json()) as any).error.details }));
    expect(await create({ timezone: 'Mars/Olympus', from: '08:00', to: '18:00' })).toEqual({
      status: 400,
      details: [{ path: 'alerts.quietSchedule.timezone', message: expect.stringMatching(/IANA time zone/) }],
    });
    expect(await create({ timezone: 'UTC', from: '18:00', to: '08:00' })).toEqual({
      status: 400,
      details: [{ path: 'alerts.quietSchedule.to', message: 'must be later than from' }],
    });
    expect((await create({ timezone: 'UTC', cron: '* 99 * * *' })).details[0].path).toBe('alerts.quietSchedule.cron');
  });

  it('rate-limits a kind to one alert per minIntervalMinutes, across episodes', async () => {
    const workflow = await sy.api.createWorkflow({
      name: 'Limited',
      trigger: { type: 'webhook' },
      steps: [{ id: 'shape', type: 'map', expression: 'trigger.body' }],
      alerts: { webhookUrl: `${sy.sink.url}/alerts/limited`, quietHours: 1, minIntervalMinutes: 120 },
    });
    const created = Date.now();
    const actionAt = async (ms: number) => (await evaluateAt(ms)).find((o) => o.workflowId === workflow.id)?.action;
    expect(await actionAt(created + HOUR + 60_000)).toBe('sent');
    await sy.api.hook(workflow.trigger.token, {});
    expect(await actionAt(Date.now())).toBe('cleared');
    expect(await actionAt(Date.now() + HOUR + 120_000)).toBe('rate_limited');
    expect(alertsTo('/alerts/limited')).toHaveLength(1);
    const [state] = await sy.db.query<{ last_result: { skipped: string } }>(
      `SELECT last_result FROM workflow_alert_state WHERE workflow_id = $1 AND kind = 'quiet'`,
      [workflow.id],
    );
    expect(state.last_result.skipped).toMatch(/rate-limited: at most one quiet alert every 120 minutes/);
  });

  it('fires the spike alert after a burst of bad signatures, once', async () => {
    const workflow = await sy.api.createWorkflow({
      name: 'Stripe events',
      trigger: { type: 'webhook', verify: { scheme: 'header-token', secrets: ['the-new-secret-123'] } },
      steps: [{ id: 'shape', type: 'map', expression: 'trigger.body' }],
      alerts: { webhookUrl: `${sy.sink.url}/alerts/spike`, refusedSpike: { count: 5, minutes: 10 } },
    });
    const bad = () => sendHook(sy.url, workflow.trigger.token, { body: '{}', headers: { authorization: 'the-old-secret-123' } });
    const actionNow = async () => (await evaluateAt(Date.now())).find((o) => o.workflowId === workflow.id)?.action;
    for (let i = 0; i < 4; i++) expect((await bad()).status).toBe(401);
    // Accepted requests do not count.
    expect((await sendHook(sy.url, workflow.trigger.token, { body: '{}', headers: { authorization: 'the-new-secret-123' } })).status).toBe(
      202,
    );
    expect(await actionNow()).toBe('calm');
    expect((await bad()).status).toBe(401);
    expect(await actionNow()).toBe('sent');
    expect(await actionNow()).toBe('ongoing');
    const alerts = alertsTo('/alerts/spike');
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({
      event: 'workflow.refused_spike',
      workflow: { id: workflow.id },
      count: 5,
      threshold: 5,
      minutes: 10,
      byVerdict: { bad_signature: 5 },
    });
    // Ten minutes later the burst is out of the window: the episode is over.
    expect((await evaluateAt(Date.now() + 11 * 60_000)).find((o) => o.workflowId === workflow.id)?.action).toBe('cleared');
  });

  it('refuses watch settings with nowhere to send the alert, naming the field', async () => {
    const res = await fetch(`${sy.url}/api/workflows`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${TEST_OWNER.apiKey}` },
      body: JSON.stringify({ name: 'x', trigger: { type: 'webhook' }, steps: [], alerts: { refusedSpike: { count: 3, minutes: 5 } } }),
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { details: Array<{ path: string; message: string }> } };
    expect(body.error.details).toEqual([{ path: 'alerts.refusedSpike', message: expect.stringMatching(/webhookUrl or alerts.email/) }]);
  });

  it('shows a workflow health view: requests per hour by verdict, runs by status, the last success, the alerts', async () => {
    const workflow = await sy.api.createWorkflow({
      name: 'Health',
      trigger: { type: 'webhook', verify: { scheme: 'header-token', secrets: ['health-secret-123'] } },
      steps: [{ id: 'shape', type: 'map', expression: 'trigger.body' }],
      alerts: { webhookUrl: `${sy.sink.url}/alerts/health`, refusedSpike: { count: 2, minutes: 5 } },
    });
    const send = (token: string) =>
      sendHook(sy.url, workflow.trigger.token, { body: '{"a":1}', headers: { authorization: token, 'content-type': 'application/json' } });
    const runIds: string[] = [];
    for (let i = 0; i < 3; i++) runIds.push((await send('health-secret-123')).json.runId);
    for (let i = 0; i < 2; i++) expect((await send('wrong')).status).toBe(401);
    for (const id of runIds) expect((await sy.api.waitForRun(id)).status).toBe('succeeded');
    expect((await evaluateAt(Date.now())).find((o) => o.workflowId === workflow.id)?.action).toBe('sent');

    const res = await sy.api.request('GET', `/api/workflows/${workflow.id}/health`);
    expect(res.status).toBe(200);
    const health = res.body;
    expect(health.hours).toHaveLength(7 * 24);
    const total = (key: 'accepted' | 'refused' | 'other') => health.hours.reduce((n: number, h: any) => n + h[key], 0);
    expect([total('accepted'), total('refused'), total('other')]).toEqual([3, 2, 0]);
    expect(health.hours.at(-1).accepted).toBe(3);
    expect(health.verdicts).toEqual({ accepted: 3, bad_signature: 2 });
    expect(health.runs).toEqual({ succeeded: 3 });
    expect(Date.parse(health.lastSuccessAt)).toBeGreaterThan(Date.now() - 60_000);
    expect(Date.parse(health.lastAcceptedAt)).toBeGreaterThan(Date.now() - 60_000);
    expect(health.alerts).toEqual([{ kind: 'refused_spike', activeSince: expect.any(String), lastSentAt: expect.any(String) }]);

    const bad = await sy.api.request('GET', `/api/workflows/${workflow.id}/health?days=90`);
    expect(bad.status).toBe(400);
    expect(bad.body.error.details).toEqual([{ path: 'days', message: 'must be at most 30' }]);
  });
});
