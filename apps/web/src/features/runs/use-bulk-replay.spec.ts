import { describe, expect, it } from 'vitest';
import { summariseProgress } from './use-bulk-replay';

describe('summariseProgress', () => {
  it('counts finished runs and tallies statuses, unknown ones as queued', () => {
    const progress = summariseProgress(
      new Map([
        ['a', 'succeeded'],
        ['b', 'running'],
        ['c', 'failed'],
      ]),
      ['a', 'b', 'c', 'd'],
    );
    expect(progress).toEqual({ total: 4, finished: 2, done: false, byStatus: { succeeded: 1, running: 1, failed: 1, queued: 1 } });
  });

  it('is done when every run finished', () => {
    expect(summariseProgress(new Map([['a', 'filtered']]), ['a']).done).toBe(true);
  });
});
