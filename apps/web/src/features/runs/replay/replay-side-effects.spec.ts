import { describe, expect, it } from 'vitest';
import type { StepRun } from '../../../api';
import { replaySideEffects } from './replay-side-effects';

const step = (id: string, type: string, status: StepRun['status'], extra: Partial<StepRun> = {}): StepRun => ({
  id,
  key: id,
  type,
  status,
  attempts: status === 'pending' || status === 'skipped' ? 0 : 1,
  ...extra,
});

describe('replaySideEffects', () => {
  const steps: StepRun[] = [
    step('shape', 'map', 'succeeded'),
    step('order', 'http', 'succeeded'),
    step('alert', 'discord', 'failed'),
    step('mail', 'email', 'pending'),
  ];

  it('names every step that calls out when replaying from the start', () => {
    expect(replaySideEffects({ steps, from: 'start' }).map((s) => s.key)).toEqual(['order', 'alert', 'mail']);
  });

  it('leaves out completed steps when replaying from the failed step: their results are reused', () => {
    expect(replaySideEffects({ steps, from: 'failed-step' }).map((s) => s.key)).toEqual(['alert', 'mail']);
  });

  it('counts the paths a branch took, and a step inside a loop once', () => {
    const nested: StepRun[] = [
      step('route', 'branch', 'succeeded', {
        paths: [
          { index: 0, name: 'EU', taken: true, steps: [step('eu', 'http', 'succeeded', { key: 'route.0.eu' })] },
          { index: 1, name: 'US', taken: false, steps: [step('us', 'http', 'skipped', { key: 'route.1.us' })] },
        ],
      }),
      step('each', 'loop', 'failed', {
        items: [
          { index: 0, status: 'succeeded', steps: [step('post', 'webhook', 'succeeded', { key: 'each[0].post' })] },
          { index: 1, status: 'failed', steps: [step('post', 'webhook', 'failed', { key: 'each[1].post' })] },
        ],
      }),
    ];
    expect(replaySideEffects({ steps: nested, from: 'start' }).map((s) => s.key)).toEqual(['route.0.eu', 'each[0].post']);
  });
});
