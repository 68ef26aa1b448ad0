import { describe, expect, it } from 'vitest';
import { reliabilityForm, reliabilityPatch } from './reliability-form';

describe('reliability settings form', () => {
  it('shows the defaults for a workflow with nothing set', () => {
    expect(reliabilityForm({ concurrency: null, autoReplay: undefined, alerts: null })).toEqual({
      concurrency: '',
      autoReplay: false,
      schedule: '1m, 10m, 1h, 6h',
      alertUrl: '',
      alertInterval: '60',
    });
  });

  it('turns the fields into the PATCH body: blanks clear the limit and the alert', () => {
    expect(reliabilityPatch({ concurrency: '3', autoReplay: true, schedule: '30s, 5m 1h', alertUrl: ' https://a.example/x ', alertInterval: '15' })).toEqual({
      concurrency: 3,
      autoReplay: { enabled: true, schedule: ['30s', '5m', '1h'] },
      alerts: { webhookUrl: 'https://a.example/x', minIntervalMinutes: 15 },
    });
    expect(reliabilityPatch({ concurrency: ' ', autoReplay: false, schedule: '1m', alertUrl: '', alertInterval: '60' })).toMatchObject({ concurrency: null, alerts: null });
  });
});
