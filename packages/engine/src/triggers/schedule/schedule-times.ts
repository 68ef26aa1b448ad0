import { Cron } from 'croner';

/** Why a pattern or time zone cannot be used, or null. */
export function scheduleProblem(params: { cron: string; timezone: string }): { field: 'cron' | 'timezone'; message: string } | null {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: params.timezone });
  } catch {
    return { field: 'timezone', message: `is not a known IANA time zone (e.g. Europe/Paris, America/New_York, UTC)` };
  }
  const fields = params.cron.trim().split(/\s+/);
  if (fields.length !== 5) {
    return { field: 'cron', message: `must have 5 fields (minute hour day-of-month month day-of-week), not ${fields.length}` };
  }
  try {
    const cron = new Cron(params.cron, { timezone: params.timezone, paused: true, mode: '5-part' });
    if (cron.nextRun(new Date(0)) === null) return { field: 'cron', message: 'never fires' };
  } catch (error) {
    return { field: 'cron', message: `is not a valid cron pattern: ${(error as Error).message.replace(/^CronPattern: /, '')}` };
  }
  return null;
}

/**
 * The next `count` fire times strictly after `after`, in epoch milliseconds. Across daylight-saving
 * changes (croner): a wall time inside a spring-forward gap fires at the first instant after it; a
 * wall time repeated by a fall-back fires at its first occurrence only. Throws on an invalid pattern.
 */
export function nextScheduleTimes(params: { cron: string; timezone: string; after: number; count: number }): number[] {
  const cron = new Cron(params.cron, { timezone: params.timezone, paused: true, mode: '5-part' });
  return cron.nextRuns(params.count, new Date(params.after)).map((date) => date.getTime());
}

/**
 * The fire times in `(after, until]`, oldest first, at most `max` of them (the most recent ones when
 * there are more), and how many there were in all (up to `scanLimit`, so a pattern firing every
 * minute over a month of downtime stays cheap).
 */
export function scheduleTimesBetween(params: {
  cron: string;
  timezone: string;
  after: number;
  until: number;
  max: number;
  scanLimit?: number;
}): { times: number[]; total: number } {
  const cron = new Cron(params.cron, { timezone: params.timezone, paused: true, mode: '5-part' });
  const scanLimit = params.scanLimit ?? 10_000;
  const times: number[] = [];
  let total = 0;
  let cursor: Date | null = new Date(params.after);
  while (total < scanLimit) {
    cursor = cron.nextRun(cursor);
    if (!cursor || cursor.getTime() > params.until) break;
    total++;
    times.push(cursor.getTime());
    if (times.length > params.max) times.shift();
  }
  return { times, total };
}
