import { describe, expect, it } from 'vitest';
import { isTimeRange, localToIso, timeBounds } from './time-range';

const NOW = Date.parse('2026-11-23T12:00:00Z');

describe('timeBounds', () => {
  it('leaves "any time" unbounded', () => {
    expect(timeBounds({ range: 'all', now: NOW })).toEqual({});
  });

  it('counts relative ranges back from now', () => {
    expect(timeBounds({ range: '1h', now: NOW })).toEqual({ since: '2026-11-23T11:00:00.000Z' });
    expect(timeBounds({ range: '24h', now: NOW })).toEqual({ since: '2026-11-22T12:00:00.000Z' });
    expect(timeBounds({ range: '7d', now: NOW })).toEqual({ since: '2026-11-16T12:00:00.000Z' });
  });

  it('passes custom bounds through, dropping unreadable ones', () => {
    const bounds = timeBounds({ range: 'custom', now: NOW, since: '2026-11-20T08:30', until: 'nope' });
    expect(bounds.until).toBeUndefined();
    expect(bounds.since).toBe(new Date('2026-11-20T08:30').toISOString());
  });
});

describe('isTimeRange and localToIso', () => {
  it('recognises the offered ranges only', () => {
    expect(['all', '1h', '24h', '7d', 'custom'].every((value) => isTimeRange(value))).toBe(true);
    expect(isTimeRange('2h')).toBe(false);
    expect(isTimeRange(null)).toBe(false);
  });

  it('ignores empty values', () => {
    expect(localToIso('')).toBeUndefined();
    expect(localToIso(undefined)).toBeUndefined();
  });
});
