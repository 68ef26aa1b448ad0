import { describe, expect, it } from 'vitest';
import { describeCron } from './describe-cron';
import { presetOf, SCHEDULE_PRESETS } from './schedule-presets';

describe('schedule presets', () => {
  it('echo in plain words', () => {
    expect(describeCron('0 9 * * 1-5')).toBe('At 09:00, Monday through Friday');
    expect(describeCron('*/15 * * * *')).toBe('Every 15 minutes');
    expect(describeCron('0 25 * * *')).toMatch(/^Not a valid pattern: /);
    for (const preset of SCHEDULE_PRESETS) expect(describeCron(preset.cron)).not.toMatch(/^Not a valid/);
  });

  it('recognise a preset, or say custom', () => {
    expect(presetOf(' 0 9 * * 1-5 ')).toBe('0 9 * * 1-5');
    expect(presetOf('7 3 * * *')).toBeNull();
  });
});
