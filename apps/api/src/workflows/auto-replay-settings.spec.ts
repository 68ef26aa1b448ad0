import { describe, expect, it } from 'vitest';
import { alertsSchema, autoReplaySchema, parseDuration } from './auto-replay-settings';

describe('auto-replay settings', () => {
  it('reads durations in seconds, minutes, hours and days', () => {
    expect(['30s', '10m', '1h', '1d'].map(parseDuration)).toEqual([30_000, 600_000, 3_600_000, 86_400_000]);
    expect(() => parseDuration('10 minutes')).toThrow(/not a duration/);
  });

  it('defaults the schedule to 1m, 10m, 1h, 6h and refuses bad delays', () => {
    expect(autoReplaySchema.parse({ enabled: true }).schedule).toEqual(['1m', '10m', '1h', '6h']);
    const bad = autoReplaySchema.safeParse({ enabled: true, schedule: ['1m', 'soon', '31d'] });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['schedule.1', 'must be a duration such as 30s, 10m, 1h or 1d'],
      ['schedule.2', 'must be at most 30 days'],
    ]);
  });

  it('takes an http(s) alert URL and a rate limit in minutes (default 60)', () => {
    expect(alertsSchema.parse({ webhookUrl: 'https://alerts.example.com/x' })).toEqual({
      webhookUrl: 'https://alerts.example.com/x',
      minIntervalMinutes: 60,
    });
    expect(alertsSchema.safeParse({ webhookUrl: 'ftp://example.com' }).success).toBe(false);
  });

  it('takes one alert address or a list, and names a bad one', () => {
    expect(alertsSchema.parse({ email: ' ops@example.com ' })).toEqual({ email: ['ops@example.com'], minIntervalMinutes: 60 });
    expect(alertsSchema.parse({ email: ['a@example.com', 'b@example.org'], minIntervalMinutes: 5 }).email).toEqual([
      'a@example.com',
      'b@example.org',
    ]);
    const issues = (value: unknown) => alertsSchema.safeParse({ email: value }).error?.issues.map((i) => [i.path.join('.'), i.message]);
    expect(issues('ops')).toEqual([['email.0', 'must be an e-mail address']]);
    expect(issues(['a@example.com', 'nope'])).toEqual([['email.1', 'must be an e-mail address']]);
    expect(issues([])).toEqual([['email', 'must have at least one address']]);
    expect(issues(5)).toEqual([['email', 'must be an e-mail address or a list of them']]);
  });
});
