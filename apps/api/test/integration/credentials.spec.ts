import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sealCredentialSecrets } from '../../src/credentials/credential-seal';
import { SecretBox } from '../../src/secrets/secret-box';
import type { ApiClient } from '../support/client';
import { REDIS_URL } from '../support/database';
import { useSwitchyard } from '../support/use-switchyard';

const MASTER = randomBytes(32).toString('base64');
const TOKEN = 'ghp_bearer_token_value_0123456789abcdef';
const PASSWORD = 'basic-password-value-9876';
const API_KEY = 'api-key-value-abcdef-123456';
const CLIENT_SECRET = 'oauth-client-secret-value-42';
const OTHER_WORKSPACE = '00000000-0000-7000-8000-0000000000ff';

describe('stored credentials', () => {
  const sy = useSwitchyard({ env: { SWITCHYARD_SECRET_KEY: MASTER } });

  const create = async (name: string, type: string, data: Record<string, string>) => {
    const res = await sy.api.request('POST', '/api/credentials', { name, type, data });
    if (res.status !== 201) throw new Error(`create credential: ${res.status} ${res.text}`);
    return res.body as { id: string; name: string; hints: Record<string, string>; public: Record<string, string> };
  };
  const httpWorkflow = (name: string, credentialId: string, path = '/things') => ({
    name,
    trigger: { type: 'webhook' },
    steps: [{ id: 'call', type: 'http', method: 'POST', url: `${sy.sink.url}${path}`, body: 'trigger.body', credentialId }],
  });
  const runOnce = async (token: string) => {
    const hook = await sy.api.hook(token, { n: 1 });
    expect(hook.status).toBe(202);
    return sy.api.waitForRun(hook.body.runId);
  };

  it('lists the credential types of the registry', async () => {
    const res = await sy.api.request('GET', '/api/credential-types');
    expect(res.status).toBe(200);
    expect(res.body.items.map((t: { type: string }) => t.type)).toEqual([
      'bearer',
      'basic',
      'api-key',
      'oauth2-client-credentials',
      'webhook-url',
      'telegram-bot',
      'webhook-signing-secret',
    ]);
    expect(res.body.items[1].fields).toContainEqual(expect.objectContaining({ name: 'password', secret: true }));
  });

  it('creates, reads, updates and deletes, never returning a secret', async () => {
    const created = await sy.api.request('POST', '/api/credentials', {
      name: 'Shop login',
      type: 'basic',
      data: { username: 'shop', password: PASSWORD },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      name: 'Shop login',
      type: 'basic',
      public: { username: 'shop' },
      hints: { password: '…9876' },
      usedBy: [],
    });
    expect(created.body.id).toMatch(/^[0-9a-f-]{36}$/);
    const id = created.body.id;

    const got = await sy.api.request('GET', `/api/credentials/${id}`);
    const listed = await sy.api.request('GET', '/api/credentials');
    expect(got.body).toEqual(created.body);
    expect(listed.body.items.map((c: { id: string }) => c.id)).toContain(id);

    const renamed = await sy.api.request('PUT', `/api/credentials/${id}`, { name: 'Shop admin' });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ name: 'Shop admin', public: { username: 'shop' }, hints: { password: '…9876' } });
    const replaced = await sy.api.request('PUT', `/api/credentials/${id}`, { data: { password: 'new-password-value-5555' } });
    expect(replaced.body).toMatchObject({ public: { username: 'shop' }, hints: { password: '…5555' } });

    for (const text of [created.text, got.text, listed.text, renamed.text, replaced.text]) {
      expect(text).not.toContain(PASSWORD);
      expect(text).not.toContain('new-password-value-5555');
    }
    const [row] = await sy.db.query<{ ciphertext: Buffer; public_fields: unknown; hints: unknown }>(
      'SELECT ciphertext, public_fields, hints FROM credentials WHERE id = $1',
      [id],
    );
    expect(row.ciphertext.includes(Buffer.from('new-password-value-5555'))).toBe(false);
    expect(JSON.stringify(row)).not.toContain('new-password-value-5555');

    expect((await sy.api.request('DELETE', `/api/credentials/${id}`)).status).toBe(204);
    expect((await sy.api.request('GET', `/api/credentials/${id}`)).status).toBe(404);
  });

  it('refuses bad input naming the field, and duplicate names', async () => {
    const unknownType = await sy.api.request('POST', '/api/credentials', { name: 'X', type: 'kerberos', data: {} });
    expect(unknownType.status).toBe(400);
    expect(unknownType.body.error.details).toEqual([expect.objectContaining({ path: 'type' })]);
    const missing = await sy.api.request('POST', '/api/credentials', { name: 'X', type: 'bearer', data: {} });
    expect(missing.status).toBe(400);
    expect(missing.body.error).toMatchObject({ code: 'validation_failed', details: [expect.objectContaining({ path: 'data.token' })] });
    const noName = await sy.api.request('POST', '/api/credentials', { type: 'bearer', data: { token: 't' } });
    expect(noName.body.error.details).toEqual([expect.objectContaining({ path: 'name' })]);

    await create('Twice', 'bearer', { token: 'first-token-value' });
    const twice = await sy.api.request('POST', '/api/credentials', {
      name: 'Twice',
      type: 'bearer',
      data: { token: 'second-token-value' },
    });
    expect(twice.status).toBe(409);
    expect(twice.body.error.details).toEqual([expect.objectContaining({ path: 'name' })]);
  });

  it('generates a Standard Webhooks signing secret when none is given', async () => {
    const created = (await create('Outgoing signatures', 'webhook-signing-secret', {})) as Awaited<ReturnType<typeof create>> & {
      generatedSecret?: string;
    };
    expect(created.hints.secret).toMatch(/^whsec_….{4}$/);
    // Shown once, in the answer to the create request, so the receiver can be given it...
    expect(created.generatedSecret).toMatch(/^whsec_[A-Za-z0-9+/]{32}$/);
    expect(created.hints.secret.endsWith((created.generatedSecret as string).slice(-4))).toBe(true);
    // ...and never again.
    const read = await sy.api.request('GET', `/api/credentials/${created.id}`);
    expect(read.text).not.toContain(created.generatedSecret);
    expect(read.body.generatedSecret).toBeUndefined();
    const list = await sy.api.request('GET', '/api/credentials');
    expect(list.text).not.toContain(created.generatedSecret);
    // A secret the user typed is not echoed either.
    const given = (await create('Given signatures', 'webhook-signing-secret', { secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw' })) as {
      generatedSecret?: string;
    };
    expect(given.generatedSecret).toBeUndefined();
  });

  it('fails an http step whose credential is not an HTTP authentication type', async () => {
    const hook = await create('Chat hook', 'webhook-url', { url: `${sy.sink.url}/chat-secret-path` });
    const wf = await sy.api.createWorkflow(httpWorkflow('Wrong credential type', hook.id, '/wrong-type'));
    const run = await runOnce(wf.trigger.token);
    expect(run.status).toBe('failed');
    expect(run.steps[0].error).toMatchObject({ code: 'CREDENTIAL_TYPE', field: 'credentialId', retryable: false });
    expect(sy.sink.requests.filter((r) => r.url === '/wrong-type')).toHaveLength(0);
  });

  it('only sees credentials of its workspace', async () => {
    await sy.db.query(`INSERT INTO workspaces (id, name) VALUES ($1, 'Other')`, [OTHER_WORKSPACE]);
    const id = '01930000-0000-7000-8000-000000000abc';
    const box = new SecretBox(Buffer.from(MASTER, 'base64'));
    await sy.db.query(
      `INSERT INTO credentials (id, workspace_id, name, type, public_fields, ciphertext, hints) VALUES ($1, $2, 'Theirs', 'bearer', '{}', $3, '{}')`,
      [id, OTHER_WORKSPACE, sealCredentialSecrets(box, id, { token: 'their-token-value' })],
    );
    expect((await sy.api.request('GET', `/api/credentials/${id}`)).status).toBe(404);
    expect((await sy.api.request('PUT', `/api/credentials/${id}`, { name: 'Mine' })).status).toBe(404);
    expect((await sy.api.request('DELETE', `/api/credentials/${id}`)).status).toBe(404);
    expect((await sy.api.request('GET', '/api/credentials')).body.items.map((c: { id: string }) => c.id)).not.toContain(id);
    expect((await sy.api.request('GET', '/api/credentials/not-a-uuid')).status).toBe(404);

    const save = await sy.api.request('POST', '/api/workflows', httpWorkflow('Steal', id));
    expect(save.status).toBe(400);
    const tested = await sy.api.request('POST', '/api/test/step', {
      step: { id: 'call', type: 'http', url: `${sy.sink.url}/x`, credentialId: id },
    });
    expect(tested.body.error).toMatchObject({ code: 'CREDENTIAL_NOT_FOUND', retryable: false, field: 'credentialId' });
    expect(sy.sink.requests.some((r) => r.url === '/x')).toBe(false);
  });

  it('refuses to save a workflow whose step names an unknown credential, with the path', async () => {
    const bearer = await create('Known', 'bearer', { token: 'known-token-value' });
    const res = await sy.api.request('POST', '/api/workflows', {
      name: 'Unknown credential',
      trigger: { type: 'webhook' },
      steps: [
        { id: 'a', type: 'map', expression: '1' },
        { id: 'b', type: 'http', url: `${sy.sink.url}/b`, credentialId: bearer.id },
        { id: 'c', type: 'http', url: `${sy.sink.url}/c`, credentialId: '01930000-0000-7000-8000-00000000dead' },
      ],
    });
    expect(res.status).toBe(400);
    expect(res.body.error.details).toEqual([
      { path: 'steps[2].credentialId', message: 'credential 01930000-0000-7000-8000-00000000dead does not exist' },
    ]);

    const wf = await sy.api.createWorkflow(httpWorkflow('Known credential', bearer.id));
    const patched = await sy.api.request('PATCH', `/api/workflows/${wf.id}`, {
      steps: [{ id: 'b', type: 'http', url: `${sy.sink.url}/b`, credentialId: 'nope' }],
    });
    expect(patched.status).toBe(400);
    expect(patched.body.error.details[0].path).toBe('steps[0].credentialId');
  });

  it('removes a "Bearer" pasted with a bearer token, says so, and sends the token once', async () => {
    const res = await sy.api.request('POST', '/api/credentials', { name: 'Pasted', type: 'bearer', data: { token: `Bearer ${TOKEN}` } });
    expect(res.status).toBe(201);
    expect(res.body.notices).toEqual([{ path: 'data.token', message: expect.stringContaining('started with "Bearer": it was removed') }]);
    expect(res.body.hints.token).toBe('ghp_…cdef');
    const wf = await sy.api.createWorkflow(httpWorkflow('Pasted bearer', res.body.id, '/pasted'));
    const run = await runOnce(wf.trigger.token);
    expect(sy.sink.requests.filter((r) => r.url === '/pasted').map((r) => r.headers.authorization)).toEqual([`Bearer ${TOKEN}`]);
    expect(run.steps[0].input.headers.authorization).toBe('Bearer ghp…cdef');
    const patched = await sy.api.request('PUT', `/api/credentials/${res.body.id}`, { data: { token: `bearer ${TOKEN}` } });
    expect(patched.body.notices[0].path).toBe('data.token');
    const clean = await sy.api.request('PUT', `/api/credentials/${res.body.id}`, { data: { token: TOKEN } });
    expect(clean.body.notices).toBeUndefined();
  });

  it('authenticates http steps with bearer, basic and api-key credentials, masked in the run', async () => {
    const bearer = await create('Bearer', 'bearer', { token: TOKEN });
    const basic = await create('Basic', 'basic', { username: 'ada', password: PASSWORD });
    const apiKey = await create('Key', 'api-key', { header: 'X-Shop-Key', value: API_KEY });
    const cases = [
      { cred: bearer, path: '/bearer', header: 'authorization', expected: `Bearer ${TOKEN}`, secret: TOKEN, shape: 'Bearer ghp…cdef' },
      {
        cred: basic,
        path: '/basic',
        header: 'authorization',
        expected: `Basic ${Buffer.from(`ada:${PASSWORD}`).toString('base64')}`,
        secret: PASSWORD,
        shape: 'Basic YWR…NzY=',
      },
      { cred: apiKey, path: '/key', header: 'x-shop-key', expected: API_KEY, secret: API_KEY, shape: 'api…3456' },
    ];
    for (const c of cases) {
      const wf = await sy.api.createWorkflow(httpWorkflow(`Via ${c.cred.name}`, c.cred.id, c.path));
      const run = await runOnce(wf.trigger.token);
      expect(run.status).toBe('succeeded');
      const received = sy.sink.requests.filter((r) => r.url === c.path);
      expect(received).toHaveLength(1);
      expect(received[0].headers[c.header]).toBe(c.expected);
      // Masked, but with its shape, so a person can check what was sent.
      expect(run.steps[0].input.headers[c.header]).toBe(c.shape);
      const detail = await sy.api.request('GET', `/api/runs/${run.id}`);
      expect(detail.text).not.toContain(c.secret);
      expect(detail.text).not.toContain(Buffer.from(`ada:${PASSWORD}`).toString('base64'));
    }
  });

  it('fetches an OAuth2 client-credentials token once for two runs, and reports token endpoint failures', async () => {
    sy.sink.respondWith(200, { access_token: 'oauth-access-token-77', token_type: 'Bearer', expires_in: 3600 });
    try {
      const oauth = await create('OAuth', 'oauth2-client-credentials', {
        tokenUrl: `${sy.sink.url}/oauth/token`,
        clientId: 'client-1',
        clientSecret: CLIENT_SECRET,
        scope: 'orders:write',
      });
      const wf = await sy.api.createWorkflow(httpWorkflow('Via OAuth', oauth.id, '/oauth-api'));
      const first = await runOnce(wf.trigger.token);
      const second = await runOnce(wf.trigger.token);
      expect([first.status, second.status]).toEqual(['succeeded', 'succeeded']);
      const tokenRequests = sy.sink.requests.filter((r) => r.url === '/oauth/token');
      expect(tokenRequests).toHaveLength(1);
      expect(Object.fromEntries(new URLSearchParams(tokenRequests[0].body))).toEqual({
        grant_type: 'client_credentials',
        client_id: 'client-1',
        client_secret: CLIENT_SECRET,
        scope: 'orders:write',
      });
      const calls = sy.sink.requests.filter((r) => r.url === '/oauth-api');
      expect(calls.map((r) => r.headers.authorization)).toEqual(['Bearer oauth-access-token-77', 'Bearer oauth-access-token-77']);
      expect(first.steps[0].input.headers.authorization).toBe('Bearer oau…n-77');
      expect(JSON.stringify([first.steps[0].input, second.steps[0].input])).not.toContain('oauth-access-token-77');

      const failing = await create('OAuth down', 'oauth2-client-credentials', {
        tokenUrl: `${sy.sink.url}/oauth/down`,
        clientId: 'c',
        clientSecret: CLIENT_SECRET,
      });
      sy.sink.failNext(1, 503);
      const tested = await sy.api.request('POST', '/api/test/step', {
        step: { id: 'call', type: 'http', url: `${sy.sink.url}/never`, credentialId: failing.id },
      });
      expect(tested.body.error).toMatchObject({ code: 'OAUTH2_TOKEN', retryable: true, field: 'credentialId' });
      expect(tested.text).not.toContain(CLIENT_SECRET);
      expect(sy.sink.requests.some((r) => r.url === '/never')).toBe(false);
    } finally {
      sy.sink.respondWith(200);
    }
  });

  it('refuses to delete a credential in use, naming the workflows', async () => {
    const cred = await create('Shared', 'bearer', { token: 'shared-token-value-1' });
    const a = await sy.api.createWorkflow(httpWorkflow('Alpha', cred.id));
    const b = await sy.api.createWorkflow({
      name: 'Beta',
      trigger: { type: 'webhook' },
      steps: [
        {
          id: 'br',
          type: 'branch',
          paths: [
            { name: 'Always', condition: 'true', steps: [{ id: 'n', type: 'http', url: `${sy.sink.url}/n`, credentialId: cred.id }] },
          ],
        },
      ],
    });
    const listed = await sy.api.request('GET', '/api/credentials');
    expect(listed.body.items.find((c: { id: string }) => c.id === cred.id).usedBy).toEqual([
      { id: a.id, name: 'Alpha' },
      { id: b.id, name: 'Beta' },
    ]);
    const refused = await sy.api.request('DELETE', `/api/credentials/${cred.id}`);
    expect(refused.status).toBe(409);
    expect(refused.body.error).toEqual({
      code: 'credential_in_use',
      message: 'credential "Shared" is used by 2 workflows: Alpha, Beta',
      details: [{ path: 'workflows', message: 'credential "Shared" is used by 2 workflows: Alpha, Beta' }],
      workflows: [
        { id: a.id, name: 'Alpha' },
        { id: b.id, name: 'Beta' },
      ],
    });
    expect((await sy.api.request('DELETE', `/api/workflows/${a.id}`)).status).toBe(204);
    // A new version without the credential frees it too.
    expect((await sy.api.request('PATCH', `/api/workflows/${b.id}`, { steps: [{ id: 'm', type: 'map', expression: '1' }] })).status).toBe(
      200,
    );
    expect((await sy.api.request('DELETE', `/api/credentials/${cred.id}`)).status).toBe(204);
  });
});

describe('workers decrypt credentials with the shared master key', () => {
  const emptyDir = mkdtempSync(join(tmpdir(), 'sy-nokey-'));
  afterAll(() => rmSync(emptyDir, { recursive: true, force: true }));
  // Each test starts its own api and worker (instances close after the file).
  const sy = useSwitchyard({ server: false });

  async function scaleOut(workerEnv: Record<string, string>) {
    const queuePrefix = `sy-cred-${randomBytes(4).toString('hex')}`;
    const apiRole = await sy.start({ redisUrl: REDIS_URL, role: 'api', queuePrefix, env: { SWITCHYARD_SECRET_KEY: MASTER } });
    await sy.start({ redisUrl: REDIS_URL, role: 'worker', queuePrefix, env: workerEnv });
    const api = apiRole.api as ApiClient;
    const cred = await api.request('POST', '/api/credentials', { name: `Token ${queuePrefix}`, type: 'bearer', data: { token: TOKEN } });
    const wf = await api.createWorkflow({
      name: `Scale ${queuePrefix}`,
      trigger: { type: 'webhook' },
      steps: [{ id: 'call', type: 'http', url: `${sy.sink.url}/${queuePrefix}`, credentialId: cred.body.id }],
    });
    const hook = await api.hook(wf.trigger.token, {});
    return { run: await api.waitForRun(hook.body.runId), path: `/${queuePrefix}` };
  }

  it('a worker with the same SWITCHYARD_SECRET_KEY authenticates the step', async () => {
    const { run, path } = await scaleOut({ SWITCHYARD_SECRET_KEY: MASTER });
    expect(run.status).toBe('succeeded');
    expect(sy.sink.requests.find((r) => r.url === path)?.headers.authorization).toBe(`Bearer ${TOKEN}`);
  });

  it('a worker without the key fails the step, it does not generate one', async () => {
    const { run, path } = await scaleOut({ SWITCHYARD_DATA_DIR: emptyDir });
    expect(run.status).toBe('failed');
    expect(run.steps[0].error).toMatchObject({ code: 'CREDENTIAL_UNREADABLE', retryable: false, field: 'credentialId' });
    expect(run.steps[0].error.message).toContain('SWITCHYARD_SECRET_KEY');
    expect(sy.sink.requests.some((r) => r.url === path)).toBe(false);
    expect(readdirSync(emptyDir)).toEqual([]);
  });
});
