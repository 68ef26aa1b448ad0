import { describe, expect, it } from 'vitest';
import { quietFinding, spikeFinding } from './watch-conditions';

const HOUR = 3_600_000;
const base = { minIntervalMinutes: 60 };

describe('quietFinding', () => {
  const createdAt = new Date('2026-01-01T00:00:00Z');

  it('holds once no request was accepted for quietHours, counted from the last accepted one', () => {
    const last = new Date(createdAt.getTime() + 10 * HOUR);
    const at = (h: number) => new Date(last.getTime() + h * HOUR);
    const settings = { ...base, quietHours: 3 };
    expect(quietFinding({ settings, now: at(2.9), lastAcceptedAt: last, createdAt })?.holds).toBe(false);
    expect(quietFinding({ settings, now: at(3), lastAcceptedAt: last, createdAt })).toEqual({
      kind: 'quiet',
      holds: true,
      details: { quietHours: 3, lastAcceptedAt: last.toISOString(), quietForHours: 3 },
    });
  });

  it('counts from the creation of a workflow that never accepted a request, and is off without quietHours', () => {
    expect(
      quietFinding({ settings: { ...base, quietHours: 1 }, now: new Date(createdAt.getTime() + HOUR), lastAcceptedAt: null, createdAt })
        ?.holds,
    ).toBe(true);
    expect(quietFinding({ settings: base, now: new Date(), lastAcceptedAt: null, createdAt })).toBeNull();
  });
});

describe('spikeFinding', () => {
  it('holds at count refused requests, summing the verdicts', () => {
    const settings = { ...base, refusedSpike: { count: 5, minutes: 10 } };
    expect(spikeFinding({ settings, refused: { bad_signature: 3, ip_denied: 1 } })?.holds).toBe(false);
    expect(spikeFinding({ settings, refused: { bad_signature: 4, ip_denied: 1 } })).toMatchObject({
      holds: true,
      details: { count: 5, threshold: 5 },
    });
    expect(spikeFinding({ settings: base, refused: {} })).toBeNull();
  });
});

describe('quietFinding with an expected schedule', () => {
  const createdAt = new Date('2026-01-01T00:00:00Z');
  const settings = {
    ...base,
    quietHours: 2,
    quietSchedule: {
      timezone: 'UTC',
      days: ['mon' as const, 'tue' as const, 'wed' as const, 'thu' as const, 'fri' as const],
      from: '08:00',
      to: '18:00',
    },
  };
  // Friday 2026-01-16 17:00Z: one expected hour left that day.
  const last = new Date('2026-01-16T17:00:00Z');

  it('does not count the night or the weekend', () => {
    expect(quietFinding({ settings, now: new Date('2026-01-19T07:59:00Z'), lastAcceptedAt: last, createdAt })).toMatchObject({
      holds: false,
      details: { quietForHours: 1 },
    });
    expect(quietFinding({ settings, now: new Date('2026-01-19T09:00:00Z'), lastAcceptedAt: last, createdAt })).toMatchObject({
      holds: true,
      details: { quietHours: 2, quietForHours: 2, quietSchedule: settings.quietSchedule },
    });
  });
});
