import { describe, expect, it } from 'vitest';
import { useSwitchyard } from '../support/use-switchyard';

// Issue 19 item 7: a run stopped by a filter says which filter and which condition.
describe('filtered runs', () => {
  const sy = useSwitchyard();

  it('names the filter step and its condition', async () => {
    const workflow = await sy.api.createWorkflow({
      name: 'Big orders only',
      trigger: { type: 'webhook' },
      steps: [
        { id: 'big', type: 'filter', condition: 'trigger.body.amount > 100' },
        { id: 'after', type: 'map', expression: '1' },
      ],
    });
    const run = await sy.api.waitForRun((await sy.api.hook(workflow.trigger.token, { amount: 5 })).body.runId);
    expect(run.status).toBe('filtered');
    expect(run.filteredBy).toEqual({ stepId: 'big', condition: 'trigger.body.amount > 100' });
    const passed = await sy.api.waitForRun((await sy.api.hook(workflow.trigger.token, { amount: 500 })).body.runId);
    expect(passed.status).toBe('succeeded');
    expect(passed.filteredBy).toBeNull();
  });
});
