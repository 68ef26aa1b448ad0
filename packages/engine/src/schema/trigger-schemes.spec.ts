import { describe, expect, it } from 'vitest';
import { triggerVerifySchema } from './trigger.schema';
import { getTriggerScheme, TRIGGER_SCHEME_NAMES, TRIGGER_SCHEMES } from './trigger-schemes';

describe('TRIGGER_SCHEMES', () => {
  it('describes every scheme once, in the order of TRIGGER_SCHEME_NAMES', () => {
    expect(TRIGGER_SCHEMES.map((s) => s.name)).toEqual([...TRIGGER_SCHEME_NAMES]);
    for (const scheme of TRIGGER_SCHEMES) {
      expect(scheme.label).not.toBe('');
      expect(scheme.secretHelp.length).toBeGreaterThan(20);
    }
  });
  it('lists only settings the verify schema accepts', () => {
    for (const scheme of TRIGGER_SCHEMES) {
      const settings = Object.fromEntries(
        scheme.settings.map((s) => [
          s.key,
          s.kind === 'select'
            ? s.options![0].value
            : s.key === 'url'
              ? 'https://example.com/h'
              : s.key === 'template'
                ? '{body}'
                : 'X-Value',
        ]),
      );
      expect(triggerVerifySchema.safeParse({ scheme: scheme.name, secrets: ['s'], ...settings }).success, scheme.name).toBe(true);
    }
  });
  it('finds a scheme by name', () => {
    expect(getTriggerScheme('stripe').deliveryId).toEqual({ from: 'body', path: 'id' });
    expect(() => getTriggerScheme('nope' as never)).toThrow(/Unknown/);
  });
});
