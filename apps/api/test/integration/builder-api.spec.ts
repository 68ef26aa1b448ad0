import { describe, expect, it } from 'vitest';
import { TEST_OWNER } from '../support/client';
import { mapFilterHttp } from '../support/workflows';
import { useSwitchyard } from '../support/use-switchyard';

/** Reads a Server-Sent Events stream until `until` matches an event (bounded). */
async function collectEvents(url: string, act: () => Promise<void>, until: (events: Array<{ event: string; data: any }>) => boolean) {
  const controller = new AbortController();
  const res = await fetch(url, {
    signal: controller.signal,
    headers: { accept: 'text/event-stream', authorization: `Bearer ${TEST_OWNER.apiKey}` },
  });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toContain('text/event-stream');
  const reader = res.body!.getReader();
  const events: Array<{ event: string; data: any }> = [];
  let buffer = '';
  await new Promise((r) => setTimeout(r, 200));
  await act();
  const deadline = Date.now() + 15_000;
  while (!until(events) && Date.now() < deadline) {
    const { value, done } = await Promise.race([
      reader.read(),
      new Promise<{ value: undefined; done: true }>((r) => setTimeout(() => r({ value: undefined, done: true }), 1000)),
    ]);
    if (value) buffer += new TextDecoder().decode(value);
    let idx;
    while ((idx = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, idx);
      buffer = buffer.slice(idx + 2);
      const event = /^event: (.*)$/m.exec(block)?.[1] ?? 'message';
      const data = /^data: (.*)$/m.exec(block)?.[1];
      if (data) events.push({ event, data: JSON.parse(data) });
    }
    if (done && !value) continue;
  }
  controller.abort();
  return events;
}

describe('builder API: request log, live events, test step and test workflow', () => {
  const sy = useSwitchyard();

  it('streams the next request and its run to a listening builder', async () => {
    const workflow = await sy.api.createWorkflow(mapFilterHttp(sy.sink.url));
    let runId = '';
    const events = await collectEvents(
      `${sy.api.baseUrl}/api/workflows/${workflow.id}/events`,
      async () => {
        runId = (await sy.api.hook(workflow.trigger.token, { id: 'LIVE', amount: 9 })).body.runId;
      },
      (evs) => evs.some((e) => e.event === 'run' && e.data.status === 'succeeded'),
    );
    const request = events.find((e) => e.event === 'request');
    expect(request?.data).toMatchObject({ workflowId: workflow.id, verdict: 'accepted', statusCode: 202, runId });
    expect(events.filter((e) => e.event === 'run').map((e) => e.data.status)).toEqual(['running', 'succeeded']);
  });

  it('lists the requests a trigger received, newest first, with the sample document', async () => {
    const workflow = await sy.api.createWorkflow(mapFilterHttp(sy.sink.url));
    await sy.api.hook(workflow.trigger.token, { id: 'one', amount: 1 });
    await sy.api.hook(workflow.trigger.token, '{broken', { contentType: 'application/json' });
    const res = await sy.api.request('GET', `/api/workflows/${workflow.id}/requests?limit=10`);
    expect(res.status).toBe(200);
    expect(res.body.items.map((r: any) => [r.verdict, r.statusCode])).toEqual([
      ['invalid_body', 400],
      ['accepted', 202],
    ]);
    expect(res.body.items[1].runId).toEqual(expect.any(String));
    expect(res.body.items[1].trigger).toMatchObject({ body: { id: 'one', amount: 1 }, method: 'POST', query: {} });
    expect(res.body.items[0]).toMatchObject({ runId: null, reason: expect.stringMatching(/not valid JSON/), trigger: { body: '{broken' } });
    const onlyAccepted = await sy.api.request('GET', `/api/workflows/${workflow.id}/requests?verdict=accepted`);
    expect(onlyAccepted.body.items).toHaveLength(1);
    expect((await sy.api.request('GET', `/api/workflows/${workflow.id}/requests?verdict=maybe`)).status).toBe(400);
  });

  it('tests one step for real on sample data, without recording a run', async () => {
    const before = await sy.db.query('SELECT count(*)::int AS n FROM runs');
    const mapped = await sy.api.request('POST', '/api/test/step', {
      step: { id: 'shape', type: 'map', expression: '{ "name": $uppercase(trigger.body.name), "prev": steps.a }' },
      context: { trigger: { body: { name: 'ada' } }, steps: { a: 1 } },
    });
    expect(mapped.status).toBe(200);
    expect(mapped.body).toMatchObject({ status: 'succeeded', output: { name: 'ADA', prev: 1 } });

    const sent = await sy.api.request('POST', '/api/test/step', {
      step: { id: 'send', type: 'http', method: 'POST', url: `${sy.sink.url}/test-step`, body: 'trigger.body' },
      context: { trigger: { body: { hello: 'world' } } },
    });
    expect(sent.body).toMatchObject({ status: 'succeeded', output: { status: 200 } });
    expect(sy.sink.requests.some((r) => r.url === '/test-step' && r.body === '{"hello":"world"}')).toBe(true);

    const failed = await sy.api.request('POST', '/api/test/step', { step: { id: 'f', type: 'map', expression: '$number("x")' } });
    expect(failed.body).toMatchObject({ status: 'failed', error: { code: expect.any(String), kind: 'user' } });

    const filtered = await sy.api.request('POST', '/api/test/step', { step: { id: 'f', type: 'filter', condition: 'false' } });
    expect(filtered.body.status).toBe('filtered');

    const invalid = await sy.api.request('POST', '/api/test/step', { step: { id: 'x', type: 'filter', condition: 'a = ' } });
    expect(invalid.status).toBe(400);
    expect(invalid.body.error.details[0]).toMatchObject({ path: 'step.condition', position: expect.any(Number) });
    expect(await sy.db.query('SELECT count(*)::int AS n FROM runs')).toEqual(before);
  });

  it('tests a whole workflow on sample data', async () => {
    const def = mapFilterHttp(sy.sink.url);
    const res = await sy.api.request('POST', '/api/test/workflow', {
      trigger: def.trigger,
      steps: def.steps,
      sample: { body: { id: 'T-1', amount: 100 } },
    });
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('succeeded');
    expect(res.body.steps.map((s: any) => [s.id, s.status])).toEqual([
      ['shape', 'succeeded'],
      ['big', 'succeeded'],
      ['send', 'succeeded'],
    ]);
    expect(sy.sink.requests.some((r) => r.url === '/orders/T-1')).toBe(true);
    const bad = await sy.api.request('POST', '/api/test/workflow', { steps: [{ type: 'map' }], sample: {} });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0].path).toBe('steps[0].expression');
  });

  it('summarises the last run and the runs of the last 24 hours in the workflow list', async () => {
    const workflow = await sy.api.createWorkflow(mapFilterHttp(sy.sink.url));
    const { body } = await sy.api.hook(workflow.trigger.token, { id: 'S', amount: 100 });
    await sy.api.waitForRun(body.runId);
    await sy.api.hook(workflow.trigger.token, { id: 'S2', amount: 1 }).then((r) => sy.api.waitForRun(r.body.runId));
    const list = await sy.api.request('GET', '/api/workflows');
    const item = list.body.items.find((w: any) => w.id === workflow.id);
    expect(item.runs24h).toBe(2);
    expect(item.lastRun).toMatchObject({ status: 'filtered' });
  });
});
