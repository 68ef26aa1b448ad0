import { describe, expect, it } from 'vitest';
import { validateDefinition } from '../validation/validate-definition';
import { webhookTriggerSchema } from './trigger.schema';

const issues = (trigger: unknown) => {
  const result = validateDefinition({ trigger, steps: [] });
  return result.ok ? [] : result.issues.map((i) => `${i.path}: ${i.message}`);
};

describe('webhook trigger schema', () => {
  it('accepts the full trigger object of the contract and fills defaults', () => {
    const parsed = webhookTriggerSchema.parse({
      type: 'webhook',
      verify: { scheme: 'github', secrets: ['a', 'b'], toleranceSeconds: 300 },
      ipAllow: ['192.0.2.0/24', '2001:db8::/32', '198.51.100.7'],
      dedupe: { key: 'trigger.body.id' },
      condition: 'trigger.body.ok',
      response: { mode: 'immediate' },
      rateLimit: { perMinute: 60 },
      maxBodyBytes: 1000,
    });
    expect(parsed.dedupe).toEqual({ key: 'trigger.body.id', windowSeconds: 86400 });
    expect(parsed.response).toEqual({ mode: 'immediate', timeoutMs: 30000 });
  });
  it('rejects bad settings with paths', () => {
    expect(issues({ type: 'webhook', verify: { scheme: 'github', secrets: ['a', 'b', 'c'] } })).toEqual([
      expect.stringMatching(/^trigger\.verify\.secrets: must list at most 2/),
    ]);
    expect(issues({ type: 'webhook', verify: { scheme: 'nope' } })[0]).toMatch(/^trigger\.verify\.scheme/);
    expect(issues({ type: 'webhook', verify: { scheme: 'hmac' } })[0]).toMatch(/^trigger\.verify\.header/);
    expect(issues({ type: 'webhook', verify: { scheme: 'stripe', header: 'x' } })[0]).toMatch(/^trigger\.verify/);
    expect(issues({ type: 'webhook', ipAllow: ['10.0.0.0/33'] })[0]).toMatch(/^trigger\.ipAllow\[0\]: must be an IP address or CIDR/);
    expect(issues({ type: 'webhook', verify: { scheme: 'hmac', header: 'X', template: '{timestamp}.{body}' } })).toEqual([
      'trigger.verify.timestampHeader: is required when the signed text contains {timestamp}',
    ]);
  });
  it('checks the JSONata of condition and dedupe key, with positions', () => {
    const result = validateDefinition({ trigger: { type: 'webhook', condition: 'a = ', dedupe: { key: '$x(' } }, steps: [] });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.issues.map((i) => i.path)).toEqual(['trigger.condition', 'trigger.dedupe.key']);
      expect(result.issues[0].position).toBeGreaterThan(0);
    }
  });
  it('needs a dedupe key when the scheme has no delivery id', () => {
    expect(issues({ type: 'webhook', dedupe: {} })).toEqual(['trigger.dedupe.key: is required: no signature scheme gives a delivery id']);
    expect(issues({ type: 'webhook', verify: { scheme: 'zoom' }, dedupe: {} })).toEqual([
      'trigger.dedupe.key: is required: the Zoom scheme has no delivery id',
    ]);
    expect(issues({ type: 'webhook', verify: { scheme: 'stripe' }, dedupe: {} })).toEqual([]);
    expect(issues({ type: 'webhook', verify: { scheme: 'hmac', header: 'X-Sig', deliveryIdHeader: 'X-Id' }, dedupe: {} })).toEqual([]);
  });
  it('checks a flow control rule field by field, its key, and what it cannot be combined with', () => {
    expect(issues({ type: 'webhook', flowControl: { mode: 'debounce', key: 'trigger.body.customer.id', windowSeconds: 30 } })).toEqual([]);
    expect(issues({ type: 'webhook', flowControl: { mode: 'throttle', limit: 10, periodSeconds: 60 } })).toEqual([]);
    expect(issues({ type: 'webhook', flowControl: { mode: 'batch', size: 50, maxWaitSeconds: 60 } })).toEqual([]);
    expect(issues({ type: 'webhook', flowControl: { mode: 'throttle', limit: 0, periodSeconds: 60 } })).toEqual([
      'trigger.flowControl.limit: must be at least 1',
    ]);
    expect(issues({ type: 'webhook', flowControl: { mode: 'batch', size: 5, maxWaitSeconds: 86_401 } })).toEqual([
      'trigger.flowControl.maxWaitSeconds: must be at most 86400',
    ]);
    expect(issues({ type: 'webhook', flowControl: { mode: 'debounce' } })[0]).toMatch(/^trigger\.flowControl\.windowSeconds: /);
    expect(issues({ type: 'webhook', flowControl: { mode: 'debounce', key: '$x(', windowSeconds: 5 } })[0]).toMatch(
      /^trigger\.flowControl\.key: /,
    );
    expect(issues({ type: 'webhook', dedupe: { key: 'trigger.body.id' }, flowControl: { mode: 'debounce', windowSeconds: 5 } })).toEqual([
      'trigger.flowControl: cannot be combined with dedupe: use a debounce rule to run a key once',
    ]);
  });
});
