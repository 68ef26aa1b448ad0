import { describe, expect, it } from 'vitest';
import { withinDeadline } from './drain-state';

describe('withinDeadline', () => {
  it('is true when the work settles in time, rejected or not', async () => {
    expect(await withinDeadline(new Promise((r) => setTimeout(r, 5)), 1000)).toBe(true);
    expect(await withinDeadline(Promise.reject(new Error('boom')), 1000)).toBe(true);
  });

  it('is false when the deadline passes first', async () => {
    const started = Date.now();
    expect(await withinDeadline(new Promise(() => undefined), 30)).toBe(false);
    expect(Date.now() - started).toBeLessThan(1000);
  });
});
