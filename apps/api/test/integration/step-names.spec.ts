import { describe, expect, it } from 'vitest';
import { useSwitchyard } from '../support/use-switchyard';

// Issue 14 item 6: a failed run names its step by the name a person gave it, in the detail and the lists.
describe('step names in runs', () => {
  const sy = useSwitchyard();

  it('adds the failed step’s name to the run error, and leaves it out for an unnamed step', async () => {
    const named = await sy.api.createWorkflow({
      name: 'Named',
      trigger: { type: 'webhook' },
      steps: [{ id: 'slack_1', name: 'Post to Slack', type: 'stop', status: 'failed', message: 'boom' }],
    });
    const unnamed = await sy.api.createWorkflow({
      name: 'Unnamed',
      trigger: { type: 'webhook' },
      steps: [{ id: 'halt', type: 'stop', status: 'failed', message: 'boom' }],
    });
    const run = await sy.api.waitForRun((await sy.api.hook(named.trigger.token, { id: 1 })).body.runId);
    expect(run.status).toBe('failed');
    expect(run.error).toMatchObject({ stepId: 'slack_1', stepName: 'Post to Slack' });
    expect(run.steps[0]).toMatchObject({ id: 'slack_1', name: 'Post to Slack', status: 'failed' });

    const other = await sy.api.waitForRun((await sy.api.hook(unnamed.trigger.token, { id: 2 })).body.runId);
    expect(other.error.stepId).toBe('halt');
    expect(other.error).not.toHaveProperty('stepName');

    const list = await sy.api.request('GET', '/api/runs?status=failed');
    const item = list.body.items.find((r: { id: string }) => r.id === run.id);
    expect(item.error).toMatchObject({ stepId: 'slack_1', stepName: 'Post to Slack' });
    const ofWorkflow = await sy.api.request('GET', `/api/workflows/${named.id}/runs`);
    expect(ofWorkflow.body.items[0].error.stepName).toBe('Post to Slack');
  });
});
