import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, TEST_OWNER } from '../support/client';
import { runCli, SWITCHYARD_CLI } from '../support/cli-process';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { freePort, MAIN_JS, startServerProcess, waitUntilReady, type ServerProcess } from '../support/server-process';

const TRIGGER_SECRET = 'whsec_cli_secret_9876';
const TOKEN = 'cli-bearer-token-never-exported';

// Promotion between a staging and a production installation with the built CLI, against two built
// servers started as processes: export a folder, review it, apply it (dry run first).
describe('switchyard export / import / apply / runs tail / replay against built servers', () => {
  const servers: ServerProcess[] = [];
  const dbs: TestDatabase[] = [];
  let staging: ApiClient;
  let production: ApiClient;
  let dir: string;

  const start = async () => {
    const db = await createTestDatabase();
    dbs.push(db);
    const port = await freePort();
    const server = startServerProcess([], { PORT: String(port), DATABASE_URL: db.url, HOST: '127.0.0.1' });
    servers.push(server);
    const base = `http://127.0.0.1:${port}`;
    await waitUntilReady(`${base}/api/health/ready`, server);
    return new ApiClient(base);
  };
  const cli = (client: ApiClient, args: string[]) =>
    runCli(args, { SWITCHYARD_URL: client.baseUrl, SWITCHYARD_API_KEY: TEST_OWNER.apiKey });

  beforeAll(async () => {
    expect(existsSync(MAIN_JS), 'build the api first (npm run build)').toBe(true);
    expect(existsSync(SWITCHYARD_CLI), 'build the api first (npm run build)').toBe(true);
    [staging, production] = await Promise.all([start(), start()]);
    dir = mkdtempSync(join(tmpdir(), 'sy-flows-'));
  });

  afterAll(async () => {
    await Promise.all(servers.map((s) => s.stop()));
    await Promise.all(dbs.map((d) => d.drop()));
  });

  it('exports a folder with one workflow file per workflow, without secrets', async () => {
    const credential = await staging.request('POST', '/api/credentials', { name: 'CRM token', type: 'bearer', data: { token: TOKEN } });
    await staging.createWorkflow({
      name: 'Orders to CRM',
      trigger: { type: 'webhook', verify: { scheme: 'github', secrets: [TRIGGER_SECRET] } },
      steps: [{ id: 'send', type: 'http', method: 'POST', url: 'https://crm.example.test/orders', credentialId: credential.body.id }],
    });
    await staging.createWorkflow({
      name: 'Shape order',
      trigger: { type: 'webhook' },
      steps: [{ id: 'shape', type: 'map', expression: '{ "order": trigger.body.id }' }],
    });

    const res = await cli(staging, ['export', '--dir', dir, '--json']);
    expect(res.code, res.output).toBe(0);
    const files = readdirSync(dir).sort();
    expect(files).toHaveLength(2);
    expect(JSON.parse(res.stdout).files.sort()).toEqual(files);
    const texts = files.map((f) => readFileSync(join(dir, f), 'utf8'));
    for (const text of texts) {
      expect(JSON.parse(text).workflows).toHaveLength(1);
      expect(text).not.toContain(TRIGGER_SECRET);
      expect(text).not.toContain(TOKEN);
    }
    expect(texts.some((t) => t.includes('"name": "CRM token"'))).toBe(true);

    const whole = await cli(staging, ['export']);
    expect(whole.code, whole.output).toBe(0);
    expect(
      JSON.parse(whole.stdout)
        .workflows.map((w: { name: string }) => w.name)
        .sort(),
    ).toEqual(['Orders to CRM', 'Shape order']);
  });

  it('refuses to apply while a credential is to connect (exit 1), writing nothing', async () => {
    const res = await cli(production, ['apply', dir]);
    expect(res.code, res.output).toBe(1);
    expect(res.stderr).toContain('TO CONNECT CRM token (bearer)');
    expect((await production.request('GET', '/api/workflows')).body.items).toEqual([]);
  });

  it('shows the plan of a dry run as JSON (exit 0) and writes nothing', async () => {
    await production.request('POST', '/api/credentials', { name: 'CRM token', type: 'bearer', data: { token: 'prod-token-1234' } });
    const res = await cli(production, ['apply', dir, '--dry-run', '--json']);
    expect(res.code, res.output).toBe(0);
    const plan = JSON.parse(res.stdout);
    expect(plan.summary).toEqual({ create: 2, update: 0, unchanged: 0 });
    expect(plan.credentials[0]).toMatchObject({ name: 'CRM token', status: 'matched' });
    expect(res.stderr).toContain('Dry run: nothing was written.');
    expect((await production.request('GET', '/api/workflows')).body.items).toEqual([]);
    expect((await production.request('GET', '/api/audit?limit=50')).text).not.toContain('bundle.imported');
  });

  it('applies the folder, then again without changes, then a reviewed edit as an update', async () => {
    const first = await cli(production, ['apply', dir, '--json']);
    expect(first.code, first.output).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({ imported: true, summary: { create: 2, update: 0, unchanged: 0 } });
    expect((await production.request('GET', '/api/workflows')).body.items).toHaveLength(2);

    const again = await cli(production, ['apply', dir, '--json']);
    expect(JSON.parse(again.stdout).summary).toEqual({ create: 0, update: 0, unchanged: 2 });

    const file = readdirSync(dir)
      .map((f) => join(dir, f))
      .find((f) => readFileSync(f, 'utf8').includes('Shape order')) as string;
    const edited = JSON.parse(readFileSync(file, 'utf8'));
    edited.workflows[0].definition.steps[0].expression = '{ "order": trigger.body.id, "source": "git" }';
    writeFileSync(file, JSON.stringify(edited, null, 2));
    const update = await cli(production, ['apply', dir]);
    expect(update.code, update.output).toBe(0);
    expect(update.stderr).toMatch(/update\s+Shape order/);
    const shape = (await production.request('GET', '/api/workflows')).body.items.find((w: { name: string }) => w.name === 'Shape order');
    expect(shape).toMatchObject({ version: 2 });
    expect(shape.steps[0].expression).toContain('"source": "git"');
  });

  it('imports one bundle file with --dry-run, and reports an invalid bundle with its field (exit 1)', async () => {
    const bundleFile = join(dir, '..', `sy-bundle-${Date.now()}.json`);
    expect((await cli(staging, ['export', '--out', bundleFile])).code).toBe(0);
    const dry = await cli(production, ['import', bundleFile, '--dry-run']);
    expect(dry.code, dry.output).toBe(0);
    expect(dry.stderr).toMatch(/0 to create, 1 to update, 1 unchanged/);

    const broken = JSON.parse(readFileSync(bundleFile, 'utf8'));
    broken.workflows[1].definition.steps[0].expression = '{ "order": ';
    writeFileSync(bundleFile, JSON.stringify(broken));
    const bad = await cli(production, ['import', bundleFile, '--json']);
    expect(bad.code).toBe(1);
    expect(JSON.parse(bad.stdout).error).toMatchObject({ status: 400, code: 'validation_failed' });
    expect(bad.stderr).toContain('bundle.workflows[1].definition.steps[0].expression');

    const newer = { ...broken, schemaVersion: 99 };
    writeFileSync(bundleFile, JSON.stringify(newer));
    const tooNew = await cli(production, ['import', bundleFile]);
    expect(tooNew.code).toBe(1);
    expect(tooNew.stderr).toContain('newer Switchyard');
  });

  it('refuses a wrong API key with exit 1', async () => {
    const res = await runCli(['export'], {
      SWITCHYARD_URL: production.baseUrl,
      SWITCHYARD_API_KEY: 'sy_wrong_key_000000000000000000000000',
    });
    expect(res.code).toBe(1);
    expect(res.stderr).toContain('HTTP 401');
  });

  it('tails the runs of a workflow by name, and replays a run waiting for its end', async () => {
    const shape = (await production.request('GET', '/api/workflows')).body.items.find((w: { name: string }) => w.name === 'Shape order');
    const sent = await production.hook(shape.trigger.token, { id: 'o-1' });
    expect(sent.status).toBe(202);
    await production.waitForRun(sent.body.runId);

    const tail = await cli(production, ['runs', 'tail', 'Shape order', '--json']);
    expect(tail.code, tail.output).toBe(0);
    const lines = tail.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toEqual([expect.objectContaining({ id: sent.body.runId, status: 'succeeded' })]);
    const missing = await cli(production, ['runs', 'tail', 'No such workflow']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('no workflow is named "No such workflow"');

    const replay = await cli(production, ['replay', sent.body.runId, '--wait', '--json']);
    expect(replay.code, replay.output).toBe(0);
    const replayed = JSON.parse(replay.stdout);
    expect(replayed).toMatchObject({ status: 'succeeded', error: null });
    expect(replayed.runId).not.toBe(sent.body.runId);
    const unknown = await cli(production, ['replay', '00000000-0000-4000-8000-000000000000']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('HTTP 404');
  });
});
