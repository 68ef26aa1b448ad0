import { describe, expect, it } from 'vitest';
import { useSwitchyard } from '../support/use-switchyard';

/** The sample a workflow is designed against, kept with the workflow (issue 14 item 5). */
describe('pinned sample', () => {
  const sy = useSwitchyard();

  it('pins a recorded request as a copy, shared by every reader, until it is unpinned', async () => {
    const wf = await sy.api.createWorkflow({ name: 'Pinned', trigger: { type: 'webhook' }, steps: [] });
    expect((await sy.api.request('GET', `/api/workflows/${wf.id}/sample`)).body).toEqual({ sample: null });

    await sy.api.hook(wf.trigger.token, { pusher: { name: 'ada' }, commits: [1, 2, 3] });
    const requests = await sy.api.request('GET', `/api/workflows/${wf.id}/requests`);
    const requestId: string = requests.body.items[0].id;

    const pinned = await sy.api.request('PUT', `/api/workflows/${wf.id}/sample`, { source: 'request', requestId });
    expect(pinned.status).toBe(200);
    expect(pinned.body).toMatchObject({ source: 'request', requestId, pinnedBy: expect.any(String) });
    expect(pinned.body.trigger).toMatchObject({ method: 'POST', body: { pusher: { name: 'ada' }, commits: [1, 2, 3] } });

    // Another client (any device) reads the same sample.
    const read = await sy.api.request('GET', `/api/workflows/${wf.id}/sample`);
    expect(read.body.sample).toEqual(pinned.body);

    // The copy outlives the request in the log.
    await sy.db.query(`DELETE FROM inbound_requests WHERE id = $1`, [requestId]);
    expect((await sy.api.request('GET', `/api/workflows/${wf.id}/sample`)).body.sample.trigger.body.pusher.name).toBe('ada');

    expect((await sy.api.request('DELETE', `/api/workflows/${wf.id}/sample`)).status).toBe(204);
    expect((await sy.api.request('GET', `/api/workflows/${wf.id}/sample`)).body).toEqual({ sample: null });
  });

  it('pins a template’s sample, replacing the previous pin', async () => {
    const wf = await sy.api.createWorkflow({ name: 'Template sample', trigger: { type: 'webhook' }, steps: [] });
    const trigger = {
      body: { id: 7 },
      headers: { 'content-type': 'application/json' },
      query: {},
      method: 'POST',
      receivedAt: '2026-01-01T00:00:00.000Z',
    };
    expect(
      (await sy.api.request('PUT', `/api/workflows/${wf.id}/sample`, { source: 'template', trigger: { ...trigger, body: { id: 1 } } }))
        .status,
    ).toBe(200);
    const second = await sy.api.request('PUT', `/api/workflows/${wf.id}/sample`, { source: 'template', trigger });
    expect(second.body).toMatchObject({ source: 'template', requestId: null, trigger });
    expect((await sy.api.request('GET', `/api/workflows/${wf.id}/sample`)).body.sample.trigger.body).toEqual({ id: 7 });
  });

  it('names the field and the reason when the pin is refused', async () => {
    const wf = await sy.api.createWorkflow({ name: 'Refused', trigger: { type: 'webhook' }, steps: [] });
    const missing = await sy.api.request('PUT', `/api/workflows/${wf.id}/sample`, { source: 'request' });
    expect(missing.status).toBe(400);
    expect(missing.body.error.details).toContainEqual({ path: 'requestId', message: 'is required to pin a recorded request' });
    const unknown = await sy.api.request('PUT', `/api/workflows/${wf.id}/sample`, {
      source: 'request',
      requestId: '01900000-0000-7000-8000-000000000001',
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.details[0].path).toBe('requestId');
    const other = await sy.api.request('PUT', `/api/workflows/00000000-0000-7000-8000-0000000000ff/sample`, {
      source: 'template',
      trigger: { body: {}, headers: {}, query: {}, method: 'POST', receivedAt: '2026-01-01T00:00:00.000Z' },
    });
    expect(other.status).toBe(404);
  });
});
