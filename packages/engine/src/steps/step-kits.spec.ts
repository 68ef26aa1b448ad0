import { describe, expect, it } from 'vitest';
import { defaultRetryPolicy } from './step-kits';

describe('retry policy', () => {
  it('retries steps that call out (http and app actions) by default, and nothing else', () => {
    for (const type of ['http', 'slack', 'discord', 'teams', 'telegram', 'webhook', 'email'])
      expect(defaultRetryPolicy(type).maxAttempts).toBe(3);
    for (const type of ['map', 'filter', 'branch', 'loop', 'delay', 'respond', 'stop'])
      expect(defaultRetryPolicy(type).maxAttempts).toBe(1);
  });
});
