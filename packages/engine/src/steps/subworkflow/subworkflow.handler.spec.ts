import { describe, expect, it } from 'vitest';
import type { ChildRunState, WorkflowCaller } from '../../runner/ports';
import { TEST_NOW, runStep } from '../../../test/support/run-step';

const CHILD = '0190a6b4-0000-7000-8000-000000000001';

function caller(state: Partial<ChildRunState>, calls: unknown[] = []): WorkflowCaller {
  return {
    async call(params) {
      calls.push(params);
      return { runId: 'child-run', status: 'queued', timeoutAt: params.timeoutAt, ...state };
    },
  };
}

describe('subworkflowHandler', () => {
  it('starts the child with the input and waits for it without a journal entry', async () => {
    const calls: unknown[] = [];
    const executed = await runStep(
      {
        id: 'call',
        type: 'subworkflow',
        workflowId: CHILD,
        input: '{ "n": trigger.body.n + 1 }',
        timeoutAmount: 10,
        timeoutUnit: 'minutes',
      },
      { body: { n: 1 }, ports: { workflows: caller({ status: 'running' }, calls) } },
    );
    expect(calls).toEqual([{ key: 'call', workflowId: CHILD, input: { n: 2 }, wait: true, timeoutAt: TEST_NOW + 600_000 }]);
    expect(executed.halt).toEqual({ reason: 'waiting', resumeAt: TEST_NOW + 600_000 });
  });

  it("gives the child's answer, fails with the child's error, and times out", async () => {
    const step = { id: 'call', type: 'subworkflow', workflowId: CHILD };
    const done = await runStep(step, { ports: { workflows: caller({ status: 'succeeded', output: { total: 3 } }) } });
    expect(done.result.output).toEqual({ runId: 'child-run', status: 'succeeded', output: { total: 3 } });
    const failed = await runStep(step, {
      ports: { workflows: caller({ status: 'failed', error: { code: 'HTTP_500', message: 'boom', stepId: 'send' } }) },
    });
    expect(failed.result.error).toMatchObject({
      code: 'HTTP_500',
      message: 'The workflow run child-run failed: boom',
      details: { childRunId: 'child-run', childStepId: 'send' },
    });
    const late = await runStep(step, { ports: { workflows: caller({ status: 'running', timeoutAt: TEST_NOW - 1 }) } });
    expect(late.result.error?.code).toBe('SUBWORKFLOW_TIMED_OUT');
  });

  it('fires and goes on at once in mode fire, with the trigger body as default input', async () => {
    const calls: any[] = [];
    const fired = await runStep(
      { id: 'call', type: 'subworkflow', workflowId: CHILD, mode: 'fire' },
      { body: { a: 1 }, ports: { workflows: caller({}, calls) } },
    );
    expect(fired.result.output).toEqual({ runId: 'child-run', status: 'started' });
    expect(fired.proceed).toBe(true);
    expect(calls[0]).toMatchObject({ input: { a: 1 }, wait: false });
    expect((await runStep({ id: 'call', type: 'subworkflow', workflowId: CHILD })).result.error?.code).toBe('SUBWORKFLOW_UNAVAILABLE');
  });
});
