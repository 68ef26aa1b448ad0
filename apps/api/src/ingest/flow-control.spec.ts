import { describe, expect, it } from 'vitest';
import { nextSlot } from './flow-control';

describe('nextSlot (throttle)', () => {
  it('starts at once while fewer than the limit started in the period', () => {
    expect(nextSlot([], 1000, 2, 60_000)).toBe(1000);
    expect(nextSlot([500], 1000, 2, 60_000)).toBe(1000);
  });

  it('delays to a period after the limit-th last start, never more than the limit in any period', () => {
    const starts: number[] = [];
    for (let i = 0; i < 7; i++) starts.push(nextSlot(starts.slice(-3), 0, 3, 10_000));
    expect(starts).toEqual([0, 0, 0, 10_000, 10_000, 10_000, 20_000]);
  });

  it('a quiet key starts at once again', () => {
    expect(nextSlot([0, 1000], 70_000, 2, 60_000)).toBe(70_000);
  });
});
