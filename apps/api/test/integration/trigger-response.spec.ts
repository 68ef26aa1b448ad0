import { describe, expect, it } from 'vitest';
import { lastRequest, sendHook } from './trigger-helpers';
import { useSwitchyard } from '../support/use-switchyard';

describe.each([
  { mode: 'one process', scaleOut: false },
  { mode: 'api and worker processes on Redis', scaleOut: true },
])('response mode "wait" ($mode)', ({ scaleOut }) => {
  const sy = useSwitchyard({ workers: scaleOut ? 1 : 0 });

  const workflow = (steps: unknown[], response: Record<string, unknown> = { mode: 'wait' }) =>
    sy.api.createWorkflow({ name: 'Slash command', trigger: { type: 'webhook', response }, steps });

  it('answers with the respond step: status, headers and body', async () => {
    const wf = await workflow([
      { id: 'greet', type: 'map', expression: '"Hello, " & trigger.body.user_name' },
      {
        id: 'reply',
        type: 'respond',
        status: 201,
        headers: { 'X-Run': 'yes', 'Content-Length': '1' },
        body: '{ "text": steps.greet, "response_type": "ephemeral" }',
      },
      { id: 'after', type: 'map', expression: '1' },
    ]);
    const res = await sendHook(sy.url, wf.trigger.token, {
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'user_name=ada&command=%2Fhi',
    });
    expect(res.status).toBe(201);
    expect(res.headers.get('x-run')).toBe('yes');
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(res.json).toEqual({ text: 'Hello, ada', response_type: 'ephemeral' });
    expect(await lastRequest(sy.db, wf.id)).toMatchObject({
      verdict: 'accepted',
      status_code: 201,
      reason: "Answered 201 by the workflow's respond step",
    });
  });

  it('sends text as text', async () => {
    const wf = await workflow([{ id: 'reply', type: 'respond', body: '"pong"' }]);
    const res = await sendHook(sy.url, wf.trigger.token, { headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(res).toMatchObject({ status: 200, text: 'pong' });
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
  });

  it('falls back to 202 with the run id when the run ends without responding, or on timeout', async () => {
    const silent = await workflow([{ id: 'm', type: 'map', expression: '1' }]);
    const ended = await sendHook(sy.url, silent.trigger.token, { headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(ended).toMatchObject({ status: 202, json: { runId: expect.any(String), status: 'succeeded' } });

    const slow = await workflow(
      [
        { id: 'wait', type: 'delay', amount: 30, unit: 'seconds' },
        { id: 'reply', type: 'respond', body: '"late"' },
      ],
      { mode: 'wait', timeoutMs: 300 },
    );
    const started = Date.now();
    const timedOut = await sendHook(sy.url, slow.trigger.token, { headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(timedOut).toMatchObject({ status: 202, json: { runId: expect.any(String) } });
    expect(Date.now() - started).toBeLessThan(5000);
    expect(await lastRequest(sy.db, slow.id)).toMatchObject({ status_code: 202, reason: 'No respond step within 300 ms; answered 202' });
  });
});
