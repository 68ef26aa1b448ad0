import { describe, expect, it } from 'vitest';
import { dryRunWorkflow } from '../../dry-run/dry-run-workflow';
import type { WaitPort, WaitResolution } from '../../runner/ports';
import { runWorkflow } from '../../runner/run-workflow';
import { validateDefinition } from '../../validation/validate-definition';
import { recordingHttp, steppingClock } from '../../../test/support/fake-ports';
import { TEST_NOW, runStep, testTrigger } from '../../../test/support/run-step';

/** A host's waits in memory: one wait per key, answered by the test. */
function memoryWaits() {
  const opened = new Map<string, { mode: string; timeoutAt: number; resolution?: WaitResolution }>();
  const port: WaitPort = {
    urls: (key) => ({ resumeUrl: `http://127.0.0.1/resume/${key}`, approvalUrl: `http://127.0.0.1/approve/${key}` }),
    async open({ key, mode, timeoutAt }) {
      const wait = opened.get(key) ?? { mode, timeoutAt };
      opened.set(key, wait);
      return { ...port.urls(key), timeoutAt: wait.timeoutAt, resolution: wait.resolution };
    },
  };
  return { port, opened };
}

describe('waitHandler', () => {
  it('halts without a journal entry until its timeout while nobody answered', async () => {
    const waits = memoryWaits();
    const executed = await runStep(
      { id: 'w', type: 'wait', mode: 'approval', timeoutAmount: 2, timeoutUnit: 'hours' },
      { ports: { waits: waits.port } },
    );
    expect(executed.halt).toEqual({ reason: 'waiting', resumeAt: TEST_NOW + 7_200_000 });
    expect(executed.result.output).toEqual({
      status: 'waiting',
      mode: 'approval',
      approvalUrl: 'http://127.0.0.1/approve/w',
      timeoutAt: '2024-05-01T14:00:00.000Z',
    });
    expect(waits.opened.get('w')).toMatchObject({ mode: 'approval', timeoutAt: TEST_NOW + 7_200_000 });
  });

  it('gives the answer as output: a callback body, a decision with who, a timeout', async () => {
    const waits = memoryWaits();
    const at = '2024-05-01T12:30:00.000Z';
    waits.opened.set('w', { mode: 'callback', timeoutAt: TEST_NOW + 1000, resolution: { outcome: 'resumed', body: { ok: 1 }, at } });
    expect((await runStep({ id: 'w', type: 'wait' }, { ports: { waits: waits.port } })).result.output).toEqual({
      status: 'resumed',
      body: { ok: 1 },
      at,
    });
    waits.opened.set('w', { mode: 'approval', timeoutAt: TEST_NOW + 1000, resolution: { outcome: 'rejected', by: 'Ada', at } });
    const rejected = await runStep({ id: 'w', type: 'wait', mode: 'approval' }, { ports: { waits: waits.port } });
    expect(rejected.result.output).toEqual({ status: 'rejected', decision: 'reject', by: 'Ada', at });
    expect(rejected.proceed).toBe(true);
    const failing = await runStep({ id: 'w', type: 'wait', mode: 'approval', onReject: 'fail' }, { ports: { waits: waits.port } });
    expect(failing.result.error).toMatchObject({ code: 'WAIT_REJECTED', message: `Rejected by Ada at ${at}` });
    waits.opened.set('w', { mode: 'callback', timeoutAt: TEST_NOW, resolution: { outcome: 'timed_out', at } });
    expect((await runStep({ id: 'w', type: 'wait' }, { ports: { waits: waits.port } })).result.output).toEqual({ status: 'timed_out', at });
    expect((await runStep({ id: 'w', type: 'wait', onTimeout: 'fail' }, { ports: { waits: waits.port } })).result.error?.code).toBe(
      'WAIT_TIMED_OUT',
    );
  });

  it('fails without a host that can hold a run, and refuses a timeout over 30 days', async () => {
    expect((await runStep({ id: 'w', type: 'wait' })).result.error?.code).toBe('WAIT_UNAVAILABLE');
    const invalid = validateDefinition({ trigger: { type: 'webhook' }, steps: [{ id: 'w', type: 'wait', timeoutAmount: 31 }] });
    expect(invalid.ok).toBe(false);
    if (!invalid.ok) expect(invalid.issues[0]).toMatchObject({ path: 'steps[0].timeoutAmount', message: 'must be at most 30 days' });
  });

  it('lets earlier steps send the links ($resumeUrl, $approvalUrl) and goes on once answered', async () => {
    const waits = memoryWaits();
    const validation = validateDefinition({
      trigger: { type: 'webhook' },
      steps: [
        { id: 'link', type: 'map', expression: '{ "resume": $resumeUrl, "approve": $approvalUrl }' },
        { id: 'w', type: 'wait', mode: 'approval' },
        { id: 'after', type: 'map', expression: 'steps.w.status' },
      ],
    });
    if (!validation.ok) throw new Error(JSON.stringify(validation.issues));
    const run = (journal: any[] = []) =>
      runWorkflow({
        definition: validation.definition,
        trigger: testTrigger(),
        journal,
        ports: { http: recordingHttp(), clock: steppingClock(TEST_NOW, 0), waits: waits.port },
        now: TEST_NOW,
      });
    const first = await run();
    expect(first.status).toBe('waiting');
    expect(first.steps.map((s) => s.stepId)).toEqual(['link']);
    expect(first.steps[0].output).toEqual({ resume: 'http://127.0.0.1/resume/w', approve: 'http://127.0.0.1/approve/w' });
    waits.opened.get('w')!.resolution = { outcome: 'approved', by: 'Ada', at: '2024-05-01T12:05:00.000Z' };
    const second = await run(first.steps);
    expect(second.status).toBe('succeeded');
    expect(second.steps.map((s) => [s.stepId, s.output])).toEqual([
      ['link', first.steps[0].output],
      ['w', { status: 'approved', decision: 'approve', by: 'Ada', at: '2024-05-01T12:05:00.000Z' }],
      ['after', 'approved'],
    ]);
  });
});

describe('wait and Run workflow steps in a dry run', () => {
  it('pass over as if answered, opening and starting nothing', async () => {
    const validation = validateDefinition({
      trigger: { type: 'webhook' },
      steps: [
        { id: 'link', type: 'map', expression: '$approvalUrl' },
        { id: 'w', type: 'wait', mode: 'approval' },
        { id: 'call', type: 'subworkflow', workflowId: '0190a6b4-0000-7000-8000-000000000001' },
      ],
    });
    if (!validation.ok) throw new Error(JSON.stringify(validation.issues));
    const result = await dryRunWorkflow({ definition: validation.definition, trigger: testTrigger(), now: TEST_NOW });
    expect(result.verdict.status).toBe('succeeded');
    expect(result.verdict.steps.map((s) => [s.stepId, s.output])).toEqual([
      ['link', 'dry-run:approve/w'],
      ['w', { status: 'approved', decision: 'approve', by: 'dry run', at: '2024-05-01T12:00:00.000Z' }],
      ['call', { runId: 'dry-run:call', status: 'succeeded', output: null }],
    ]);
    expect(result.sent).toEqual([]);
  });
});
