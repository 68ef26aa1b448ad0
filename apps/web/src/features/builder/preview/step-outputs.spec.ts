import { describe, expect, it } from 'vitest';
import type { TriggerSample } from '../../../api';
import type { DraftStep } from '../state/step-draft';
import { computeStepOutputs, contextForStep } from './step-outputs';

const sample: TriggerSample = {
  body: { user: 'ada', n: 2 },
  headers: {},
  query: {},
  method: 'POST',
  receivedAt: '2025-01-01T00:00:00.000Z',
};

describe('computeStepOutputs', () => {
  it('chains map and filter outputs, takes http from its last test and reports errors per step', async () => {
    const steps: DraftStep[] = [
      { key: 'a', step: { id: 'shape', type: 'map', expression: '{"who": trigger.body.user, "n": trigger.body.n * 2}' } },
      { key: 'b', step: { id: 'big', type: 'filter', condition: 'steps.shape.n > 2' } },
      { key: 'c', step: { id: 'send', type: 'http', method: 'POST', url: 'https://x', headers: {} } },
      { key: 'd', step: { id: 'echo', type: 'map', expression: 'steps.send.status & steps.shape.who' } },
      { key: 'e', step: { id: 'bad', type: 'map', expression: '1 + "x"' } },
      { key: 'f', step: { id: 'empty', type: 'map', expression: '' } },
    ];
    const states = await computeStepOutputs({
      steps,
      sample,
      tests: { c: { status: 'succeeded', output: { status: 200 }, stepFingerprint: '', source: 'step' } },
    });
    expect(states.a).toEqual({ source: 'preview', output: { who: 'ada', n: 4 } });
    expect(states.b).toEqual({ source: 'preview', output: { passed: true }, passed: true });
    expect(states.c).toEqual({ source: 'test', output: { status: 200 } });
    expect(states.d).toEqual({ source: 'preview', output: '200ada' });
    expect(states.e.source).toBe('error');
    expect(states.f).toEqual({ source: 'none' });
    expect(contextForStep({ steps, index: 2, sample, outputs: states }).steps).toEqual({
      shape: { who: 'ada', n: 4 },
      big: { passed: true },
    });
  });
});
