import { BUNDLE_SCHEMA_VERSION } from '@switchyard/contract';
import { describe, expect, it } from 'vitest';
import { useSwitchyard } from '../support/use-switchyard';

const TRIGGER_SECRET = 'whsec_bundle_secret_5678';
const CREDENTIAL_TOKEN = 'bearer-token-never-exported-4242';

describe('bundles: export, preview, import', () => {
  const source = useSwitchyard();
  const target = useSwitchyard();
  let bundle: any;
  let credentialId: string;
  let signedId: string;
  let plainId: string;

  it('exports the whole workspace: definitions, settings, credential names; never secrets or trigger tokens', async () => {
    credentialId = (
      await source.api.request('POST', '/api/credentials', { name: 'Orders API', type: 'bearer', data: { token: CREDENTIAL_TOKEN } })
    ).body.id;
    const signed = await source.api.createWorkflow({
      name: 'Signed orders',
      trigger: { type: 'webhook', verify: { scheme: 'github', secrets: [TRIGGER_SECRET] } },
      steps: [{ id: 'send', type: 'http', method: 'POST', url: 'https://orders.example.test/in', credentialId, body: 'trigger.body' }],
      concurrency: 3,
    });
    const plain = await source.api.createWorkflow({
      name: 'Plain map',
      trigger: { type: 'webhook' },
      steps: [{ id: 'shape', type: 'map', expression: '{ "id": trigger.body.id }' }],
      active: false,
    });
    signedId = signed.id;
    plainId = plain.id;

    const res = await source.api.request('GET', '/api/bundles/export');
    expect(res.status).toBe(200);
    bundle = res.body;
    expect(bundle).toMatchObject({ kind: 'switchyard.bundle', schemaVersion: BUNDLE_SCHEMA_VERSION });
    expect(bundle.workflows.map((w: any) => [w.externalId, w.name, w.active])).toEqual([
      [signed.id, 'Signed orders', true],
      [plain.id, 'Plain map', false],
    ]);
    expect(bundle.workflows[0].concurrency).toBe(3);
    expect(bundle.workflows[0].definition.trigger).toEqual({ type: 'webhook', verify: { scheme: 'github' } });
    expect(bundle.credentials).toEqual([{ ref: credentialId, name: 'Orders API', type: 'bearer' }]);
    expect(res.text).not.toContain(TRIGGER_SECRET);
    expect(res.text).not.toContain('5678');
    expect(res.text).not.toContain(CREDENTIAL_TOKEN);
    expect(res.text).not.toContain(signed.trigger.token);
    expect(res.text).not.toContain(plain.trigger.token);
  });

  it('exports a selection, and answers 404 for an id of no workflow here', async () => {
    const one = await source.api.request('GET', `/api/bundles/export?workflowIds=${plainId}`);
    expect(one.status).toBe(200);
    expect(one.body.workflows.map((w: any) => w.name)).toEqual(['Plain map']);
    expect(one.body.credentials).toEqual([]);
    const unknown = await source.api.request('GET', `/api/bundles/export?workflowIds=${plainId},00000000-0000-4000-8000-000000000000`);
    expect(unknown.status).toBe(404);
    const bad = await source.api.request('GET', '/api/bundles/export?workflowIds=nope');
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0]).toMatchObject({ path: 'workflowIds', message: 'nope is not a workflow id' });
  });

  it('previews an import into another installation without writing, listing the credentials to connect', async () => {
    const preview = await target.api.request('POST', '/api/bundles/preview', { bundle });
    expect(preview.status).toBe(200);
    expect(preview.body.summary).toEqual({ create: 2, update: 0, unchanged: 0 });
    expect(preview.body.ready).toBe(false);
    expect(preview.body.credentials).toEqual([
      { ref: credentialId, name: 'Orders API', type: 'bearer', status: 'missing', credentialId: null, usedBy: [signedId] },
    ]);
    expect(preview.body.workflows.map((w: any) => [w.name, w.action, w.needsTriggerSecrets])).toEqual([
      ['Signed orders', 'create', true],
      ['Plain map', 'create', false],
    ]);
    const refused = await target.api.request('POST', '/api/bundles/import', { bundle });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('credentials_missing');
    expect(refused.body.error.message).toContain('Orders API (bearer)');
    expect((await target.api.request('GET', '/api/workflows')).body.items).toEqual([]);
  });

  it('imports once the credential is connected, pointing the steps at it, and changes nothing the second time', async () => {
    const connected = await target.api.request('POST', '/api/credentials', {
      name: 'Orders API',
      type: 'bearer',
      data: { token: 'other-token-1111' },
    });
    const preview = await target.api.request('POST', '/api/bundles/preview', { bundle });
    expect(preview.body.credentials[0]).toMatchObject({ status: 'matched', credentialId: connected.body.id });
    expect(preview.body.ready).toBe(true);

    const imported = await target.api.request('POST', '/api/bundles/import', { bundle });
    expect(imported.status).toBe(200);
    expect(imported.body).toMatchObject({ imported: true, summary: { create: 2, update: 0, unchanged: 0 } });
    const list = (await target.api.request('GET', '/api/workflows')).body.items as any[];
    const signed = list.find((w) => w.name === 'Signed orders');
    expect(signed.id).toBe(imported.body.workflows[0].workflowId);
    expect(signed.steps[0].credentialId).toBe(connected.body.id);
    expect(signed.concurrency).toBe(3);
    expect(signed.trigger.verify).toEqual({ scheme: 'github', secretHints: [] });
    expect(list.find((w) => w.name === 'Plain map').active).toBe(false);

    const again = await target.api.request('POST', '/api/bundles/import', { bundle });
    expect(again.body.summary).toEqual({ create: 0, update: 0, unchanged: 2 });
    const after = (await target.api.request('GET', '/api/workflows')).body.items as any[];
    expect(after.map((w) => [w.id, w.version]).sort()).toEqual(list.map((w) => [w.id, w.version]).sort());

    // Exported from here, the workflows keep their externalIds: importing back into the source changes nothing.
    const back = (await target.api.request('GET', '/api/bundles/export')).body;
    expect(back.workflows.map((w: any) => w.externalId).sort()).toEqual([signedId, plainId].sort());
    const home = await source.api.request('POST', '/api/bundles/preview', { bundle: back });
    expect(home.body.summary).toEqual({ create: 0, update: 0, unchanged: 2 });

    const audit = await target.api.request('GET', '/api/audit?limit=50');
    expect(audit.body.items.filter((e: any) => e.action === 'bundle.imported')).toHaveLength(2);
    expect(audit.text).not.toContain('other-token-1111');
  });

  it('updates the workflow an externalId matches when the bundle changed it', async () => {
    const changed = structuredClone(bundle);
    changed.workflows[1].definition.steps[0].expression = '{ "id": trigger.body.id, "seen": true }';
    changed.workflows[1].name = 'Plain map v2';
    const preview = await target.api.request('POST', '/api/bundles/preview', { bundle: changed });
    expect(preview.body.summary).toEqual({ create: 0, update: 1, unchanged: 1 });
    const imported = await target.api.request('POST', '/api/bundles/import', { bundle: changed });
    expect(imported.status).toBe(200);
    const wf = (await target.api.request('GET', `/api/workflows/${imported.body.workflows[1].workflowId}`)).body;
    expect(wf).toMatchObject({ name: 'Plain map v2', version: 2 });
    expect(wf.steps[0].expression).toContain('"seen": true');
  });

  it('validates the whole bundle before writing anything, with paths into it', async () => {
    const before = (await target.api.request('GET', '/api/workflows')).body.items.length;
    const broken = structuredClone(bundle);
    broken.workflows.push({ ...structuredClone(bundle.workflows[1]), externalId: 'brand-new', name: 'New one' });
    broken.workflows[0].definition.steps[0].url = '';
    broken.workflows[1].definition.steps[0].expression = '{ "id": ';
    const res = await target.api.request('POST', '/api/bundles/import', { bundle: broken });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_failed');
    const paths = res.body.error.details.map((d: any) => d.path);
    expect(paths).toContain('bundle.workflows[0].definition.steps[0].url');
    expect(paths).toContain('bundle.workflows[1].definition.steps[0].expression');
    expect((await target.api.request('GET', '/api/workflows')).body.items).toHaveLength(before);

    const duplicate = structuredClone(bundle);
    duplicate.workflows.push(structuredClone(bundle.workflows[0]));
    const dup = await target.api.request('POST', '/api/bundles/preview', { bundle: duplicate });
    expect(dup.status).toBe(400);
    expect(dup.body.error.details).toContainEqual({
      path: 'bundle.workflows[2].externalId',
      message: 'repeats the externalId of bundle.workflows[0]',
    });
  });

  it('refuses a bundle from a newer schema, and what is not a bundle, with a clear message', async () => {
    const newer = await target.api.request('POST', '/api/bundles/preview', {
      bundle: { ...bundle, schemaVersion: BUNDLE_SCHEMA_VERSION + 1 },
    });
    expect(newer.status).toBe(400);
    expect(newer.body.error.code).toBe('bundle_too_new');
    expect(newer.body.error.message).toContain('newer Switchyard');
    const notBundle = await target.api.request('POST', '/api/bundles/import', { bundle: { workflows: [] } });
    expect(notBundle.status).toBe(400);
    expect(notBundle.body.error.details[0].path).toBe('bundle.kind');
  });

  it('creates a workflow once when two imports of it race', async () => {
    const fresh = structuredClone(bundle);
    fresh.workflows = [{ ...structuredClone(bundle.workflows[1]), externalId: 'raced-workflow', name: 'Raced' }];
    fresh.credentials = [];
    const answers = await Promise.all([1, 2, 3].map(() => target.api.request('POST', '/api/bundles/import', { bundle: fresh })));
    for (const answer of answers) expect([200, 409], answer.text).toContain(answer.status);
    expect(answers.filter((a) => a.status === 200 && a.body.summary.create === 1).length).toBeGreaterThanOrEqual(1);
    for (const conflict of answers.filter((a) => a.status === 409)) expect(conflict.body.error.code).toBe('import_conflict');
    const named = (await target.api.request('GET', '/api/workflows')).body.items.filter((w: any) => w.name === 'Raced');
    expect(named).toHaveLength(1);
  });

  it('lets a viewer export but not import', async () => {
    const key = await source.api.request('POST', '/api/api-keys', { name: 'viewer', role: 'viewer' });
    expect(key.status).toBe(201);
    const viewer = source.api.as(key.body.key);
    expect((await viewer.request('GET', '/api/bundles/export')).status).toBe(200);
    expect((await viewer.request('POST', '/api/bundles/preview', { bundle })).status).toBe(403);
    expect((await viewer.request('POST', '/api/bundles/import', { bundle })).status).toBe(403);
  });
});
