import { describe, expect, it } from 'vitest';
import { waitFor } from '../support/client';
import { useSwitchyard } from '../support/use-switchyard';

describe('workflows that call workflows, and error workflows', () => {
  const sy = useSwitchyard();

  const manual = { type: 'manual' };
  const runNow = async (workflowId: string, input: unknown = {}) => {
    const res = await sy.api.request('POST', `/api/workflows/${workflowId}/run`, { input });
    expect(res.status).toBe(201);
    return res.body.runId as string;
  };

  it('waits for a child run: its answer is the output, the runs link both ways, the child is a called request', async () => {
    const child = await sy.api.createWorkflow({
      name: 'Double',
      trigger: manual,
      steps: [
        { id: 'pause', type: 'delay', amount: 1, unit: 'seconds' },
        { id: 'twice', type: 'map', expression: '{ "doubled": trigger.body.n * 2 }' },
      ],
    });
    const parent = await sy.api.createWorkflow({
      name: 'Caller',
      trigger: manual,
      steps: [
        {
          id: 'call',
          type: 'subworkflow',
          workflowId: child.id,
          input: '{ "n": trigger.body.n + 1 }',
          timeoutAmount: 1,
          timeoutUnit: 'minutes',
        },
        { id: 'after', type: 'map', expression: 'steps.call.output.doubled' },
      ],
    });
    const runId = await runNow(parent.id, { n: 20 });
    const done = await sy.api.waitForRun(runId, 20_000);
    expect(done.status).toBe('succeeded');
    expect(done.steps[0].output).toMatchObject({ status: 'succeeded', output: { doubled: 42 } });
    expect(done.steps[1].output).toBe(42);
    const childRunId = done.steps[0].output.runId as string;
    expect(done.childRuns).toEqual([{ id: childRunId, stepId: 'call', workflowId: child.id, status: 'succeeded' }]);
    const childRun = await sy.api.request('GET', `/api/runs/${childRunId}`);
    expect(childRun.body.parentRun).toEqual({ id: runId, stepId: 'call', kind: 'call' });
    expect(childRun.body.trigger.body).toEqual({ n: 21 });
    const requests = await sy.api.request('GET', `/api/workflows/${child.id}/requests?verdict=called`);
    expect(requests.body.items).toHaveLength(1);
    expect(requests.body.items[0]).toMatchObject({ verdict: 'called', runId: childRunId, reason: `Called by run ${runId} (step call)` });
    // The parent held no worker slot while its child ran.
    const parentRow = await sy.db.query<{ claims: number }>('SELECT claims FROM runs WHERE id = $1', [runId]);
    expect(parentRow[0].claims).toBeGreaterThanOrEqual(2);
  });

  it('fires and continues; a failing child fails the step with its error', async () => {
    const failing = await sy.api.createWorkflow({
      name: 'Fails',
      trigger: manual,
      steps: [{ id: 'boom', type: 'stop', status: 'failed', message: 'no stock for {{ trigger.body.sku }}' }],
    });
    const fire = await sy.api.createWorkflow({
      name: 'Fire',
      trigger: manual,
      steps: [
        { id: 'call', type: 'subworkflow', workflowId: failing.id, mode: 'fire' },
        { id: 'after', type: 'map', expression: '"went on"' },
      ],
    });
    const fired = await sy.api.waitForRun(await runNow(fire.id, { sku: 'A1' }));
    expect(fired.status).toBe('succeeded');
    expect(fired.steps[0].output).toEqual({ runId: expect.any(String), status: 'started' });
    expect((await sy.api.waitForRun(fired.steps[0].output.runId)).status).toBe('failed');

    const wait = await sy.api.createWorkflow({
      name: 'Wait on failure',
      trigger: manual,
      steps: [{ id: 'call', type: 'subworkflow', workflowId: failing.id }],
    });
    const failed = await sy.api.waitForRun(await runNow(wait.id, { sku: 'B2' }), 20_000);
    expect(failed.status).toBe('failed');
    expect(failed.error).toMatchObject({ code: 'STOPPED', stepId: 'call', message: expect.stringContaining('no stock for B2') });
  });

  it('refuses a cycle at save and publish time naming the step, and at run time', async () => {
    const a = await sy.api.createWorkflow({ name: 'A', trigger: manual, steps: [{ id: 'm', type: 'map', expression: '1' }] });
    const b = await sy.api.createWorkflow({
      name: 'B',
      trigger: manual,
      steps: [{ id: 'callA', type: 'subworkflow', workflowId: a.id }],
    });
    const cyclic = await sy.api.request('PUT', `/api/workflows/${a.id}`, {
      name: 'A',
      trigger: manual,
      steps: [{ id: 'callB', type: 'subworkflow', workflowId: b.id }],
    });
    expect(cyclic.status).toBe(400);
    expect(cyclic.body.error.details[0]).toEqual({
      path: 'steps[0].workflowId',
      message: 'calls “B”, which calls back into this workflow (a cycle)',
    });
    expect(cyclic.body.error.message).toContain('(step callB)');
    const self = await sy.api.request('PATCH', `/api/workflows/${a.id}`, { steps: [{ id: 'me', type: 'subworkflow', workflowId: a.id }] });
    expect(self.status).toBe(400);
    expect(self.body.error.details[0].path).toBe('steps[0].workflowId');

    // Through the draft: publishing is refused the same way.
    const current = await sy.api.request('GET', `/api/workflows/${a.id}/draft`);
    const draft = await sy.api.request('PUT', `/api/workflows/${a.id}/draft`, {
      revision: current.body.revision,
      trigger: manual,
      steps: [{ id: 'callB', type: 'subworkflow', workflowId: b.id }],
    });
    expect(draft.status).toBe(200);
    const publish = await sy.api.request('POST', `/api/workflows/${a.id}/publish`, {});
    expect(publish.status).toBe(400);
    expect(publish.body.error.details[0].path).toBe('steps[0].workflowId');

    // At run time: a cycle that slipped past (the published versions changed underneath) is refused.
    await sy.db.query(
      `UPDATE workflow_versions SET definition = jsonb_set(definition, '{steps}', $2::jsonb) WHERE id = (SELECT current_version_id FROM workflows WHERE id = $1)`,
      [
        a.id,
        JSON.stringify([{ id: 'callB', type: 'subworkflow', workflowId: b.id, mode: 'wait', timeoutAmount: 1, timeoutUnit: 'minutes' }]),
      ],
    );
    await sy.restart(); // the version store caches definitions
    const run = await sy.api.waitForRun(await runNow(a.id), 20_000);
    expect(run.status).toBe('failed');
    const chain = await waitFor('the refused call deep in the chain', async () => {
      const rows = await sy.db.query<{ error: any }>(`SELECT error FROM runs WHERE error->>'code' = 'SUBWORKFLOW_CYCLE'`);
      return rows[0];
    });
    expect(chain.error.message).toMatch(/cycle/);
  });

  it('starts the error workflow once per finally failed run, with its summary; its own failure starts nothing', async () => {
    const handler = await sy.api.createWorkflow({
      name: 'On error',
      trigger: manual,
      steps: [{ id: 'fail', type: 'stop', status: 'failed', message: 'the error workflow fails too' }],
    });
    const main = await sy.api.createWorkflow({
      name: 'Main',
      trigger: { type: 'webhook' },
      errorWorkflowId: handler.id,
      steps: [
        { id: 'ok', type: 'map', expression: '1' },
        { id: 'check', name: 'Check stock', type: 'stop', status: 'failed', message: 'out of stock' },
      ],
    });
    expect(main.errorWorkflowId).toBe(handler.id);
    // The error workflow names the main one back: a loop, which must not run forever.
    const back = await sy.api.request('PATCH', `/api/workflows/${handler.id}`, { errorWorkflowId: main.id });
    expect(back.status).toBe(200);
    const own = await sy.api.request('PATCH', `/api/workflows/${handler.id}`, { errorWorkflowId: handler.id });
    expect(own.status).toBe(400);
    expect(own.body.error.details[0].path).toBe('errorWorkflowId');

    const { body } = await sy.api.hook(main.trigger.token, { order: 7 });
    expect((await sy.api.waitForRun(body.runId)).status).toBe('failed');
    const errorRun = await waitFor('the error workflow run', async () => {
      const rows = await sy.db.query<{ id: string }>('SELECT id FROM runs WHERE error_of = $1', [body.runId]);
      return rows[0];
    });
    const run = await sy.api.waitForRun(errorRun.id);
    expect(run.status).toBe('failed');
    expect(run.parentRun).toEqual({ id: body.runId, stepId: null, kind: 'error' });
    expect(run.trigger.body).toMatchObject({
      workflow: { id: main.id, name: 'Main' },
      run: { id: body.runId, url: expect.stringMatching(new RegExp(`/runs/${body.runId}$`)) },
      failedStep: { id: 'check', name: 'Check stock' },
      error: { code: 'STOPPED', message: 'out of stock' },
      request: { method: 'POST', excerpt: '{"order":7}' },
    });
    const called = await sy.api.request('GET', `/api/workflows/${handler.id}/requests?verdict=called`);
    expect(called.body.items).toHaveLength(1);

    // Exactly once: the run finishing again (a sweeper, a second process) starts nothing more.
    const { ErrorWorkflows } = await import('../../src/compose/error-workflows');
    const again = sy.instance.app.get(ErrorWorkflows);
    expect(await again.start(body.runId)).toBeNull();
    await new Promise((r) => setTimeout(r, 1000));
    const total = await sy.db.query<{ n: number }>('SELECT count(*)::int AS n FROM runs WHERE workflow_id = ANY($1::uuid[])', [
      [main.id, handler.id],
    ]);
    expect(total[0].n).toBe(2);
  });
});
