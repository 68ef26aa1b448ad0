import { describe, expect, it } from 'vitest';
import { planFirings } from './catch-up';

const minute = 60_000;
const now = 100 * minute;

describe('planFirings', () => {
  it('fires a time that is due now, whatever the policy', () => {
    for (const policy of ['skip', 'once', 'each'] as const) {
      expect(planFirings({ due: [now - 2000], total: 1, now, policy, limit: 10 })).toEqual([{ scheduledFor: now - 2000, covers: 0 }]);
    }
  });

  it('skips missed times with skip', () => {
    expect(planFirings({ due: [now - 30 * minute, now - 20 * minute], total: 2, now, policy: 'skip', limit: 10 })).toEqual([]);
    expect(planFirings({ due: [now - 30 * minute, now - 10], total: 2, now, policy: 'skip', limit: 10 })).toEqual([
      { scheduledFor: now - 10, covers: 0 },
    ]);
  });

  it('fires once for all missed times with once', () => {
    expect(planFirings({ due: [now - 30 * minute, now - 20 * minute], total: 5, now, policy: 'once', limit: 10 })).toEqual([
      { scheduledFor: now - 20 * minute, covers: 4 },
    ]);
    // With a time on time, that firing stands for the missed ones too.
    expect(planFirings({ due: [now - 30 * minute, now - 10], total: 3, now, policy: 'once', limit: 10 })).toEqual([
      { scheduledFor: now - 10, covers: 2 },
    ]);
  });

  it('fires each missed time up to the limit with each, the most recent ones', () => {
    const due = [now - 40 * minute, now - 30 * minute, now - 20 * minute, now - 10 * minute];
    expect(planFirings({ due, total: 9, now, policy: 'each', limit: 2 }).map((f) => f.scheduledFor)).toEqual([
      now - 20 * minute,
      now - 10 * minute,
    ]);
  });
});
