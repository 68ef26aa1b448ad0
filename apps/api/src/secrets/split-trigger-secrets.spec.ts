import type { WorkflowDefinition } from '@switchyard/engine';
import { describe, expect, it } from 'vitest';
import { splitTriggerSecrets, withSecretHints } from './split-trigger-secrets';

const def = (trigger: WorkflowDefinition['trigger']): WorkflowDefinition => ({ schemaVersion: 1, trigger, steps: [] });

describe('splitTriggerSecrets', () => {
  it('takes the secrets and hints out of the definition', () => {
    const { definition, secrets } = splitTriggerSecrets(
      def({ type: 'webhook', verify: { scheme: 'github', secrets: ['a', 'b'], secretHints: ['…x'] } }),
    );
    expect(secrets).toEqual(['a', 'b']);
    expect(definition.trigger).toEqual({ type: 'webhook', verify: { scheme: 'github' } });
  });
  it('keeps the stored secrets when none are given, clears them on [] or without verify', () => {
    expect(splitTriggerSecrets(def({ type: 'webhook', verify: { scheme: 'github' } })).secrets).toBeUndefined();
    expect(splitTriggerSecrets(def({ type: 'webhook', verify: { scheme: 'github', secrets: [] } })).secrets).toEqual([]);
    expect(splitTriggerSecrets(def({ type: 'webhook' })).secrets).toEqual([]);
  });
  it('shows hints only on a trigger with verify', () => {
    expect(withSecretHints({ type: 'webhook', verify: { scheme: 'stripe' } }, ['whsec_…a1b2'])).toEqual({
      type: 'webhook',
      verify: { scheme: 'stripe', secretHints: ['whsec_…a1b2'] },
    });
    expect(withSecretHints({ type: 'webhook' }, ['x'])).toEqual({ type: 'webhook' });
  });
});
