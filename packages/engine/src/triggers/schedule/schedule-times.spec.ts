import { describe, expect, it } from 'vitest';
import { nextScheduleTimes, scheduleProblem, scheduleTimesBetween } from './schedule-times';

const iso = (times: number[]) => times.map((t) => new Date(t).toISOString());

describe('schedule times', () => {
  it('reads the pattern in its time zone', () => {
    const times = nextScheduleTimes({ cron: '0 9 * * 1-5', timezone: 'Europe/Paris', after: Date.parse('2026-01-02T12:00:00Z'), count: 3 });
    // Friday 2 January 2026 after noon: Monday 5, Tuesday 6, Wednesday 7 at 09:00 CET (08:00 UTC).
    expect(iso(times)).toEqual(['2026-01-05T08:00:00.000Z', '2026-01-06T08:00:00.000Z', '2026-01-07T08:00:00.000Z']);
  });

  it('fires a time inside the spring-forward gap once, just after the gap (Europe/Paris, 29 March 2026)', () => {
    const times = nextScheduleTimes({ cron: '30 2 * * *', timezone: 'Europe/Paris', after: Date.parse('2026-03-28T00:00:00Z'), count: 3 });
    expect(iso(times)).toEqual(['2026-03-28T01:30:00.000Z', '2026-03-29T01:00:00.000Z', '2026-03-30T00:30:00.000Z']);
  });

  it('fires a time repeated by the fall-back once (Europe/Paris, 25 October 2026)', () => {
    const times = nextScheduleTimes({ cron: '30 2 * * *', timezone: 'Europe/Paris', after: Date.parse('2026-10-24T00:00:00Z'), count: 3 });
    expect(iso(times)).toEqual(['2026-10-24T00:30:00.000Z', '2026-10-25T00:30:00.000Z', '2026-10-26T01:30:00.000Z']);
  });

  it('lists missed times, keeping the most recent when there are more than asked', () => {
    const missed = scheduleTimesBetween({
      cron: '0 * * * *',
      timezone: 'UTC',
      after: Date.parse('2026-05-01T00:00:00Z'),
      until: Date.parse('2026-05-01T05:30:00Z'),
      max: 2,
    });
    expect(missed.total).toBe(5);
    expect(iso(missed.times)).toEqual(['2026-05-01T04:00:00.000Z', '2026-05-01T05:00:00.000Z']);
  });

  it('explains bad patterns and time zones', () => {
    expect(scheduleProblem({ cron: '0 9 * * 1-5', timezone: 'Europe/Paris' })).toBeNull();
    expect(scheduleProblem({ cron: '61 * * * *', timezone: 'UTC' })).toMatchObject({
      field: 'cron',
      message: expect.stringContaining('minute'),
    });
    expect(scheduleProblem({ cron: '* * * *', timezone: 'UTC' })).toEqual({
      field: 'cron',
      message: 'must have 5 fields (minute hour day-of-month month day-of-week), not 4',
    });
    expect(scheduleProblem({ cron: '0 0 30 2 *', timezone: 'UTC' })).toEqual({ field: 'cron', message: 'never fires' });
    expect(scheduleProblem({ cron: '* * * * *', timezone: 'Mars/Olympus' })?.field).toBe('timezone');
  });
});
