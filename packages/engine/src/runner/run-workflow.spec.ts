import { describe, expect, it } from 'vitest';
import { countingIds, json, recordingHttp, steppingClock } from '../../test/support/fake-ports';
import type { WorkflowDefinition } from '../schema/workflow-definition.schema';
import { validateDefinition } from '../validation/validate-definition';
import { executeStep, runWorkflow, type StepResult } from './run-workflow';
import type { TriggerData } from './step-handler';

const NOW = Date.UTC(2024, 4, 1, 12);

function definition(steps: unknown[]): WorkflowDefinition {
  const result = validateDefinition({ trigger: { type: 'webhook' }, steps });
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.definition;
}

function trigger(body: unknown): TriggerData {
  return { body, headers: {}, query: {}, method: 'POST', receivedAt: new Date(NOW).toISOString() };
}

describe('runWorkflow: nested journal and resume', () => {
  const branchThenMap = definition([
    {
      id: 'route',
      type: 'branch',
      paths: [
        {
          condition: 'true',
          steps: [
            { id: 'a', type: 'map', expression: '"from a"' },
            { id: 'call', type: 'http', url: 'https://x.example.com/call' },
          ],
        },
      ],
    },
    { id: 'after', type: 'map', expression: '[steps.a, steps.call.status]' },
  ]);

  it('restores the outputs of the steps inside a journaled branch for the steps after it', async () => {
    const first = await runWorkflow({
      definition: branchThenMap,
      trigger: trigger({}),
      ports: { http: recordingHttp(), clock: steppingClock() },
      now: NOW,
    });
    expect(first.steps.map((s) => s.stepId)).toEqual(['route.0.a', 'route.0.call', 'route', 'after']);
    const journal = first.steps.filter((s) => s.stepId !== 'after');
    const http = recordingHttp();
    const resumed = await runWorkflow({
      definition: branchThenMap,
      trigger: trigger({}),
      journal,
      ports: { http, clock: steppingClock() },
      now: NOW,
    });
    expect(http.requests).toEqual([]);
    expect(resumed.steps.at(-1)?.output).toEqual(['from a', 200]);
  });

  it('resumes inside a branch that had not finished, skipping its completed nested steps', async () => {
    const journal: StepResult[] = [
      { stepId: 'route.0.a', type: 'map', status: 'succeeded', output: 'journaled a', attempts: 1, startedAt: 0, finishedAt: 1 },
    ];
    const http = recordingHttp();
    const verdict = await runWorkflow({
      definition: branchThenMap,
      trigger: trigger({}),
      journal,
      ports: { http, clock: steppingClock() },
      now: NOW,
    });
    expect(http.requests.map((r) => r.url)).toEqual(['https://x.example.com/call']);
    expect(verdict.steps.at(-1)?.output).toEqual(['journaled a', 200]);
  });

  it('ignores failed journal entries: they run again', async () => {
    const journal: StepResult[] = [
      { stepId: 'route.0.a', type: 'map', status: 'succeeded', output: 'a', attempts: 1, startedAt: 0, finishedAt: 1 },
      {
        stepId: 'route.0.call',
        type: 'http',
        status: 'failed',
        error: { code: 'HTTP_STATUS', message: '503', kind: 'user', retryable: true },
        attempts: 1,
        startedAt: 1,
        finishedAt: 2,
      },
    ];
    const http = recordingHttp();
    const verdict = await runWorkflow({
      definition: branchThenMap,
      trigger: trigger({}),
      journal,
      ports: { http, clock: steppingClock() },
      now: NOW,
    });
    expect(verdict.status).toBe('succeeded');
    expect(http.requests).toHaveLength(1);
  });

  it('a run with a delay inside a loop waits until the earliest item can go on', async () => {
    const def = definition([
      {
        id: 'each',
        type: 'loop',
        items: '[1, 2, 3]',
        concurrency: 2,
        steps: [
          { id: 'wait', type: 'delay', mode: 'until', until: '$millis() + $item * 60000' },
          { id: 'done', type: 'map', expression: '$item * 10' },
        ],
      },
    ]);
    const clock = steppingClock(NOW, 0);
    const verdict = await runWorkflow({ definition: def, trigger: trigger({}), ports: { http: recordingHttp(), clock }, now: NOW });
    expect(verdict.status).toBe('waiting');
    expect(verdict.resumeAt).toBe(NOW + 60_000);
    // Two items ran up to their delay; the third did not start; the loop has no entry yet.
    expect(verdict.steps.map((s) => s.stepId)).toEqual(['each[0].wait', 'each[1].wait']);

    // Item 0 goes on; item 1 still waits, so item 2 does not start yet.
    clock.set(NOW + 61_000);
    const resumed = await runWorkflow({
      definition: def,
      trigger: trigger({}),
      journal: verdict.steps,
      ports: { http: recordingHttp(), clock },
      now: NOW,
    });
    expect(resumed).toMatchObject({ status: 'waiting', resumeAt: NOW + 120_000 });
    expect(resumed.steps.map((s) => s.stepId)).toEqual(['each[0].wait', 'each[1].wait', 'each[0].done']);

    clock.set(NOW + 200_000);
    const done = await runWorkflow({
      definition: def,
      trigger: trigger({}),
      journal: resumed.steps,
      ports: { http: recordingHttp(), clock },
      now: NOW,
    });
    expect(done.status).toBe('succeeded');
    expect(done.steps.find((s) => s.stepId === 'each')?.output).toEqual({ results: [10, 20, 30], failures: [] });
  });

  it('a failed stop inside a branch fails the branch with STOPPED and names the stop step', async () => {
    const def = definition([
      {
        id: 'route',
        type: 'branch',
        paths: [{ condition: 'true', steps: [{ id: 'halt', type: 'stop', status: 'failed', message: 'no' }] }],
      },
    ]);
    const verdict = await runWorkflow({
      definition: def,
      trigger: trigger({}),
      ports: { http: recordingHttp(), clock: steppingClock() },
      now: NOW,
    });
    expect(verdict).toMatchObject({
      status: 'failed',
      error: { code: 'STOPPED', message: 'no', stepId: 'route.0.halt' },
      stopped: { stepId: 'route.0.halt', status: 'failed' },
    });
    expect(verdict.steps.map((s) => [s.stepId, s.status, s.error?.code, s.error?.details])).toEqual([
      ['route.0.halt', 'failed', 'STOPPED', undefined],
      ['route', 'failed', 'STOPPED', { stepId: 'route.0.halt' }],
    ]);
  });

  it('a journaled succeeded stop ends a resumed run the same way', async () => {
    const def = definition([
      { id: 'done', type: 'stop', message: 'enough' },
      { id: 'never', type: 'map', expression: '1' },
    ]);
    const journal: StepResult[] = [
      {
        stepId: 'done',
        type: 'stop',
        status: 'succeeded',
        output: { status: 'succeeded', message: 'enough' },
        attempts: 1,
        startedAt: 0,
        finishedAt: 1,
      },
    ];
    const verdict = await runWorkflow({
      definition: def,
      trigger: trigger({}),
      journal,
      ports: { http: recordingHttp(), clock: steppingClock() },
      now: NOW,
    });
    expect(verdict).toMatchObject({ status: 'succeeded', stopped: { stepId: 'done', message: 'enough' } });
    expect(verdict.steps).toHaveLength(1);
  });

  it('a host error while checkpointing a loop item stops the loop and rejects the run, after the running items settle', async () => {
    const def = definition([
      { id: 'each', type: 'loop', items: '[1,2,3,4,5,6]', concurrency: 3, steps: [{ id: 'm', type: 'map', expression: '$item' }] },
    ]);
    let checkpoints = 0;
    const run = runWorkflow({
      definition: def,
      trigger: trigger({}),
      ports: { http: recordingHttp(), clock: steppingClock() },
      now: NOW,
      onStepFinished: async () => {
        if (++checkpoints === 2) throw new Error('database is gone');
      },
    });
    await expect(run).rejects.toThrow('database is gone');
    // Items already running finish; no new item starts once the error is seen.
    expect(checkpoints).toBeLessThan(6);
  });

  it('passes runId and the id port to every nested step', async () => {
    const def = definition([
      {
        id: 'each',
        type: 'loop',
        items: '["a", "b"]',
        steps: [{ id: 'send', type: 'http', url: 'https://x.example.com/{{ $item }}', body: '{"id": $uuid()}' }],
      },
    ]);
    const http = recordingHttp();
    await runWorkflow({
      definition: def,
      trigger: trigger({}),
      ports: { http, clock: steppingClock(), ids: countingIds() },
      now: NOW,
      runId: 'r1',
    });
    expect(http.requests.map((r) => [r.headers['idempotency-key'], r.body])).toEqual([
      ['r1:each[0].send', '{"id":"id-1"}'],
      ['r1:each[1].send', '{"id":"id-2"}'],
    ]);
  });
});

describe('executeStep', () => {
  it('runs a branch with its nested steps and returns their entries, without changing the given context', async () => {
    const [step] = definition([
      {
        id: 'route',
        type: 'branch',
        paths: [{ condition: 'steps.prev > 1', steps: [{ id: 'inner', type: 'map', expression: 'steps.prev * 2' }] }],
      },
    ]).steps;
    const context = { trigger: trigger({}), steps: { prev: 5 } };
    const executed = await executeStep({ step, context, ports: { http: recordingHttp(), clock: steppingClock() }, now: NOW });
    expect(executed.result).toMatchObject({ stepId: 'route', status: 'succeeded', output: { matched: [0], otherwise: false } });
    expect(executed.nested.map((s) => [s.stepId, s.output, s.parentStepId, s.definitionStepId])).toEqual([
      ['route.0.inner', 10, 'route', 'inner'],
    ]);
    expect(executed.proceed).toBe(true);
    expect(context.steps).toEqual({ prev: 5 });
  });

  it('tests a step of a loop with $item and $index bindings', async () => {
    const [step] = definition([{ id: 'm', type: 'map', expression: '$item.name & "#" & $index' }]).steps;
    const executed = await executeStep({
      step,
      context: { trigger: trigger({}), steps: {} },
      ports: { http: recordingHttp(), clock: steppingClock() },
      now: NOW,
      bindings: { item: { name: 'x' }, index: 3 },
    });
    expect(executed.result.output).toBe('x#3');
  });

  it('reports why a stop or a delay halts', async () => {
    const [stop, delay] = definition([
      { id: 'stop', type: 'stop', message: 'bye' },
      { id: 'wait', type: 'delay', amount: 5, unit: 'seconds' },
    ]).steps;
    const ports = { http: recordingHttp(), clock: steppingClock(NOW, 0) };
    const context = { trigger: trigger({}), steps: {} };
    expect(await executeStep({ step: stop, context, ports, now: NOW })).toMatchObject({
      proceed: false,
      halt: { reason: 'stopped', status: 'succeeded', message: 'bye' },
    });
    expect(await executeStep({ step: delay, context, ports, now: NOW })).toMatchObject({
      proceed: false,
      halt: { reason: 'waiting', resumeAt: NOW + 5000 },
    });
  });
});

describe('runWorkflow: a loop of 10,000 items', () => {
  it('collects 10,000 results in order with concurrency 10, never more than 10 items in flight, failures collected', async () => {
    const items = Array.from({ length: 10_000 }, (_, i) => ({ id: i, name: `item ${i}` }));
    const def = definition([
      {
        id: 'each',
        type: 'loop',
        items: 'trigger.body.items',
        concurrency: 10,
        onItemError: 'collect',
        output: '{"id": $item.id, "status": steps.post.status}',
        steps: [
          { id: 'even', type: 'filter', condition: '$item.id % 100 != 99' },
          { id: 'post', type: 'http', url: 'https://sink.example.com/items/{{ $item.id }}', body: '{"name": $item.name, "at": $index}' },
        ],
      },
      {
        id: 'summary',
        type: 'map',
        expression:
          '{"results": $count(steps.each.results), "failures": $count(steps.each.failures), "first": steps.each.results[0], "last": steps.each.results[-1]}',
      },
    ]);
    let inFlight = 0;
    let peak = 0;
    const http = recordingHttp(async (request) => {
      inFlight++;
      peak = Math.max(peak, inFlight);
      await new Promise((resolve) => setImmediate(resolve));
      inFlight--;
      const id = Number(request.url.split('/').pop());
      return id % 1000 === 500 ? json(500, { error: 'boom' }) : json(201, { id });
    });
    let checkpoints = 0;
    let heapPeak = 0;
    const heapBefore = process.memoryUsage().heapUsed;
    const verdict = await runWorkflow({
      definition: def,
      trigger: trigger({ items }),
      ports: { http, clock: steppingClock() },
      now: NOW,
      onStepFinished: async () => {
        checkpoints++;
        if (checkpoints % 1000 === 0) heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
      },
    });

    expect(verdict.status).toBe('succeeded');
    // Bounded memory: the whole run (20,000 journal entries included) stays far below what an
    // unbounded fan-out (all 10,000 items in flight, their contexts copied) would take.
    expect(heapPeak - heapBefore).toBeLessThan(256 * 1024 * 1024);
    const loop = verdict.steps.find((s) => s.stepId === 'each')?.output as {
      results: Array<{ id: number; status: number } | null>;
      failures: Array<{ index: number; stepId: string }>;
    };
    expect(loop.results).toHaveLength(10_000);
    expect(loop.results[0]).toEqual({ id: 0, status: 201 });
    expect(loop.results[9_998]).toEqual({ id: 9_998, status: 201 });
    // Filtered items (id % 100 == 99) and failed items (id % 1000 == 500) have null results.
    expect(loop.results[99]).toBeNull();
    expect(loop.results[500]).toBeNull();
    expect(loop.results.filter((r) => r === null)).toHaveLength(100 + 10);
    expect(loop.results.every((r, i) => r === null || r.id === i)).toBe(true);
    expect(loop.failures.map((f) => f.index)).toEqual([500, 1500, 2500, 3500, 4500, 5500, 6500, 7500, 8500, 9500]);
    expect(loop.failures[0].stepId).toBe('each[500].post');
    expect(verdict.steps.at(-1)?.output).toEqual({ results: 10_000, failures: 10, first: { id: 0, status: 201 }, last: null });

    expect(http.requests).toHaveLength(9_900);
    expect(peak).toBeLessThanOrEqual(10);
    expect(peak).toBeGreaterThan(1);
    // One entry per filter and per request, plus the loop and the summary.
    expect(checkpoints).toBe(10_000 + 9_900 + 2);
  }, 120_000);

  it('refuses more than 10,000 items', async () => {
    const def = definition([{ id: 'each', type: 'loop', items: '[1..10001]', steps: [] }]);
    const verdict = await runWorkflow({
      definition: def,
      trigger: trigger({}),
      ports: { http: recordingHttp(), clock: steppingClock() },
      now: NOW,
    });
    expect(verdict.error).toMatchObject({ code: 'LOOP_TOO_MANY_ITEMS', field: 'items', stepId: 'each', retryable: false });
  });
});
