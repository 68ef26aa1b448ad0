import { describe, expect, it } from 'vitest';
import { validateDefinition } from '../validation/validate-definition';
import { TRIGGER_KITS, TRIGGER_TYPES } from './trigger-kits';

const withTrigger = (trigger: unknown) => validateDefinition({ trigger, steps: [] });

describe('trigger kits', () => {
  it('has one kit per type, named by its type', () => {
    expect(TRIGGER_TYPES.sort()).toEqual(['form', 'manual', 'poll', 'schedule', 'webhook']);
    for (const type of TRIGGER_TYPES) expect(TRIGGER_KITS[type].type).toBe(type);
  });

  it('accepts each type with its defaults', () => {
    const schedule = withTrigger({ type: 'schedule', cron: '*/15 * * * *' });
    expect(schedule.ok && schedule.definition.trigger).toEqual({ type: 'schedule', cron: '*/15 * * * *', timezone: 'UTC' });
    const poll = withTrigger({ type: 'poll', endpoint: 'https://api.example.com/orders', intervalMinutes: 5, key: 'id' });
    expect(poll.ok && poll.definition.trigger).toMatchObject({ method: 'GET', items: 'body', key: 'id' });
    expect(withTrigger({ type: 'manual' }).ok).toBe(true);
    const form = withTrigger({
      type: 'form',
      title: 'Contact',
      fields: [{ name: 'email', label: 'Email', type: 'email', required: true }],
    });
    expect(form.ok).toBe(true);
  });

  it('names the field and the reason of each problem', () => {
    const cron = withTrigger({ type: 'schedule', cron: '0 25 * * *', timezone: 'Europe/Paris' });
    expect(cron.ok === false && cron.issues).toEqual([{ path: 'trigger.cron', message: expect.stringContaining('hour') }]);
    const zone = withTrigger({ type: 'schedule', cron: '0 9 * * *', timezone: 'Europe/Atlantis' });
    expect(zone.ok === false && zone.issues[0].path).toBe('trigger.timezone');
    const limit = withTrigger({ type: 'schedule', cron: '0 9 * * *', catchUp: { policy: 'each', limit: 1000 } });
    expect(limit.ok === false && limit.issues[0].path).toBe('trigger.catchUp.limit');
    const key = withTrigger({ type: 'poll', endpoint: 'https://api.example.com', intervalMinutes: 5, key: 'id +' });
    expect(key.ok === false && key.issues[0].path).toBe('trigger.key');
    const interval = withTrigger({ type: 'poll', endpoint: 'https://api.example.com', intervalMinutes: 0, key: 'id' });
    expect(interval.ok === false && interval.issues[0]).toMatchObject({ path: 'trigger.intervalMinutes', message: 'must be at least 1' });
    const form = withTrigger({
      type: 'form',
      title: 'T',
      fields: [
        { name: 'a', label: 'A', type: 'choice' },
        { name: 'a', label: 'B', type: 'text' },
      ],
    });
    expect(form.ok === false && form.issues.map((i) => i.path)).toEqual(['trigger.fields[0].options', 'trigger.fields[1].name']);
    const unknown = withTrigger({ type: 'carrier-pigeon' });
    expect(unknown.ok === false && unknown.issues[0].path).toBe('trigger.type');
  });
});
