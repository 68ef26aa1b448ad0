import { describe, expect, it } from 'vitest';
import { TEST_OWNER } from '../support/client';
import { useSwitchyard } from '../support/use-switchyard';

describe('Run now', () => {
  const sy = useSwitchyard();

  const echo = () => ({
    name: 'Echo',
    trigger: { type: 'webhook' },
    steps: [
      { id: 'send', type: 'http', method: 'POST', url: `${sy.sink.url}/echo`, body: '{ "got": trigger.body, "method": trigger.method }' },
    ],
  });

  it('starts the published version with the JSON input, recorded as a manual request naming who started it', async () => {
    const workflow = await sy.api.createWorkflow(echo());
    const session = await sy.signIn();
    const started = await session.request('POST', `/api/workflows/${workflow.id}/run`, { input: { order: 42, items: ['a', 'b'] } });
    expect(started.status).toBe(201);
    expect(started.body).toEqual({ runId: expect.any(String), requestId: expect.any(String) });

    const run = await sy.api.waitForRun(started.body.runId);
    expect(run.status).toBe('succeeded');
    expect(run.trigger.body).toEqual({ order: 42, items: ['a', 'b'] });
    const sent = sy.sink.requests.filter((r) => r.url === '/echo').map((r) => JSON.parse(r.body));
    expect(sent).toContainEqual({ got: { order: 42, items: ['a', 'b'] }, method: 'POST' });

    const manual = await sy.api.request('GET', `/api/workflows/${workflow.id}/requests?verdict=manual`);
    expect(manual.status).toBe(200);
    expect(manual.body.items).toHaveLength(1);
    expect(manual.body.items[0]).toMatchObject({
      id: started.body.requestId,
      verdict: 'manual',
      reason: `Run now by ${TEST_OWNER.email}`,
      statusCode: 201,
      runId: started.body.runId,
      trigger: { body: { order: 42, items: ['a', 'b'] }, headers: { 'x-switchyard-started-by': TEST_OWNER.email } },
    });

    // A manual request is a request like any other: it can be run again from the log.
    const again = await sy.api.request('POST', `/api/requests/${started.body.requestId}/replay`);
    expect(again.status).toBe(201);
    expect((await sy.api.waitForRun(again.body.runId)).trigger.body).toEqual({ order: 42, items: ['a', 'b'] });

    const audit = await sy.api.request('GET', '/api/audit?action=workflow.run');
    expect(audit.status).toBe(200);
    expect(audit.body.items.some((e: any) => e.action === 'workflow.run' && e.target.id === workflow.id)).toBe(true);
  });

  it('names the API key that started it, defaults the input to {}, and runs a workflow that is switched off', async () => {
    const workflow = await sy.api.createWorkflow(echo());
    await sy.api.request('PATCH', `/api/workflows/${workflow.id}`, { active: false });
    const started = await sy.api.request('POST', `/api/workflows/${workflow.id}/run`, {});
    expect(started.status).toBe(201);
    const run = await sy.api.waitForRun(started.body.runId);
    expect(run).toMatchObject({ status: 'succeeded', trigger: { body: {} } });
    const requests = await sy.api.request('GET', `/api/workflows/${workflow.id}/requests`);
    expect(requests.body.items[0].verdict).toBe('manual');
    expect(requests.body.items[0].reason).toMatch(/^Run now by API key /);
  });

  it('refuses bad input with the field and the reason, and unknown workflows with 404', async () => {
    const workflow = await sy.api.createWorkflow(echo());
    const extra = await sy.api.request('POST', `/api/workflows/${workflow.id}/run`, { input: {}, inptu: 1 });
    expect(extra.status).toBe(400);
    expect(extra.body.error.code).toBe('validation_failed');

    const huge = await sy.api.request('POST', `/api/workflows/${workflow.id}/run`, { input: 'x'.repeat(1024 * 1024 + 10) });
    expect(huge.status).toBe(400);
    expect(huge.body.error.details[0]).toMatchObject({ path: 'input', message: expect.stringContaining('at most') });

    const missing = await sy.api.request('POST', `/api/workflows/0190a6b4-0000-7000-8000-000000000000/run`, {});
    expect(missing.status).toBe(404);

    const requests = await sy.api.request('GET', `/api/workflows/${workflow.id}/requests`);
    expect(requests.body.items).toHaveLength(0);
  });
});
