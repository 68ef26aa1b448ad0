/** Time windows offered by the run lists; `custom` reads `since` and `until` as given. */
export type TimeRange = 'all' | '1h' | '24h' | '7d' | 'custom';

const RANGE_MS: Record<Exclude<TimeRange, 'all' | 'custom'>, number> = {
  '1h': 3600_000,
  '24h': 24 * 3600_000,
  '7d': 7 * 24 * 3600_000,
};

export const TIME_RANGE_OPTIONS: Array<{ value: TimeRange; label: string }> = [
  { value: 'all', label: 'Any time' },
  { value: '1h', label: 'Last hour' },
  { value: '24h', label: 'Last 24 hours' },
  { value: '7d', label: 'Last 7 days' },
  { value: 'custom', label: 'Custom range…' },
];

export function isTimeRange(value: string | null | undefined): value is TimeRange {
  return value === 'all' || value === 'custom' || (typeof value === 'string' && Object.hasOwn(RANGE_MS, value));
}

/**
 * The ISO bounds sent to the API. Relative ranges are computed from `now` at each fetch, so a list
 * refreshed later still shows "the last hour"; custom bounds come from `<input type="datetime-local">`
 * values, read in the browser's time zone.
 */
export function timeBounds(params: { range: TimeRange; now: number; since?: string; until?: string }): { since?: string; until?: string } {
  const { range, now } = params;
  if (range === 'all') return {};
  if (range === 'custom') return { since: localToIso(params.since), until: localToIso(params.until) };
  return { since: new Date(now - RANGE_MS[range]).toISOString() };
}

/** `2026-11-23T10:00` (local time, as a datetime-local input gives it) -> ISO UTC; junk -> undefined. */
export function localToIso(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const time = new Date(value).getTime();
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}
