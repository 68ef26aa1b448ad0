import { describe, expect, it } from 'vitest';
import { formatDateTime, formatRelativeTime } from './format-date';

describe('formatRelativeTime', () => {
  const now = Date.parse('2025-03-10T12:00:00.000Z');
  const ago = (seconds: number) => new Date(now - seconds * 1000).toISOString();

  it.each([
    [5, 'just now'],
    [90, '2 minutes ago'],
    [3 * 3600, '3 hours ago'],
    [24 * 3600, 'yesterday'],
    [3 * 24 * 3600, '3 days ago'],
    [14 * 24 * 3600, '2 weeks ago'],
  ])('%s seconds ago reads "%s"', (seconds, expected) => {
    expect(formatRelativeTime({ iso: ago(seconds), now })).toBe(expected);
  });

  it('handles missing and invalid dates', () => {
    expect(formatRelativeTime({ iso: null, now })).toBe('—');
    expect(formatRelativeTime({ iso: 'not a date', now })).toBe('—');
  });
});

describe('formatDateTime', () => {
  it('formats with seconds in the given zone', () => {
    expect(formatDateTime({ iso: '2025-01-05T14:03:07.120Z', locale: 'en-US', timeZone: 'UTC' })).toBe('Jan 5, 2025, 14:03:07');
  });

  it('renders a dash for missing values', () => {
    expect(formatDateTime({ iso: undefined })).toBe('—');
  });
});
