import { describe, expect, it } from 'vitest';
import { DEFAULT_LOCKOUT_POLICY as P, failureDelayMs, lockoutFor } from './lockout-policy';

const at = (msAgo: number, now: Date) => new Date(now.getTime() - msAgo);

describe('lockout policy', () => {
  const now = new Date('2026-12-01T12:00:00Z');

  it('locks after 5 failures within 15 minutes, until 15 minutes after the last', () => {
    const four = [1, 2, 3, 4].map((m) => at(m * 60_000, now));
    expect(lockoutFor(four, 5, P, now)).toEqual({ locked: false, lockedUntil: null });
    const five = [...four, at(10_000, now)];
    expect(lockoutFor(five, 5, P, now)).toEqual({ locked: true, lockedUntil: new Date(now.getTime() - 10_000 + 15 * 60_000) });
  });

  it('forgets failures older than the window, and the lock ends on time', () => {
    const spread = [20, 18, 16, 3, 1].map((m) => at(m * 60_000, now));
    expect(lockoutFor(spread, 5, P, now).locked).toBe(false);
    const five = [5, 4, 3, 2, 1].map((s) => at(s * 1000, now));
    const later = new Date(now.getTime() + 15 * 60_000);
    expect(lockoutFor(five, 5, P, later)).toEqual({ locked: false, lockedUntil: null });
  });

  it('delays progressively, capped', () => {
    expect([1, 2, 3, 4, 5, 6, 10].map((n) => failureDelayMs(n, P))).toEqual([0, 200, 400, 800, 1600, 3000, 3000]);
  });
});
