import { describe, expect, it } from 'vitest';
import { evaluateExpression } from '../evaluate-expression';
import { ExpressionError } from '../expression-error';
import { addDuration, parseIsoDate, parseIsoDuration, zoneOffsetMinutes } from './date-functions';

const run = (expression: string, input: unknown = {}) => evaluateExpression(expression, input);

async function failure(expression: string): Promise<ExpressionError> {
  try {
    await run(expression);
  } catch (err) {
    expect(err).toBeInstanceOf(ExpressionError);
    return err as ExpressionError;
  }
  throw new Error(`expected ${expression} to fail`);
}

// 2024-05-01T12:00:00.000Z
const MAY_1 = 1714564800000;

describe('parseIsoDate', () => {
  it.each([
    ['2024-05-01', Date.UTC(2024, 4, 1)],
    ['2024-05-01T12:00', MAY_1],
    ['2024-05-01T12:00:00Z', MAY_1],
    ['2024-05-01 14:00:00.000+02:00', MAY_1],
    ['2024-05-01T07:30:00-0430', MAY_1],
    ['2024-05-01T12:00:00.5Z', MAY_1 + 500],
  ])('%s', (text, expected) => {
    expect(parseIsoDate(text)).toBe(expected);
  });

  it.each(['', 'May 1st', '2024-13-01', '2024-02-30', '2024-05-01T25:00', '12:00'])('refuses %j', (text) => {
    expect(parseIsoDate(text)).toBeUndefined();
  });
});

describe('zoneOffsetMinutes', () => {
  it('follows daylight saving time of IANA zones', () => {
    expect(zoneOffsetMinutes(Date.UTC(2024, 0, 15), 'Europe/Berlin')).toBe(60);
    expect(zoneOffsetMinutes(Date.UTC(2024, 6, 15), 'Europe/Berlin')).toBe(120);
    expect(zoneOffsetMinutes(Date.UTC(2024, 6, 15), 'America/New_York')).toBe(-240);
    expect(zoneOffsetMinutes(Date.UTC(2024, 6, 15), 'Asia/Kolkata')).toBe(330);
    expect(zoneOffsetMinutes(Date.UTC(2024, 6, 15), 'America/St_Johns')).toBe(-150);
  });

  it('takes UTC and fixed offsets', () => {
    expect(zoneOffsetMinutes(0, 'UTC')).toBe(0);
    expect(zoneOffsetMinutes(0, '+05:30')).toBe(330);
    expect(zoneOffsetMinutes(0, '-0800')).toBe(-480);
  });

  it('names an unknown zone', () => {
    expect(() => zoneOffsetMinutes(0, 'Mars/Olympus')).toThrow(/unknown time zone "Mars\/Olympus"/);
  });
});

describe('$formatDate', () => {
  it('formats epoch milliseconds or ISO text in a time zone, with the zone offset', async () => {
    expect(await run(`$formatDate(${MAY_1}, '[D01].[M01].[Y0001] [H01]:[m01]', 'Europe/Berlin')`)).toBe('01.05.2024 14:00');
    expect(await run(`$formatDate('2024-05-01T12:00:00Z', '[FNn], [D1o] [MNn] [Y] [h]:[m01][P] [Z]', 'America/New_York')`)).toBe(
      'Wednesday, 1st May 2024 8:00am -04:00',
    );
    expect(await run(`$formatDate(${MAY_1}, '[H01]:[m01] [Z0101] [z]', 'America/St_Johns')`)).toBe('09:30 -0230 GMT-02:30');
  });

  it('defaults to ISO 8601 in UTC, and to ISO 8601 with the offset in a zone', async () => {
    expect(await run(`$formatDate(${MAY_1})`)).toBe('2024-05-01T12:00:00.000Z');
    expect(await run(`$formatDate(${MAY_1}, null, 'Asia/Kolkata')`)).toBe('2024-05-01T17:30:00.000+05:30');
  });

  it('takes the context as the time, and gives nothing for nothing', async () => {
    expect(await run(`created.$formatDate()`, { created: '2024-05-01T00:00:00+02:00' })).toBe('2024-04-30T22:00:00.000Z');
    expect(await run(`$formatDate(missing, '[Y]')`)).toBeUndefined();
  });

  it('fails clearly on a bad time or zone', async () => {
    expect(await failure(`$formatDate('yesterday')`)).toMatchObject({ code: 'INVALID_DATE', kind: 'evaluation' });
    const zone = await failure(`$formatDate(0, null, 'Mars/Olympus')`);
    expect(zone.code).toBe('INVALID_TIMEZONE');
    expect(zone.message).toContain('$formatDate: unknown time zone');
  });
});

describe('$parseDate', () => {
  it('reads a picture as the wall clock of a zone and returns ISO 8601 in UTC', async () => {
    expect(await run(`$parseDate('01.05.2024 14:00', '[D01].[M01].[Y0001] [H01]:[m01]', 'Europe/Berlin')`)).toBe(
      '2024-05-01T12:00:00.000Z',
    );
    expect(await run(`$parseDate('15.01.2024 14:00', '[D01].[M01].[Y0001] [H01]:[m01]', 'Europe/Berlin')`)).toBe(
      '2024-01-15T13:00:00.000Z',
    );
    expect(await run(`$parseDate('05/01/2024', '[M01]/[D01]/[Y0001]')`)).toBe('2024-05-01T00:00:00.000Z');
  });

  it('reads ISO 8601 without a picture; an offset in the text wins over the zone', async () => {
    expect(await run(`$parseDate('2024-05-01 09:30', null, 'America/New_York')`)).toBe('2024-05-01T13:30:00.000Z');
    expect(await run(`$parseDate('2024-05-01T09:30:00+02:00', null, 'America/New_York')`)).toBe('2024-05-01T07:30:00.000Z');
  });

  it('gives nothing when the text does not match', async () => {
    expect(await run(`$parseDate('not a date')`)).toBeUndefined();
    expect(await run(`$parseDate('xx', '[Y0001]')`)).toBeUndefined();
  });
});

describe('$addDuration', () => {
  it('adds ISO 8601 durations and keeps the type it was given', async () => {
    expect(await run(`$addDuration('2024-05-01T12:00:00Z', 'P1DT2H')`)).toBe('2024-05-02T14:00:00.000Z');
    expect(await run(`$addDuration(${MAY_1}, 'PT90M')`)).toBe(MAY_1 + 90 * 60_000);
    expect(await run(`$addDuration('2024-05-01T12:00:00Z', '-P1W')`)).toBe('2024-04-24T12:00:00.000Z');
  });

  it('adds an amount of a unit', async () => {
    expect(await run(`$addDuration('2024-05-01T12:00:00Z', 3, 'days')`)).toBe('2024-05-04T12:00:00.000Z');
    expect(await run(`$addDuration('2024-05-01T12:00:00Z', -30, 'minute')`)).toBe('2024-05-01T11:30:00.000Z');
  });

  it('moves months on the calendar, ending at the last day of a shorter month', () => {
    expect(addDuration('2024-01-31T10:00:00Z', 'P1M')).toBe('2024-02-29T10:00:00.000Z');
    expect(addDuration('2023-12-15T10:00:00Z', 1, 'months')).toBe('2024-01-15T10:00:00.000Z');
    expect(addDuration('2024-03-31T10:00:00Z', -1, 'months')).toBe('2024-02-29T10:00:00.000Z');
  });

  it('keeps the wall-clock time across a DST change in a zone, while hours stay exact', () => {
    // Europe/Berlin moves to summer time on 2024-03-31.
    expect(addDuration('2024-03-30T08:00:00Z', 'P1D', 'Europe/Berlin')).toBe('2024-03-31T07:00:00.000Z');
    expect(addDuration('2024-03-30T08:00:00Z', 'PT24H', 'Europe/Berlin')).toBe('2024-03-31T08:00:00.000Z');
  });

  it('refuses what it cannot add', async () => {
    expect(await failure(`$addDuration(0, 'one day')`)).toMatchObject({ code: 'INVALID_DURATION' });
    expect(await failure(`$addDuration(0, 1, 'fortnights')`)).toMatchObject({ code: 'INVALID_DURATION' });
    expect(await failure(`$addDuration(0, 1.5, 'days')`)).toMatchObject({ code: 'INVALID_DURATION' });
    expect(await failure(`$addDuration(0, 1e300, 'years')`)).toMatchObject({ code: 'INVALID_DATE' });
  });

  it('parses ISO 8601 durations', () => {
    expect(parseIsoDuration('P1Y2M3W4DT5H6M7.5S')).toEqual({
      years: 1,
      months: 2,
      weeks: 3,
      days: 4,
      hours: 5,
      minutes: 6,
      seconds: 7.5,
      milliseconds: 0,
    });
    expect(parseIsoDuration('P')).toBeUndefined();
    expect(parseIsoDuration('PT')).toBeUndefined();
    expect(parseIsoDuration('1D')).toBeUndefined();
  });
});
