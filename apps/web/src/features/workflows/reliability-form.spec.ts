import { describe, expect, it } from 'vitest';
import { expectedSchedule, expectedText, reliabilityForm, reliabilityPatch } from './reliability-form';

describe('reliability settings form', () => {
  it('shows the defaults for a workflow with nothing set', () => {
    expect(reliabilityForm({ concurrency: null, autoReplay: undefined, alerts: null })).toEqual({
      concurrency: '',
      autoReplay: false,
      schedule: '1m, 10m, 1h, 6h',
      alertUrl: '',
      alertEmail: '',
      alertInterval: '60',
      quietHours: '',
      quietExpected: '',
      quietTimezone: '',
      spikeCount: '',
      spikeMinutes: '10',
    });
    expect(
      reliabilityForm({
        concurrency: 2,
        autoReplay: undefined,
        alerts: { email: ['a@example.com', 'b@example.org'], minIntervalMinutes: 5 },
      }),
    ).toMatchObject({
      alertEmail: 'a@example.com, b@example.org',
      alertInterval: '5',
    });
  });

  it('turns the fields into the PATCH body: blanks clear the limit and the alert', () => {
    const form = {
      concurrency: '3',
      autoReplay: true,
      schedule: '30s, 5m 1h',
      alertUrl: ' https://a.example/x ',
      alertEmail: '',
      alertInterval: '15',
      quietHours: '',
      quietExpected: '',
      quietTimezone: '',
      spikeCount: '',
      spikeMinutes: '10',
    };
    expect(reliabilityPatch(form)).toEqual({
      concurrency: 3,
      autoReplay: { enabled: true, schedule: ['30s', '5m', '1h'] },
      alerts: { webhookUrl: 'https://a.example/x', minIntervalMinutes: 15 },
    });
    expect(reliabilityPatch({ ...form, concurrency: ' ', alertUrl: '' })).toMatchObject({ concurrency: null, alerts: null });
  });

  it('sends alert addresses as a list, with or without the webhook', () => {
    const form = {
      concurrency: '',
      autoReplay: true,
      schedule: '1m',
      alertUrl: '',
      alertEmail: ' ops@example.com, oncall@example.org;dev@example.net ',
      alertInterval: '',
      quietHours: '',
      quietExpected: '',
      quietTimezone: '',
      spikeCount: '',
      spikeMinutes: '10',
    };
    expect(reliabilityPatch(form).alerts).toEqual({
      email: ['ops@example.com', 'oncall@example.org', 'dev@example.net'],
      minIntervalMinutes: 60,
    });
    expect(reliabilityPatch({ ...form, alertUrl: 'https://a.example/x' }).alerts).toEqual({
      webhookUrl: 'https://a.example/x',
      email: ['ops@example.com', 'oncall@example.org', 'dev@example.net'],
      minIntervalMinutes: 60,
    });
  });

  it('keeps and edits the watch alerts: quiet hours and the refused-requests spike', () => {
    const workflow = {
      concurrency: null,
      autoReplay: undefined,
      alerts: { webhookUrl: 'https://a.example/x', minIntervalMinutes: 30, quietHours: 24, refusedSpike: { count: 20, minutes: 5 } },
    };
    const form = reliabilityForm(workflow);
    expect(form).toMatchObject({ quietHours: '24', spikeCount: '20', spikeMinutes: '5' });
    // Saving the form unchanged keeps them (they are not dropped with the dead-letter settings).
    expect(reliabilityPatch(form).alerts).toEqual(workflow.alerts);
    expect(reliabilityPatch({ ...form, quietHours: ' ', spikeCount: '' }).alerts).toEqual({
      webhookUrl: 'https://a.example/x',
      minIntervalMinutes: 30,
    });
    // Watch fields alone are sent, for the API to say they need a URL or an e-mail.
    expect(reliabilityPatch({ ...form, alertUrl: '', spikeCount: '' }).alerts).toEqual({ minIntervalMinutes: 30, quietHours: 24 });
  });

  it('reads and writes the expected schedule of the quiet alert: a window with days, or a cron pattern', () => {
    const weekdays = { timezone: 'Europe/Paris', days: ['mon', 'tue', 'wed', 'thu', 'fri'] as const, from: '08:00', to: '18:00' };
    const form = reliabilityForm({
      concurrency: null,
      alerts: {
        webhookUrl: 'https://a.example/x',
        minIntervalMinutes: 60,
        quietHours: 3,
        quietSchedule: { ...weekdays, days: [...weekdays.days] },
      },
    });
    expect(form).toMatchObject({ quietExpected: '08:00-18:00 mon-fri', quietTimezone: 'Europe/Paris' });
    expect(reliabilityPatch(form).alerts?.quietSchedule).toEqual({ ...weekdays, days: [...weekdays.days] });
    expect(expectedSchedule('9:00-17:30 sat sun', '')).toEqual({ timezone: 'UTC', from: '09:00', to: '17:30', days: ['sat', 'sun'] });
    expect(expectedSchedule('08:00-12:00', 'UTC')).toEqual({ timezone: 'UTC', from: '08:00', to: '12:00' });
    expect(expectedSchedule('* 9-17 * * 1-5', 'America/New_York')).toEqual({ timezone: 'America/New_York', cron: '* 9-17 * * 1-5' });
    expect(expectedText({ timezone: 'UTC', from: '08:00', to: '10:00', days: ['mon', 'wed', 'sat', 'sun'] })).toBe(
      '08:00-10:00 mon wed sat sun',
    );
    // Without quiet hours the schedule is not sent; a blank schedule neither.
    expect(reliabilityPatch({ ...form, quietHours: '' }).alerts?.quietSchedule).toBeUndefined();
    expect(reliabilityPatch({ ...form, quietExpected: ' ' }).alerts?.quietSchedule).toBeUndefined();
  });
});
