import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { TEST_OWNER } from '../support/client';
import { SessionClient } from '../support/session-client';
import { useSwitchyard } from '../support/use-switchyard';

describe('API keys and the audit log', () => {
  const sy = useSwitchyard();
  let browser: SessionClient;

  beforeAll(async () => {
    browser = await sy.signIn();
  });

  it('shows a new key once, stores only its hash, tracks its last use and refuses it once revoked', async () => {
    const created = await browser.request('POST', '/api/api-keys', { name: 'CI deploys', role: 'editor' });
    expect(created.status).toBe(201);
    const key: string = created.body.key;
    expect(key).toMatch(/^sy_[A-Za-z0-9_-]{43}$/);
    expect(created.body).toMatchObject({
      name: 'CI deploys',
      role: 'editor',
      prefix: key.slice(0, 10),
      lastUsedAt: null,
      createdBy: { email: TEST_OWNER.email },
    });

    const listed = await browser.request('GET', '/api/api-keys');
    const entry = listed.body.find((k: { id: string }) => k.id === created.body.id);
    expect(entry).toBeDefined();
    expect(JSON.stringify(listed.body)).not.toContain(key);
    const [row] = await sy.db.query<{ key_hash: string }>(`SELECT key_hash FROM api_keys WHERE id = $1`, [created.body.id]);
    expect(row.key_hash).toBe(createHash('sha256').update(key).digest('hex'));
    expect(JSON.stringify(await sy.db.query(`SELECT * FROM api_keys`))).not.toContain(key);

    const client = sy.api.as(key);
    const wf = await client.createWorkflow({ name: 'By key', trigger: { type: 'webhook' }, steps: [] });
    // An editor key cannot manage keys.
    expect((await client.request('GET', '/api/api-keys')).status).toBe(403);
    const used = (await browser.request('GET', '/api/api-keys')).body.find((k: { id: string }) => k.id === created.body.id);
    expect(Date.now() - new Date(used.lastUsedAt).getTime()).toBeLessThan(60_000);
    // Touched at most once a minute: a second call leaves the time alone.
    await client.request('GET', '/api/workflows');
    const again = (await browser.request('GET', '/api/api-keys')).body.find((k: { id: string }) => k.id === created.body.id);
    expect(again.lastUsedAt).toBe(used.lastUsedAt);

    expect((await browser.request('DELETE', `/api/api-keys/${created.body.id}`)).status).toBe(204);
    const refused = await client.request('GET', `/api/workflows/${wf.id}`);
    expect(refused.status).toBe(401);
    expect(refused.body.error.code).toBe('invalid_api_key');
    expect((await browser.request('DELETE', `/api/api-keys/${created.body.id}`)).status).toBe(404);
    expect((await browser.request('GET', '/api/api-keys')).body.map((k: { id: string }) => k.id)).not.toContain(created.body.id);
  });

  it('does not let an admin create a key stronger than themselves', async () => {
    const adminKey = (await browser.request('POST', '/api/api-keys', { name: 'admin key', role: 'admin' })).body.key;
    const res = await sy.api.as(adminKey).request('POST', '/api/api-keys', { name: 'escalate', role: 'owner' });
    expect(res.status).toBe(403);
    const bad = await browser.request('POST', '/api/api-keys', { name: '', role: 'root' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.map((d: { path: string }) => d.path).sort()).toEqual(['name', 'role']);
  });

  it('records who created, changed, switched, replayed and deleted, with definitions before and after', async () => {
    const wf = await browser.request('POST', '/api/workflows', {
      name: 'Audited',
      trigger: { type: 'webhook' },
      steps: [{ id: 'm', type: 'map', expression: '1' }],
    });
    expect(wf.status).toBe(201);
    const id = wf.body.id;
    await browser.request('PUT', `/api/workflows/${id}`, {
      name: 'Audited',
      trigger: { type: 'webhook' },
      steps: [{ id: 'm', type: 'map', expression: '2' }],
    });
    await sy.api.request('PATCH', `/api/workflows/${id}`, { active: false });
    await sy.api.request('PATCH', `/api/workflows/${id}`, { active: true });
    const hook = await sy.api.hook(wf.body.trigger.token, { n: 1 });
    await sy.api.waitForRun(hook.body.runId);
    const replay = await browser.request('POST', `/api/runs/${hook.body.runId}/replay`, {});
    expect(replay.status).toBe(201);
    await browser.request('DELETE', `/api/workflows/${id}`);

    const page = await browser.request('GET', '/api/audit?limit=200');
    expect(page.status).toBe(200);
    const mine = page.body.items.filter((e: { target: { id: string } }) => e.target.id === id || e.target.id === hook.body.runId).reverse();
    expect(mine.map((e: { action: string }) => e.action)).toEqual([
      'workflow.created',
      'workflow.updated',
      'workflow.deactivated',
      'workflow.activated',
      'run.replayed',
      'workflow.deleted',
    ]);
    expect(mine[0].actor).toEqual({ type: 'user', id: expect.any(String), label: TEST_OWNER.email });
    expect(mine[2].actor).toMatchObject({ type: 'api-key', label: 'API key SWITCHYARD_OWNER_API_KEY' });
    expect(mine[1].before.definition.steps[0].expression).toBe('1');
    expect(mine[1].after.definition.steps[0].expression).toBe('2');
    expect(mine[4].after.runId).toBe(replay.body.runId);
    expect(mine[5].before.name).toBe('Audited');

    const first = await browser.request('GET', '/api/audit?limit=2');
    expect(first.body.items).toHaveLength(2);
    const second = await browser.request('GET', `/api/audit?limit=2&cursor=${first.body.nextCursor}`);
    expect(second.body.items[0].id < first.body.items[1].id).toBe(true);
    expect((await browser.request('GET', '/api/audit?cursor=nope')).status).toBe(400);
  });
});
