import { describe, expect, it } from 'vitest';
import { TriggerScheduler } from '../../src/triggers/schedule/trigger-scheduler';
import { useSwitchyard } from '../support/use-switchyard';

const at = (iso: string) => Date.parse(iso);
const OFF = { SWITCHYARD_SCHEDULER_INTERVAL_MS: '0' };

describe('schedule trigger', () => {
  const sy = useSwitchyard({ env: OFF });
  const scheduler = () => sy.instance.app.get(TriggerScheduler);

  const schedule = (name: string, trigger: Record<string, unknown>) =>
    sy.api.createWorkflow({
      name,
      trigger: { type: 'schedule', ...trigger },
      steps: [{ id: 'echo', type: 'map', expression: 'trigger.body' }],
    });

  async function fired(workflowId: string): Promise<any[]> {
    const { body } = await sy.api.request('GET', `/api/workflows/${workflowId}/requests?verdict=scheduled&limit=100`);
    return [...body.items].reverse();
  }

  it('fires a time inside the spring-forward gap once, at 03:00 CEST (Europe/Paris, 29 March 2026)', async () => {
    const wf = await schedule('Spring', { cron: '30 2 * * *', timezone: 'Europe/Paris' });
    await scheduler().tick(at('2026-03-28T12:00:00Z'));
    expect(await fired(wf.id)).toHaveLength(0);
    expect(await scheduler().tick(at('2026-03-29T00:59:59Z'))).toEqual([]);
    const runIds = await scheduler().tick(at('2026-03-29T01:00:04Z'));
    expect(runIds).toHaveLength(1);
    expect(await scheduler().tick(at('2026-03-29T01:00:09Z'))).toEqual([]);
    const requests = await fired(wf.id);
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({
      verdict: 'scheduled',
      method: 'SCHEDULE',
      reason: 'Scheduled for 2026-03-29T01:00:00.000Z (Europe/Paris)',
      runId: runIds[0],
      trigger: { body: { scheduledFor: '2026-03-29T01:00:00.000Z', timezone: 'Europe/Paris', cron: '30 2 * * *', missed: 0 } },
    });
    const run = await sy.api.waitForRun(runIds[0]);
    expect(run.status).toBe('succeeded');
    expect(run.steps[0].output.scheduledFor).toBe('2026-03-29T01:00:00.000Z');
    // The next night is a normal one again: 02:30 CEST is 00:30 UTC.
    expect(await scheduler().tick(at('2026-03-30T00:30:01Z'))).toHaveLength(1);
  });

  it('fires a wall time repeated by the fall-back once, and an every-30-minutes pattern through both hours (25 October 2026)', async () => {
    const once = await schedule('Autumn once', { cron: '30 2 * * *', timezone: 'Europe/Paris' });
    const every = await schedule('Autumn every 30', { cron: '*/30 * * * *', timezone: 'Europe/Paris' });
    await scheduler().tick(at('2026-10-25T00:10:00Z'));
    for (const time of ['00:30:02', '01:00:02', '01:30:02', '02:00:02']) await scheduler().tick(at(`2026-10-25T${time}Z`));
    expect((await fired(once.id)).map((r) => r.trigger.body.scheduledFor)).toEqual(['2026-10-25T00:30:00.000Z']);
    expect((await fired(every.id)).map((r) => r.trigger.body.scheduledFor)).toEqual([
      '2026-10-25T00:30:00.000Z',
      '2026-10-25T01:00:00.000Z',
      '2026-10-25T01:30:00.000Z',
      '2026-10-25T02:00:00.000Z',
    ]);
  });

  it('catches up after downtime by its policy: skip, once, or each up to the limit', async () => {
    const skip = await schedule('Skip', { cron: '0 * * * *' });
    const once = await schedule('Once', { cron: '0 * * * *', catchUp: { policy: 'once' } });
    const each = await schedule('Each', { cron: '0 * * * *', catchUp: { policy: 'each', limit: 3 } });
    await scheduler().tick(at('2026-05-01T00:10:00Z'));
    // Down from 00:10 to 06:00:30: 01:00 … 05:00 were missed, 06:00 is on time.
    await scheduler().tick(at('2026-05-01T06:00:30Z'));
    expect((await fired(skip.id)).map((r) => r.trigger.body.scheduledFor)).toEqual(['2026-05-01T06:00:00.000Z']);
    const onceFired = await fired(once.id);
    expect(onceFired.map((r) => [r.trigger.body.scheduledFor, r.trigger.body.missed])).toEqual([['2026-05-01T06:00:00.000Z', 5]]);
    expect((await fired(each.id)).map((r) => r.trigger.body.scheduledFor)).toEqual([
      '2026-05-01T03:00:00.000Z',
      '2026-05-01T04:00:00.000Z',
      '2026-05-01T05:00:00.000Z',
      '2026-05-01T06:00:00.000Z',
    ]);
    // Down again, back at 09:30: 07:00, 08:00 and 09:00 are all missed, none on time.
    await scheduler().tick(at('2026-05-01T09:30:00Z'));
    expect(await fired(skip.id)).toHaveLength(1);
    const onceAgain = (await fired(once.id)).slice(1);
    expect(onceAgain).toHaveLength(1);
    expect(onceAgain[0]).toMatchObject({
      reason: 'Catch-up (once) for 3 times missed, the last scheduled for 2026-05-01T09:00:00.000Z (UTC)',
      trigger: { body: { scheduledFor: '2026-05-01T09:00:00.000Z', missed: 2 } },
    });
    expect((await fired(each.id)).slice(4).map((r) => r.trigger.body.scheduledFor)).toEqual([
      '2026-05-01T07:00:00.000Z',
      '2026-05-01T08:00:00.000Z',
      '2026-05-01T09:00:00.000Z',
    ]);
  });

  it('fires each time exactly once with two processes ticking at once', async () => {
    const second = await sy.start({ env: OFF });
    const other = second.instance.app.get(TriggerScheduler);
    const workflows = [];
    for (let i = 0; i < 5; i++) workflows.push(await schedule(`Twice ${i}`, { cron: '*/5 * * * *' }));
    await Promise.all([scheduler().tick(at('2026-06-01T10:01:00Z')), other.tick(at('2026-06-01T10:01:00Z'))]);
    const started: string[] = [];
    for (const time of ['10:05:01', '10:05:02', '10:10:01']) {
      const [a, b] = await Promise.all([scheduler().tick(at(`2026-06-01T${time}Z`)), other.tick(at(`2026-06-01T${time}Z`))]);
      started.push(...a, ...b);
    }
    expect(started).toHaveLength(10);
    for (const wf of workflows) {
      expect((await fired(wf.id)).map((r) => r.trigger.body.scheduledFor)).toEqual([
        '2026-06-01T10:05:00.000Z',
        '2026-06-01T10:10:00.000Z',
      ]);
    }
  });

  it('lists what fires next across the workspace, and forgets a workflow switched off', async () => {
    const wf = await schedule('Weekdays', { cron: '0 9 * * 1-5', timezone: 'Europe/Paris' });
    await scheduler().tick(at('2026-01-02T12:00:00Z'));
    const upcoming = await sy.api.request('GET', '/api/triggers/upcoming');
    expect(upcoming.status).toBe(200);
    const item = upcoming.body.items.find((i: any) => i.workflowId === wf.id);
    expect(item).toMatchObject({
      type: 'schedule',
      workflowName: 'Weekdays',
      cron: '0 9 * * 1-5',
      timezone: 'Europe/Paris',
      nextAt: '2026-01-05T08:00:00.000Z',
      nextTimes: [
        '2026-01-05T08:00:00.000Z',
        '2026-01-06T08:00:00.000Z',
        '2026-01-07T08:00:00.000Z',
        '2026-01-08T08:00:00.000Z',
        '2026-01-09T08:00:00.000Z',
      ],
    });
    await sy.api.request('PATCH', `/api/workflows/${wf.id}`, { active: false });
    await scheduler().tick(at('2026-01-05T08:00:01Z'));
    expect(await fired(wf.id)).toHaveLength(0);
    const after = await sy.api.request('GET', '/api/triggers/upcoming');
    expect(after.body.items.some((i: any) => i.workflowId === wf.id)).toBe(false);
  });

  it('refuses a bad pattern or time zone with the field and the reason', async () => {
    const bad = await sy.api.request('POST', '/api/workflows', {
      name: 'Bad',
      trigger: { type: 'schedule', cron: '0 25 * * *', timezone: 'Europe/Paris' },
      steps: [],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0]).toMatchObject({ path: 'trigger.cron', message: expect.stringContaining('hour') });
    const zone = await sy.api.request('POST', '/api/workflows', {
      name: 'Bad',
      trigger: { type: 'schedule', cron: '0 9 * * *', timezone: 'Paris' },
      steps: [],
    });
    expect(zone.body.error.details[0].path).toBe('trigger.timezone');
  });
});
