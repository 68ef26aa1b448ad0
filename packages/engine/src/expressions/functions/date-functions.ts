import jsonata from 'jsonata';
import { functionError } from './function-error';

/**
 * Dates in time zones: `$formatDate`, `$parseDate`, `$addDuration`. Time zones are IANA names
 * (`Europe/Berlin`), `UTC`, or fixed offsets (`+02:00`, `-0530`). Pictures are JSONata's (XPath
 * `fn:format-dateTime`) pictures, e.g. `[D01].[M01].[Y0001] [H01]:[m01]`; time zone markers (`[Z]`,
 * `[Z0101]`, `[z]`) show the zone's offset at that instant, daylight saving time included.
 */

/** JSONata's default picture: ISO 8601 with milliseconds and the offset (`Z` for UTC). */
export const ISO_PICTURE = '[Y0001]-[M01]-[D01]T[H01]:[m01]:[s01].[f001][Z01:01t]';

const MAX_DATE_MS = 8.64e15;
const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

// JSONata's own picture formatting and parsing, for trusted one-line expressions (no user code
// runs in them; the user's picture is data).
const fromMillis = jsonata('$fromMillis($ms, $picture)');
const toMillis = jsonata('$toMillis($text, $picture)');

const ISO_DATE =
  /^([+-]\d{6}|\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|z|[+-]\d{2}(?::?\d{2})?)?$/;

/** The parts of an ISO 8601 date-time: its wall-clock time as if UTC, and its offset if written. */
export interface IsoDateParts {
  wallMs: number;
  offsetMinutes?: number;
}

/**
 * Parses ISO 8601 text (`2024-05-01`, `2024-05-01T10:30`, `2024-05-01 10:30:00.250+02:00`, ...).
 * Returns undefined when the text is not such a date or names an impossible day or time.
 */
export function parseIsoParts(text: string): IsoDateParts | undefined {
  const m = ISO_DATE.exec(text.trim());
  if (!m) return undefined;
  const [year, month, day, hour, minute, second] = [m[1], m[2], m[3], m[4] ?? '0', m[5] ?? '0', m[6] ?? '0'].map(Number);
  const millis = m[7] ? Math.floor(Number(`0.${m[7]}`) * 1000) : 0;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month - 1) || hour > 23 || minute > 59 || second > 59) return undefined;
  const wallMs = utc(year, month - 1, day, hour, minute, second, millis);
  if (!Number.isFinite(wallMs)) return undefined;
  return m[8] === undefined ? { wallMs } : { wallMs, offsetMinutes: parseOffset(m[8]) };
}

/** Parses ISO 8601 text to epoch milliseconds; text without an offset is UTC. */
export function parseIsoDate(text: string): number | undefined {
  const parts = parseIsoParts(text);
  if (!parts) return undefined;
  const ms = parts.wallMs - (parts.offsetMinutes ?? 0) * MINUTE_MS;
  return Math.abs(ms) <= MAX_DATE_MS ? ms : undefined;
}

function utc(year: number, month: number, day: number, hour = 0, minute = 0, second = 0, ms = 0): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month, day);
  date.setUTCHours(hour, minute, second, ms);
  return date.getTime();
}

function daysInMonth(year: number, month: number): number {
  return new Date(utc(year, month + 1, 0)).getUTCDate();
}

/** `Z`, `+02`, `+0200`, `+02:00`, `-05:30` in minutes east of UTC. */
function parseOffset(text: string): number {
  if (text === 'Z' || text === 'z') return 0;
  const sign = text[0] === '-' ? -1 : 1;
  const digits = text.slice(1).replace(':', '');
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4) || '0'));
}

const OFFSET_ZONE = /^(?:UTC|GMT)?([+-])(\d{1,2})(?::?(\d{2}))?$/i;
const zoneFormats = new Map<string, Intl.DateTimeFormat>();
const MAX_CACHED_ZONES = 1000;

/** The offset of a time zone from UTC at an instant, in minutes (DST included). */
export function zoneOffsetMinutes(ms: number, timeZone: string, fn = 'formatDate'): number {
  const zone = timeZone.trim();
  if (/^(utc|gmt|z)$/i.test(zone)) return 0;
  const fixed = OFFSET_ZONE.exec(zone);
  if (fixed) {
    const minutes = Number(fixed[2]) * 60 + Number(fixed[3] ?? '0');
    if (Number(fixed[2]) > 18 || Number(fixed[3] ?? '0') > 59)
      throw functionError(fn, `the offset "${zone}" is out of range`, 'INVALID_TIMEZONE');
    return fixed[1] === '-' ? -minutes : minutes;
  }
  let format = zoneFormats.get(zone);
  if (!format) {
    try {
      format = new Intl.DateTimeFormat('en-US', {
        timeZone: zone,
        hourCycle: 'h23',
        era: 'short',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
    } catch {
      throw functionError(
        fn,
        `unknown time zone "${zone.slice(0, 64)}" (use an IANA name such as Europe/Berlin, UTC, or an offset such as +02:00)`,
        'INVALID_TIMEZONE',
      );
    }
    if (zoneFormats.size >= MAX_CACHED_ZONES) zoneFormats.clear();
    zoneFormats.set(zone, format);
  }
  const whole = ms - (((ms % 1000) + 1000) % 1000);
  const parts: Record<string, string> = {};
  for (const part of format.formatToParts(whole)) parts[part.type] = part.value;
  const year = parts.era === 'BC' || parts.era === 'B' ? 1 - Number(parts.year) : Number(parts.year);
  const wall = utc(year, Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second));
  return Math.round((wall - whole) / MINUTE_MS);
}

/** The instant at which the wall clock of `timeZone` shows `wallMs` (read as UTC). */
export function wallToInstant(wallMs: number, timeZone: string, fn: string): number {
  const first = wallMs - zoneOffsetMinutes(wallMs, timeZone, fn) * MINUTE_MS;
  const second = zoneOffsetMinutes(first, timeZone, fn);
  return wallMs - second * MINUTE_MS;
}

function toMillisOf(value: unknown, fn: string): number {
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || Math.abs(value) > MAX_DATE_MS)
      throw functionError(fn, `${value} is not a valid time in epoch milliseconds`, 'INVALID_DATE');
    return value;
  }
  if (typeof value === 'string') {
    const ms = parseIsoDate(value);
    if (ms === undefined)
      throw functionError(fn, `"${value.slice(0, 64)}" is not an ISO 8601 date (use $parseDate for other formats)`, 'INVALID_DATE');
    return ms;
  }
  throw functionError(fn, 'expects epoch milliseconds or an ISO 8601 text', 'INVALID_DATE');
}

function optionalText(value: unknown, fn: string, what: string): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string') throw functionError(fn, `${what} must be a text`);
  return value;
}

/**
 * `$formatDate(time, picture?, timeZone?)`: formats epoch milliseconds or ISO 8601 text with a
 * JSONata picture (default ISO 8601) in a time zone (default UTC).
 */
export async function formatDate(time: unknown, picture?: unknown, timeZone?: unknown): Promise<string | undefined> {
  if (time === undefined) return undefined;
  const ms = toMillisOf(time, 'formatDate');
  const zone = optionalText(timeZone, 'formatDate', 'the time zone');
  const offset = zone === undefined ? 0 : zoneOffsetMinutes(ms, zone, 'formatDate');
  const pic = withOffsetMarkers(optionalText(picture, 'formatDate', 'the picture') ?? ISO_PICTURE, offset);
  // JSONata formats the zone's wall clock as if it were UTC; the offset markers are already text.
  return (await fromMillis.evaluate({}, { ms: ms + offset * MINUTE_MS, picture: pic })) as string;
}

/** Replaces `[Z…]` and `[z…]` markers of a picture by the offset, as literal text. */
function withOffsetMarkers(picture: string, offsetMinutes: number): string {
  let out = '';
  let i = 0;
  while (i < picture.length) {
    const c = picture[i];
    if ((c === '[' || c === ']') && picture[i + 1] === c) {
      out += c + c;
      i += 2;
      continue;
    }
    if (c !== '[') {
      out += c;
      i++;
      continue;
    }
    const close = picture.indexOf(']', i);
    if (close === -1) {
      out += picture.slice(i);
      break;
    }
    const marker = picture.slice(i + 1, close).replace(/\s+/g, '');
    out +=
      marker[0] === 'Z' || marker[0] === 'z'
        ? formatOffset(marker, offsetMinutes).replace(/\[/g, '[[').replace(/\]/g, ']]')
        : picture.slice(i, close + 1);
    i = close + 1;
  }
  return out;
}

function formatOffset(marker: string, offsetMinutes: number): string {
  const spec = marker.slice(1);
  if (spec.endsWith('t') && offsetMinutes === 0) return 'Z';
  const format = spec.replace(/t$/, '');
  const sign = offsetMinutes < 0 ? '-' : '+';
  const hours = Math.floor(Math.abs(offsetMinutes) / 60);
  const minutes = Math.abs(offsetMinutes) % 60;
  const hh = String(hours).padStart(2, '0');
  const mm = String(minutes).padStart(2, '0');
  let text: string;
  if (format === '' || format.includes(':')) text = `${sign}${hh}:${mm}`;
  else if (format.length >= 3) text = `${sign}${hh}${mm}`;
  else text = `${sign}${format.length === 1 ? String(hours) : hh}${minutes ? `:${mm}` : ''}`;
  return marker[0] === 'z' ? `GMT${text}` : text;
}

/**
 * `$parseDate(text, picture?, timeZone?)`: reads a date written with a JSONata picture (or ISO
 * 8601 when there is none) as the wall-clock time of a time zone (default UTC; an offset written
 * in the text wins). Returns ISO 8601 text in UTC, or undefined when the text does not match.
 */
export async function parseDate(text: unknown, picture?: unknown, timeZone?: unknown): Promise<string | undefined> {
  if (text === undefined) return undefined;
  if (typeof text !== 'string') throw functionError('parseDate', 'expects a text');
  const pic = optionalText(picture, 'parseDate', 'the picture');
  const zone = optionalText(timeZone, 'parseDate', 'the time zone');
  let wallMs: number;
  let hasOffset: boolean;
  if (pic === undefined) {
    const parts = parseIsoParts(text);
    if (!parts) return undefined;
    wallMs = parts.wallMs - (parts.offsetMinutes ?? 0) * MINUTE_MS;
    hasOffset = parts.offsetMinutes !== undefined;
  } else {
    let parsed: unknown;
    try {
      parsed = await toMillis.evaluate({}, { text, picture: pic });
    } catch (err) {
      const e = err as { message?: string };
      throw functionError('parseDate', `the picture cannot be used: ${e.message ?? String(err)}`);
    }
    if (typeof parsed !== 'number' || !Number.isFinite(parsed)) return undefined;
    wallMs = parsed;
    hasOffset = /\[\s*[Zz]/.test(pic);
  }
  const ms = zone === undefined || hasOffset ? wallMs : wallToInstant(wallMs, zone, 'parseDate');
  if (Math.abs(ms) > MAX_DATE_MS) return undefined;
  return new Date(ms).toISOString();
}

/** Units `$addDuration` accepts (singular or plural). */
export const DURATION_UNITS = ['years', 'months', 'weeks', 'days', 'hours', 'minutes', 'seconds', 'milliseconds'] as const;
type DurationUnit = (typeof DURATION_UNITS)[number];
type Duration = Record<DurationUnit, number>;

const ISO_DURATION =
  /^([+-])?P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+(?:[.,]\d+)?)H)?(?:(\d+(?:[.,]\d+)?)M)?(?:(\d+(?:[.,]\d+)?)S)?)?$/i;

/** Parses an ISO 8601 duration such as `P1DT2H`, `PT90M`, `-P1W`, `PT0.5S`. */
export function parseIsoDuration(text: string): Duration | undefined {
  const m = ISO_DURATION.exec(text.trim());
  if (!m || text.trim().endsWith('T') || m.slice(2).every((part) => part === undefined)) return undefined;
  const sign = m[1] === '-' ? -1 : 1;
  const n = (part: string | undefined) => (part === undefined ? 0 : sign * Number(part.replace(',', '.')));
  return {
    years: n(m[2]),
    months: n(m[3]),
    weeks: n(m[4]),
    days: n(m[5]),
    hours: n(m[6]),
    minutes: n(m[7]),
    seconds: n(m[8]),
    milliseconds: 0,
  };
}

function unitOf(text: string): DurationUnit | undefined {
  const unit = text.trim().toLowerCase();
  return DURATION_UNITS.find((u) => u === unit || u === `${unit}s`);
}

/**
 * `$addDuration(time, duration, timeZone?)` with an ISO 8601 duration (`'P1DT2H'`), or
 * `$addDuration(time, amount, unit, timeZone?)`. Years, months, weeks and days move the calendar
 * in the time zone (default UTC), so `P1D` keeps the wall-clock time across a DST change and
 * `P1M` from January 31 gives the last day of February; hours and smaller units are exact. Returns
 * the type it was given: epoch milliseconds, or ISO 8601 text in UTC. Negative amounts subtract.
 */
export function addDuration(
  time: unknown,
  durationOrAmount: unknown,
  unitOrZone?: unknown,
  timeZone?: unknown,
): number | string | undefined {
  if (time === undefined) return undefined;
  const fn = 'addDuration';
  const ms = toMillisOf(time, fn);
  let duration: Duration;
  let zone: string | undefined;
  if (typeof durationOrAmount === 'string') {
    const parsed = parseIsoDuration(durationOrAmount);
    if (!parsed)
      throw functionError(fn, `"${durationOrAmount.slice(0, 64)}" is not an ISO 8601 duration such as P1DT2H`, 'INVALID_DURATION');
    duration = parsed;
    zone = optionalText(unitOrZone, fn, 'the time zone');
  } else if (typeof durationOrAmount === 'number' && Number.isFinite(durationOrAmount)) {
    const unit = typeof unitOrZone === 'string' ? unitOf(unitOrZone) : undefined;
    if (!unit) throw functionError(fn, `the unit must be one of ${DURATION_UNITS.join(', ')}`, 'INVALID_DURATION');
    duration = { years: 0, months: 0, weeks: 0, days: 0, hours: 0, minutes: 0, seconds: 0, milliseconds: 0, [unit]: durationOrAmount };
    zone = optionalText(timeZone, fn, 'the time zone');
  } else {
    throw functionError(fn, 'expects an ISO 8601 duration, or an amount and a unit', 'INVALID_DURATION');
  }
  if (![duration.years, duration.months, duration.weeks, duration.days].every(Number.isInteger)) {
    throw functionError(fn, 'years, months, weeks and days must be whole numbers', 'INVALID_DURATION');
  }
  let result = ms;
  if (duration.years || duration.months || duration.weeks || duration.days) {
    const offset = zone === undefined ? 0 : zoneOffsetMinutes(ms, zone, fn);
    const wall = new Date(ms + offset * MINUTE_MS);
    const totalMonths = wall.getUTCMonth() + duration.months + duration.years * 12;
    const year = wall.getUTCFullYear() + Math.floor(totalMonths / 12);
    const month = ((totalMonths % 12) + 12) % 12;
    const day = Math.min(wall.getUTCDate(), daysInMonth(year, month));
    const timeOfDay = (((ms + offset * MINUTE_MS) % DAY_MS) + DAY_MS) % DAY_MS;
    const newWall = utc(year, month, day) + (duration.weeks * 7 + duration.days) * DAY_MS + timeOfDay;
    result = zone === undefined ? newWall : wallToInstant(newWall, zone, fn);
  }
  result += duration.hours * 3_600_000 + duration.minutes * MINUTE_MS + duration.seconds * 1000 + duration.milliseconds;
  result = Math.round(result);
  if (!Number.isFinite(result) || Math.abs(result) > MAX_DATE_MS)
    throw functionError(fn, 'the result is outside the supported range of dates', 'INVALID_DATE');
  return typeof time === 'number' ? result : new Date(result).toISOString();
}
