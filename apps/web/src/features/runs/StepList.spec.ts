import { describe, expect, it } from 'vitest';
import { timelineSpan } from './StepList';

const runStart = Date.parse('2026-11-23T10:00:00.000Z');
const runEnd = runStart + 1000;

describe('timelineSpan', () => {
  it('places a step inside the run span', () => {
    const span = timelineSpan({
      step: { id: 's', type: 'http', status: 'succeeded', attempts: 1, startedAt: '2026-11-23T10:00:00.250Z', finishedAt: '2026-11-23T10:00:00.750Z' },
      runStart,
      runEnd,
    });
    expect(span).toEqual({ left: 25, width: 50 });
  });

  it('skips reused and unstarted steps', () => {
    expect(timelineSpan({ step: { id: 's', type: 'map', status: 'succeeded', attempts: 0, startedAt: '2026-11-23T09:00:00Z' }, runStart, runEnd })).toBeNull();
    expect(timelineSpan({ step: { id: 's', type: 'map', status: 'skipped' }, runStart, runEnd })).toBeNull();
  });
});
