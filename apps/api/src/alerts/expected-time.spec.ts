import { describe, expect, it } from 'vitest';
import { expectedTimeBetween, zonedInstant } from './expected-time';

const HOUR = 3_600_000;
const at = (iso: string) => Date.parse(iso);
const weekdays = { timezone: 'Europe/Paris', days: ['mon', 'tue', 'wed', 'thu', 'fri'] as const, from: '08:00', to: '18:00' };
const schedule = { ...weekdays, days: [...weekdays.days] };

describe('zonedInstant', () => {
  it('maps a wall time to its instant, across daylight-saving changes', () => {
    expect(zonedInstant(at('2026-01-15T08:00:00Z'), 'Europe/Paris')).toBe(at('2026-01-15T07:00:00Z'));
    expect(zonedInstant(at('2026-07-15T08:00:00Z'), 'Europe/Paris')).toBe(at('2026-07-15T06:00:00Z'));
    // 02:30 does not exist on 29 March 2026 in Paris: shifted forward by the gap.
    expect(zonedInstant(at('2026-03-29T02:30:00Z'), 'Europe/Paris')).toBe(at('2026-03-29T01:30:00Z'));
    // 02:30 happens twice on 25 October 2026: the first one.
    expect(zonedInstant(at('2026-10-25T02:30:00Z'), 'Europe/Paris')).toBe(at('2026-10-25T00:30:00Z'));
  });
});

describe('expectedTimeBetween', () => {
  const big = 1000 * HOUR;

  it('counts only the weekly windows, in the time zone', () => {
    // Friday 2026-01-16 17:00 Paris (16:00Z) to Monday 2026-01-19 09:30 Paris (08:30Z): 1 h Friday + 1.5 h Monday.
    expect(expectedTimeBetween(schedule, at('2026-01-16T16:00:00Z'), at('2026-01-19T08:30:00Z'), big)).toBe(2.5 * HOUR);
    // A night: nothing.
    expect(expectedTimeBetween(schedule, at('2026-01-14T17:00:00Z'), at('2026-01-15T07:00:00Z'), big)).toBe(0);
    // A whole week: 5 x 10 h.
    expect(expectedTimeBetween(schedule, at('2026-01-11T23:00:00Z'), at('2026-01-18T23:00:00Z'), big)).toBe(50 * HOUR);
  });

  it('stops at enough', () => {
    expect(expectedTimeBetween(schedule, at('2026-01-11T23:00:00Z'), at('2026-01-18T23:00:00Z'), 3 * HOUR)).toBe(3 * HOUR);
  });

  it('counts each minute a cron pattern matches', () => {
    const cron = { timezone: 'America/New_York', cron: '* 9-11 * * 1-5' };
    // Monday 2026-01-12, New York is UTC-5: 09:00-12:00 local is 14:00-17:00Z.
    expect(expectedTimeBetween(cron, at('2026-01-12T13:00:00Z'), at('2026-01-12T15:30:00Z'), big)).toBe(1.5 * HOUR);
    expect(expectedTimeBetween(cron, at('2026-01-12T00:00:00Z'), at('2026-01-13T00:00:00Z'), big)).toBe(3 * HOUR);
    expect(expectedTimeBetween(cron, at('2026-01-17T00:00:00Z'), at('2026-01-19T00:00:00Z'), big)).toBe(0);
  });
});
