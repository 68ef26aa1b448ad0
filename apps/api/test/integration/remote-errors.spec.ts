import { describe, expect, it } from 'vitest';
import { useSwitchyard } from '../support/use-switchyard';

// Issue 19 item 6: the service's own words in the headline, remote errors labelled, every attempt listed.
describe('remote errors and attempts', () => {
  const sy = useSwitchyard();

  const flaky = (maxAttempts: number) => ({
    name: 'Order service',
    trigger: { type: 'webhook' },
    steps: [
      { id: 'shape', type: 'map', expression: '{ "id": trigger.body.id }' },
      {
        id: 'order',
        type: 'http',
        method: 'POST',
        url: `${sy.sink.url}/orders`,
        body: 'steps.shape',
        retry: { maxAttempts, initialDelayMs: 100, maxDelayMs: 200 },
      },
    ],
  });

  it('lists each attempt of a step that failed and then succeeded: when, status, why it retried', async () => {
    const workflow = await sy.api.createWorkflow(flaky(3));
    sy.sink.failNext(1, 503);
    const run = await sy.api.waitForRun((await sy.api.hook(workflow.trigger.token, { id: 7 })).body.runId);
    expect(run.status).toBe('succeeded');
    const order = run.steps.find((s: { id: string }) => s.id === 'order');
    expect(order.attempts).toBe(2);
    expect(order.attemptLog).toEqual([
      {
        startedAt: expect.any(String),
        finishedAt: expect.any(String),
        status: 'failed',
        httpStatus: 503,
        error: { code: 'HTTP_STATUS', message: expect.stringContaining('answered HTTP 503: failing on purpose with 503'), retryable: true },
      },
      { startedAt: expect.any(String), finishedAt: expect.any(String), status: 'succeeded', httpStatus: 200 },
    ]);
    expect(Date.parse(order.attemptLog[1].startedAt)).toBeGreaterThan(Date.parse(order.attemptLog[0].finishedAt));
    // A step that does not call out logs its one attempt without a status.
    expect(run.steps[0].attemptLog).toEqual([{ startedAt: expect.any(String), finishedAt: expect.any(String), status: 'succeeded' }]);
  });

  it('puts the status and the words of the service in the error headline, labelled remote', async () => {
    const workflow = await sy.api.createWorkflow(flaky(1));
    sy.sink.respondWith(500, { error: 'order service database unavailable' });
    try {
      const run = await sy.api.waitForRun((await sy.api.hook(workflow.trigger.token, { id: 8 })).body.runId);
      expect(run.status).toBe('failed');
      expect(run.error).toMatchObject({
        code: 'HTTP_STATUS',
        source: 'remote',
        message: `POST 127.0.0.1:${sy.sink.port} answered HTTP 500: order service database unavailable`,
        stepId: 'order',
      });
    } finally {
      sy.sink.respondWith(200);
    }
  });
});
