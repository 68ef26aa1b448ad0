import { describe, expect, it } from 'vitest';
import { mergeLoopItems, nextLoopOffset, stepAnchorId, timelineSpan } from './StepList';

const runStart = Date.parse('2026-11-23T10:00:00.000Z');
const runEnd = runStart + 1000;

describe('timelineSpan', () => {
  it('places a step inside the run span', () => {
    const span = timelineSpan({
      step: {
        id: 's',
        type: 'http',
        status: 'succeeded',
        attempts: 1,
        startedAt: '2026-11-23T10:00:00.250Z',
        finishedAt: '2026-11-23T10:00:00.750Z',
      },
      runStart,
      runEnd,
    });
    expect(span).toEqual({ left: 25, width: 50 });
  });

  it('skips reused and unstarted steps', () => {
    expect(
      timelineSpan({
        step: { id: 's', type: 'map', status: 'succeeded', attempts: 0, startedAt: '2026-11-23T09:00:00Z' },
        runStart,
        runEnd,
      }),
    ).toBeNull();
    expect(timelineSpan({ step: { id: 's', type: 'map', status: 'skipped' }, runStart, runEnd })).toBeNull();
  });
});

describe('loop item pages', () => {
  const item = (index: number, status: 'succeeded' | 'failed' = 'succeeded') => ({ index, status, steps: [] });
  it('merges pages by index without repeating the failed items the detail already had', () => {
    const first = [item(0), item(1), item(7, 'failed')];
    const merged = mergeLoopItems(first, [item(2), item(7, 'failed'), item(3)]);
    expect(merged.map((i) => i.index)).toEqual([0, 1, 2, 3, 7]);
  });

  it('asks for the next page after the first gap', () => {
    expect(nextLoopOffset([])).toBe(0);
    expect(nextLoopOffset([item(0), item(1), item(130, 'failed')])).toBe(2);
    expect(nextLoopOffset([item(0), item(1), item(2)])).toBe(3);
  });
});

describe('stepAnchorId', () => {
  it('keeps top-level ids as they were and makes nested keys usable as element ids', () => {
    expect(stepAnchorId('send')).toBe('step-send');
    expect(stepAnchorId('each[130].route.1.bad')).toBe('step-each-130--route-1-bad');
  });
});
