import { randomBytes } from 'node:crypto';
import { Webhooks } from '@octokit/webhooks';
import { describe, expect, it } from 'vitest';
import { startTestSwitchyard } from '../support/switchyard';
import { lastRequest, sendHook } from './trigger-helpers';
import { useSwitchyard } from '../support/use-switchyard';

const SECRET = 'whsec_live_secret_value_a1b2';
const MASTER = randomBytes(32).toString('base64');

describe('trigger secrets are write-only and encrypted at rest', () => {
  const sy = useSwitchyard({ env: { SWITCHYARD_SECRET_KEY: MASTER } });

  const signed = async (secret: string, body: string) => ({
    'content-type': 'application/json',
    'x-hub-signature-256': await new Webhooks({ secret }).sign(body),
  });
  const definition = (verify: Record<string, unknown>) => ({ name: 'Secrets', trigger: { type: 'webhook', verify }, steps: [] });

  it('never returns a secret, only masked hints, and keeps it out of workflow versions', async () => {
    const created = await sy.api.createWorkflow(definition({ scheme: 'github', secrets: [SECRET] }));
    expect((created.trigger as Record<string, unknown>).verify).toEqual({ scheme: 'github', secretHints: ['whsec_…a1b2'] });
    const listed = await sy.api.request('GET', '/api/workflows');
    const got = await sy.api.request('GET', `/api/workflows/${created.id}`);
    for (const text of [JSON.stringify(created), listed.text, got.text]) expect(text).not.toContain(SECRET);
    expect(got.body.trigger.verify).toEqual({ scheme: 'github', secretHints: ['whsec_…a1b2'] });

    const versions = await sy.db.query<{ definition: unknown }>('SELECT definition FROM workflow_versions');
    expect(JSON.stringify(versions)).not.toContain(SECRET);
    const [row] = await sy.db.query<{ ciphertext: Buffer; hints: string[] }>(
      'SELECT ciphertext, hints FROM trigger_secrets WHERE workflow_id = $1',
      [created.id],
    );
    expect(row.ciphertext.includes(Buffer.from(SECRET))).toBe(false);
    expect(row.hints).toEqual(['whsec_…a1b2']);
  });

  it('keeps stored secrets when an update omits them, rotates with two, clears with []', async () => {
    const wf = await sy.api.createWorkflow(definition({ scheme: 'github', secrets: [SECRET] }));
    const body = '{"n":1}';
    const hook = async (secret: string) => (await sendHook(sy.url, wf.trigger.token, { headers: await signed(secret, body), body })).status;
    expect(await hook(SECRET)).toBe(202);

    // The builder sends back what it read (hints included): the secret stays, no new version for it.
    const current = (await sy.api.request('GET', `/api/workflows/${wf.id}`)).body;
    const put = await sy.api.request('PUT', `/api/workflows/${wf.id}`, {
      name: 'Renamed',
      trigger: { type: 'webhook', verify: current.trigger.verify },
      steps: [],
    });
    expect(put.status).toBe(200);
    expect(put.body.version).toBe(1);
    expect(await hook(SECRET)).toBe(202);

    const rotated = await sy.api.request('PATCH', `/api/workflows/${wf.id}`, {
      trigger: { type: 'webhook', verify: { scheme: 'github', secrets: ['new-secret-0001', SECRET] } },
    });
    expect(rotated.body.trigger.verify.secretHints).toEqual(['…0001', 'whsec_…a1b2']);
    expect(rotated.body.version).toBe(1);
    expect(await hook('new-secret-0001')).toBe(202);
    expect(await hook(SECRET)).toBe(202);

    const patchedSteps = await sy.api.request('PATCH', `/api/workflows/${wf.id}`, { steps: [{ id: 'm', type: 'map', expression: '1' }] });
    expect(patchedSteps.body.version).toBe(2);
    expect(await hook('new-secret-0001')).toBe(202);

    const cleared = await sy.api.request('PATCH', `/api/workflows/${wf.id}`, {
      trigger: { type: 'webhook', verify: { scheme: 'github', secrets: [] } },
    });
    expect(cleared.body.trigger.verify.secretHints).toEqual([]);
    expect(await hook(SECRET)).toBe(401);
    expect((await lastRequest(sy.db, wf.id)).reason).toMatch(/no secret is configured/);
    expect(await sy.db.query('SELECT 1 FROM trigger_secrets WHERE workflow_id = $1', [wf.id])).toEqual([]);
  });

  it('refuses more than two secrets with a path', async () => {
    const res = await sy.api.request('POST', '/api/workflows', definition({ scheme: 'stripe', secrets: ['a', 'b', 'c'] }));
    expect(res.status).toBe(400);
    expect(res.body.error.details[0]).toMatchObject({ path: 'trigger.verify.secrets', message: expect.stringMatching(/at most 2/) });
  });

  it('decrypts with a previous master key and re-encrypts with the new one at start', async () => {
    const wf = await sy.api.createWorkflow(definition({ scheme: 'github', secrets: ['survives-rotation'] }));
    const before = (await sy.db.query<{ ciphertext: Buffer }>('SELECT ciphertext FROM trigger_secrets WHERE workflow_id = $1', [wf.id]))[0]
      .ciphertext;
    const next = randomBytes(32).toString('base64');
    const second = await startTestSwitchyard({
      databaseUrl: sy.db.url,
      env: { SWITCHYARD_SECRET_KEY: next, SWITCHYARD_SECRET_KEY_PREVIOUS: MASTER },
    });
    try {
      const after = (await sy.db.query<{ ciphertext: Buffer }>('SELECT ciphertext FROM trigger_secrets WHERE workflow_id = $1', [wf.id]))[0]
        .ciphertext;
      expect(after.equals(before)).toBe(false);
      const body = '{}';
      const res = await sendHook(second.instance.url as string, wf.trigger.token, {
        headers: await signed('survives-rotation', body),
        body,
      });
      expect(res.status).toBe(202);
    } finally {
      await second.instance.close();
    }
  });
});
