import { describe, expect, it } from 'vitest';
import { useSwitchyard } from '../support/use-switchyard';

/** "Send a test event" (issue 14): a signed, provider-shaped event through the real trigger URL. */
describe('send a test event', () => {
  const sy = useSwitchyard();

  it('sends a GitHub push signed with the stored secret: accepted, recorded and run', async () => {
    const wf = await sy.api.createWorkflow({
      name: 'Pushes',
      trigger: { type: 'webhook', verify: { scheme: 'github', secrets: ['gh-test-secret-4711'] } },
      steps: [{ id: 'say', type: 'map', expression: '$count(trigger.body.commits) & " commits to " & trigger.body.repository.full_name' }],
    });
    const res = await sy.api.request('POST', `/api/workflows/${wf.id}/test-event`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ label: 'GitHub push', scheme: 'github', signed: true, statusCode: 202 });
    expect(res.body.request).toMatchObject({ verdict: 'accepted', statusCode: 202 });
    expect(res.body.request.trigger.headers['x-github-event']).toBe('push');
    expect(res.body.request.trigger.headers['x-hub-signature-256']).toMatch(/^sha256=[0-9a-f]{64}$/);
    const run = await sy.api.waitForRun(res.body.request.runId);
    expect(run.status).toBe('succeeded');
    expect(run.steps[0].output).toBe('2 commits to acme/shop');
  });

  it('says when there is no secret to sign with: the request is refused (401) and recorded', async () => {
    const wf = await sy.api.createWorkflow({ name: 'No secret', trigger: { type: 'webhook', verify: { scheme: 'stripe' } }, steps: [] });
    const res = await sy.api.request('POST', `/api/workflows/${wf.id}/test-event`);
    expect(res.body).toMatchObject({ label: 'Stripe payment_intent.succeeded', signed: false, statusCode: 401 });
    expect(res.body.request.verdict).not.toBe('accepted');
  });

  it('sends a plain JSON event to a trigger without a signature check, and 404 for another workspace’s id', async () => {
    const wf = await sy.api.createWorkflow({ name: 'Plain', trigger: { type: 'webhook' }, steps: [] });
    const res = await sy.api.request('POST', `/api/workflows/${wf.id}/test-event`);
    expect(res.body).toMatchObject({ label: 'JSON test event', scheme: null, signed: false, statusCode: 202 });
    expect(res.body.request.trigger.body.customer.email).toBe('ada@example.com');
    expect((await sy.api.request('POST', '/api/workflows/00000000-0000-7000-8000-0000000000ff/test-event')).status).toBe(404);
  });
});
