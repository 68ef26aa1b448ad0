import { EXPECTED_DAYS, type ExpectedSchedule } from '@switchyard/contract';
import { scheduleTimesBetween } from '@switchyard/engine';

const MINUTE = 60_000;
const DAY = 86_400_000;
/** How far back a schedule is walked: older quiet time does not count (a year is far beyond the 720 hours a quiet alert waits). */
export const EXPECTED_LOOKBACK_MS = 400 * DAY;

const formats = new Map<string, Intl.DateTimeFormat>();

function format(timezone: string): Intl.DateTimeFormat {
  let f = formats.get(timezone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: timezone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formats.set(timezone, f);
  }
  return f;
}

/** The wall clock in `timezone` at `ms`, as if it were UTC (so that the difference is the zone's offset). */
function wallAsUtc(ms: number, timezone: string): number {
  const parts = Object.fromEntries(
    format(timezone)
      .formatToParts(new Date(ms))
      .map((p) => [p.type, p.value]),
  );
  return Date.UTC(+parts.year, +parts.month - 1, +parts.day, +parts.hour, +parts.minute, +parts.second);
}

/**
 * The instant a wall time in `timezone` happens. A wall time skipped by a spring-forward change
 * is shifted forward by the gap (02:30 -> 03:30); a repeated one (fall back) to its first occurrence.
 */
export function zonedInstant(wall: number, timezone: string): number {
  const guess = wall - (wallAsUtc(wall, timezone) - wall);
  const offsetThen = wallAsUtc(guess, timezone) - guess;
  const candidate = wall - offsetThen;
  if (wallAsUtc(candidate, timezone) === wall) {
    // The earlier occurrence, when the wall time happens twice.
    const earlier = candidate - 3_600_000;
    return wallAsUtc(earlier, timezone) === wall ? earlier : candidate;
  }
  // In a gap (02:30 on a spring-forward night): the instant as many minutes after the gap (03:30).
  return candidate;
}

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/**
 * Milliseconds of expected time in `[from, to)`, counting at most `enough` (the walk stops there),
 * and nothing older than EXPECTED_LOOKBACK_MS before `to`.
 */
export function expectedTimeBetween(schedule: ExpectedSchedule, from: number, to: number, enough: number): number {
  from = Math.max(from, to - EXPECTED_LOOKBACK_MS);
  if (to <= from) return 0;
  if (schedule.cron !== undefined) {
    // Each minute the pattern matches is a minute of expected time.
    const { total } = scheduleTimesBetween({
      cron: schedule.cron,
      timezone: schedule.timezone,
      after: from - 1,
      until: to - 1,
      max: 0,
      scanLimit: Math.ceil(enough / MINUTE),
    });
    return total * MINUTE;
  }
  const days = new Set(schedule.days ?? EXPECTED_DAYS);
  const open = minutesOf(schedule.from as string) * MINUTE;
  const close = minutesOf(schedule.to as string) * MINUTE;
  let total = 0;
  // Local calendar days as UTC midnights, from the day before `from` (a window may straddle it) to the day of `to`.
  const firstDay = Math.floor(wallAsUtc(from, schedule.timezone) / DAY) * DAY - DAY;
  const lastDay = Math.floor(wallAsUtc(to, schedule.timezone) / DAY) * DAY;
  for (let day = firstDay; day <= lastDay && total < enough; day += DAY) {
    if (!days.has(EXPECTED_DAYS[(new Date(day).getUTCDay() + 6) % 7])) continue;
    const start = Math.max(from, zonedInstant(day + open, schedule.timezone));
    const end = Math.min(to, zonedInstant(day + close, schedule.timezone));
    if (end > start) total += end - start;
  }
  return Math.min(total, enough);
}
