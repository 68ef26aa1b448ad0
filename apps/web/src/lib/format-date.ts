const UNITS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];

/** "just now", "3 minutes ago", "yesterday"; the absolute time goes in a tooltip beside it. */
export function formatRelativeTime(params: { iso: string | null | undefined; now: number; locale?: string }): string {
  const { iso, now, locale = 'en' } = params;
  if (!iso) return '—';
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return '—';
  const seconds = Math.round((time - now) / 1000);
  const abs = Math.abs(seconds);
  if (abs < 45) return 'just now';
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  for (const [unit, size] of UNITS) {
    // Round the magnitude so past and future round alike (Math.round(-1.5) is -1).
    if (abs >= size) return format.format(Math.sign(seconds) * Math.round(abs / size), unit);
  }
  return format.format(seconds, 'second');
}

/** Absolute local date and time with seconds, e.g. "Jan 5, 2025, 14:03:07". */
export function formatDateTime(params: { iso: string | null | undefined; locale?: string; timeZone?: string }): string {
  const { iso, locale, timeZone } = params;
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '—';
  return new Intl.DateTimeFormat(locale, {
    dateStyle: 'medium',
    timeStyle: 'medium',
    hourCycle: 'h23',
    timeZone,
  }).format(date);
}
