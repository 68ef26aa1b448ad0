import { describe, expect, it } from 'vitest';
import { runStep } from '../../../test/support/run-step';

describe('branchHandler', () => {
  const paths = [
    { name: 'small', condition: 'trigger.body.n < 10', steps: [{ id: 'small', type: 'map', expression: '"small"' }] },
    { name: 'even', condition: 'trigger.body.n % 2 = 0', steps: [{ id: 'even', type: 'map', expression: '"even"' }] },
  ];

  it('first-match runs the first matching path only; every-match runs all of them', async () => {
    expect((await runStep({ id: 'b', type: 'branch', paths }, { body: { n: 4 } })).result.output).toEqual({
      matched: [0],
      otherwise: false,
    });
    const every = await runStep({ id: 'b', type: 'branch', mode: 'every-match', paths }, { body: { n: 4 } });
    expect(every.result.output).toEqual({ matched: [0, 1], otherwise: false });
    expect(every.nested.map((s) => s.stepId)).toEqual(['b.0.small', 'b.1.even']);
  });

  it('runs nothing when no path matches and there is no otherwise path', async () => {
    const executed = await runStep({ id: 'b', type: 'branch', paths }, { body: { n: 11 } });
    expect(executed.result.output).toEqual({ matched: [], otherwise: false });
    expect(executed.nested).toEqual([]);
  });

  it('points a condition error at its path', async () => {
    const executed = await runStep(
      { id: 'b', type: 'branch', paths: [paths[0], { condition: '$number("x")', steps: [] }] },
      { body: { n: 11 } },
    );
    expect(executed.result.error).toMatchObject({ field: 'paths[1].condition', kind: 'user', retryable: false });
  });

  it('sees loop bindings in its conditions', async () => {
    const executed = await runStep(
      { id: 'b', type: 'branch', paths: [{ condition: '$item = "x"', steps: [] }] },
      { bindings: { item: 'x', index: 0 } },
    );
    expect(executed.result.output).toEqual({ matched: [0], otherwise: false });
  });
});
