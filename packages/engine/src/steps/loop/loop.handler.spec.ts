import { describe, expect, it } from 'vitest';
import { runStep } from '../../../test/support/run-step';

describe('loopHandler', () => {
  it('counts a single value as one item and nothing as none', async () => {
    const one = await runStep({ id: 'l', type: 'loop', items: 'trigger.body.order', steps: [] }, { body: { order: { id: 1 } } });
    expect(one.result.output).toEqual({ results: [{ id: 1 }], failures: [] });
    const none = await runStep({ id: 'l', type: 'loop', items: 'null', steps: [] });
    expect(none.result.output).toEqual({ results: [], failures: [] });
  });

  it('without steps maps each item through the output expression', async () => {
    const executed = await runStep({ id: 'l', type: 'loop', items: '[1, 2, 3]', output: '$item * $index' });
    expect(executed.result.output).toEqual({ results: [0, 2, 6], failures: [] });
    expect(executed.nested).toEqual([]);
  });

  it('gives each item its own context: an item does not see the outputs of another', async () => {
    const executed = await runStep({
      id: 'l',
      type: 'loop',
      items: '[1, 2]',
      steps: [
        { id: 'seen', type: 'map', expression: '$exists(steps.mine)' },
        { id: 'mine', type: 'map', expression: '$item' },
      ],
      output: 'steps.seen',
    });
    expect(executed.result.output).toEqual({ results: [false, false], failures: [] });
  });

  it('fails the loop on an output expression error, or collects it with onItemError collect', async () => {
    const step = { id: 'l', type: 'loop', items: '[1, "x", 3]', output: '$item + 1' };
    const failed = await runStep(step);
    expect(failed.result.error).toMatchObject({ code: 'T2001', field: 'output' });
    const collected = await runStep({ ...step, onItemError: 'collect' });
    expect(collected.result.output).toMatchObject({
      results: [2, null, 4],
      failures: [{ index: 1, error: { code: 'T2001', field: 'output' } }],
    });
  });

  it('fails with the items field when the items expression fails', async () => {
    const executed = await runStep({ id: 'l', type: 'loop', items: '$number("x")', steps: [] });
    expect(executed.result.error).toMatchObject({ field: 'items', kind: 'user', retryable: false });
  });

  it('refuses collected results larger than the output limit', async () => {
    const executed = await runStep({ id: 'l', type: 'loop', items: '[1..200]', output: '$pad("", 100000, "x")' });
    expect(executed.result.error).toMatchObject({ code: 'LIMIT_OUTPUT', field: 'output' });
  });
});
