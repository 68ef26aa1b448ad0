import { describe, expect, it } from 'vitest';
import { useSwitchyard } from '../support/use-switchyard';

describe('step retries', () => {
  const sy = useSwitchyard();

  const workflow = (retry?: Record<string, number>) => ({
    name: 'Flaky endpoint',
    trigger: { type: 'webhook' },
    steps: [
      { id: 'once', type: 'map', expression: '$uuid()' },
      {
        id: 'send',
        type: 'http',
        method: 'POST',
        url: `${sy.sink.url}/flaky`,
        body: '{ "marker": steps.once }',
        ...(retry ? { retry } : {}),
      },
    ],
  });

  it('retries a 503 with backoff and succeeds, without repeating the completed step', async () => {
    const created = await sy.api.createWorkflow(workflow({ maxAttempts: 4, initialDelayMs: 100, maxDelayMs: 200 }));
    sy.sink.failNext(2, 503);
    const before = sy.sink.requests.length;
    const { body } = await sy.api.hook(created.trigger.token, {});
    const run = await sy.api.waitForRun(body.runId, 30_000);
    expect(run.status).toBe('succeeded');
    expect(run.error).toBeNull();
    expect(run.steps.map((s: any) => [s.id, s.status, s.attempts])).toEqual([
      ['once', 'succeeded', 1],
      ['send', 'succeeded', 3],
    ]);
    const sent = sy.sink.requests.slice(before).filter((r) => r.url === '/flaky');
    expect(sent).toHaveLength(3);
    expect(new Set(sent.map((r) => r.body)).size).toBe(1);
    expect(new Set(sent.map((r) => r.headers['idempotency-key'])).size).toBe(1);
  });

  it('gives up after maxAttempts, and honours Retry-After', async () => {
    const created = await sy.api.createWorkflow(workflow({ maxAttempts: 2, initialDelayMs: 100, maxDelayMs: 200 }));
    sy.sink.failNext(2, 429, { 'retry-after': '1' });
    const { body } = await sy.api.hook(created.trigger.token, {});
    const waiting = await (async () => {
      for (let i = 0; i < 100; i++) {
        const res = await sy.api.request('GET', `/api/runs/${body.runId}`);
        if (res.body.status === 'waiting') return res.body;
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error('the run never waited for its retry');
    })();
    expect(Date.parse(waiting.resumeAt) - Date.parse(waiting.steps[1].finishedAt)).toBeGreaterThanOrEqual(900);
    expect(waiting.error.details.willRetryAt).toEqual(expect.any(String));
    const run = await sy.api.waitForRun(body.runId, 30_000);
    expect(run.status).toBe('failed');
    expect(run.steps[1]).toMatchObject({ status: 'failed', attempts: 2, error: { code: 'HTTP_STATUS', details: { status: 429 } } });
  });

  it('does not retry a 404', async () => {
    const created = await sy.api.createWorkflow(workflow());
    sy.sink.failNext(1, 404);
    const { body } = await sy.api.hook(created.trigger.token, {});
    const run = await sy.api.waitForRun(body.runId);
    expect(run.status).toBe('failed');
    expect(run.steps[1]).toMatchObject({ attempts: 1, error: { retryable: false } });
  });
});
