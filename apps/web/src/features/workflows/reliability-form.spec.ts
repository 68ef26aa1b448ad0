import { describe, expect, it } from 'vitest';
import { reliabilityForm, reliabilityPatch } from './reliability-form';

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
});
