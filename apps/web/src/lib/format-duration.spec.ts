import { describe, expect, it } from 'vitest';
import { elapsedMs, formatDuration } from './format-duration';

describe('formatDuration', () => {
  it.each([
    [0, '0 ms'],
    [7.4, '7 ms'],
    [340, '340 ms'],
    [999, '999 ms'],
    [1000, '1.00 s'],
    [1239, '1.23 s'],
    [12_549, '12.5 s'],
    [59_999, '59.9 s'],
    [60_000, '1m 00s'],
    [125_000, '2m 05s'],
    [3_600_000, '1h 00m'],
    [3_780_000, '1h 03m'],
  ])('formats %s ms as %s', (ms, expected) => {
    expect(formatDuration(ms)).toBe(expected);
  });

  it('renders unknown durations as a dash', () => {
    expect(formatDuration(null)).toBe('—');
    expect(formatDuration(undefined)).toBe('—');
    expect(formatDuration(-5)).toBe('—');
    expect(formatDuration(Number.NaN)).toBe('—');
  });
});

describe('elapsedMs', () => {
  const now = Date.parse('2025-01-01T00:00:10.000Z');

  it('prefers the recorded duration', () => {
    expect(elapsedMs({ durationMs: 42, startedAt: '2025-01-01T00:00:00.000Z', finishedAt: null, now })).toBe(42);
  });

  it('measures from the timestamps, up to now while running', () => {
    expect(elapsedMs({ durationMs: null, startedAt: '2025-01-01T00:00:00.000Z', finishedAt: '2025-01-01T00:00:01.500Z', now })).toBe(1500);
    expect(elapsedMs({ durationMs: null, startedAt: '2025-01-01T00:00:00.000Z', finishedAt: null, now })).toBe(10_000);
  });

  it('is null before the start', () => {
    expect(elapsedMs({ durationMs: null, startedAt: null, finishedAt: null, now })).toBeNull();
  });
});
