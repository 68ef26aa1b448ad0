import { createHmac, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tar from 'tar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../support/client';
import { runCli, SWITCHYARD_CLI } from '../support/cli-process';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { freePort, MAIN_JS, startServerProcess, waitUntilReady, type ServerProcess } from '../support/server-process';
import { startSink, type Sink } from '../support/sink';

const TRIGGER_SECRET = 'whsec_backup_trigger_secret_0001';
const TOKEN = 'bearer-token-kept-by-the-backup';

/** What a backup must bring back: ids made by a live server, and the secrets behind them. */
interface Seeded {
  workflowId: string;
  pausedWorkflowId: string;
  hookToken: string;
  credentialId: string;
  runId: string;
  refusedRequests: number;
}

function signed(body: string) {
  return {
    'content-type': 'application/json',
    'x-hub-signature-256': `sha256=${createHmac('sha256', TRIGGER_SECRET).update(body).digest('hex')}`,
  };
}

async function hook(api: ApiClient, token: string, body: string, headers: Record<string, string>) {
  const res = await fetch(`${api.baseUrl}/hooks/${token}`, { method: 'POST', headers, body });
  return { status: res.status, body: (await res.json().catch(() => undefined)) as { runId?: string } | undefined };
}

/** A signed workflow whose http step uses a bearer credential, a run of it, a refused request and a paused workflow. */
async function seed(api: ApiClient, sink: Sink): Promise<Seeded> {
  const credential = await api.request('POST', '/api/credentials', { name: 'Sink token', type: 'bearer', data: { token: TOKEN } });
  expect(credential.status, credential.text).toBe(201);
  const workflow = await api.createWorkflow({
    name: 'Signed orders',
    trigger: { type: 'webhook', verify: { scheme: 'github', secrets: [TRIGGER_SECRET] } },
    steps: [
      { id: 'shape', type: 'map', expression: '{ "order": trigger.body.id }' },
      {
        id: 'send',
        type: 'http',
        method: 'POST',
        url: `${sink.url}/orders/{{ steps.shape.order }}`,
        credentialId: credential.body.id,
        body: 'steps.shape',
      },
    ],
  });
  const paused = await api.createWorkflow({
    name: 'Paused one',
    trigger: { type: 'webhook' },
    steps: [{ id: 'm', type: 'map', expression: '1' }],
  });
  expect((await api.request('PATCH', `/api/workflows/${paused.id}`, { active: false })).status).toBe(200);

  const body = JSON.stringify({ id: 'B-1' });
  const accepted = await hook(api, workflow.trigger.token, body, signed(body));
  expect(accepted.status).toBe(202);
  const run = await api.waitForRun(accepted.body!.runId!);
  expect(run.status).toBe('succeeded');
  expect(sink.requests.at(-1)?.headers.authorization).toBe(`Bearer ${TOKEN}`);
  const forged = await hook(api, workflow.trigger.token, body, {
    'content-type': 'application/json',
    'x-hub-signature-256': `sha256=${'0'.repeat(64)}`,
  });
  expect(forged.status).toBe(401);
  return {
    workflowId: workflow.id,
    pausedWorkflowId: paused.id,
    hookToken: workflow.trigger.token,
    credentialId: credential.body.id,
    runId: run.id,
    refusedRequests: 1,
  };
}

/** Everything seeded is there on the restored server, and its secrets still work. */
async function expectRestored(api: ApiClient, sink: Sink, seeded: Seeded) {
  const workflows = await api.request('GET', '/api/workflows');
  const ids = workflows.body.items.map((w: { id: string }) => w.id);
  expect(ids).toEqual(expect.arrayContaining([seeded.workflowId, seeded.pausedWorkflowId]));
  expect((await api.request('GET', `/api/workflows/${seeded.pausedWorkflowId}`)).body.active).toBe(false);

  const run = await api.request('GET', `/api/runs/${seeded.runId}`);
  expect(run.status).toBe(200);
  expect(run.body).toMatchObject({ status: 'succeeded', workflowId: seeded.workflowId });
  expect(run.body.steps.map((s: { id: string; status: string }) => `${s.id}:${s.status}`)).toEqual(['shape:succeeded', 'send:succeeded']);

  const requests = await api.request('GET', `/api/workflows/${seeded.workflowId}/requests`);
  expect(requests.status).toBe(200);
  const verdicts = (requests.body.items as Array<{ verdict: string }>).map((r) => r.verdict);
  expect(verdicts.length).toBe(2);
  expect(verdicts.filter((v) => v !== 'accepted')).toHaveLength(seeded.refusedRequests);

  const credentials = await api.request('GET', '/api/credentials');
  expect(credentials.body.items.map((c: { id: string }) => c.id)).toContain(seeded.credentialId);

  // The credential decrypts: "Test this step" sends its token to the sink.
  const before = sink.requests.length;
  const tested = await api.request('POST', '/api/test/step', {
    step: { id: 'call', type: 'http', url: `${sink.url}/restored`, credentialId: seeded.credentialId },
  });
  expect(tested.body.status, tested.text).toBe('succeeded');
  expect(sink.requests.slice(before).at(-1)?.headers.authorization).toBe(`Bearer ${TOKEN}`);

  // The trigger secret decrypts: a signed delivery is accepted and runs with the credential.
  const body = JSON.stringify({ id: 'B-2' });
  const accepted = await hook(api, seeded.hookToken, body, signed(body));
  expect(accepted.status).toBe(202);
  expect((await api.waitForRun(accepted.body!.runId!)).status).toBe('succeeded');
  expect(sink.requests.at(-1)?.url).toBe('/orders/B-2');
}

async function entries(file: string): Promise<string[]> {
  const names: string[] = [];
  await tar.list({ file, onReadEntry: (e) => names.push(e.path) });
  return names;
}

describe('switchyard backup and restore', () => {
  let sink: Sink;
  let work: string;
  const servers: ServerProcess[] = [];
  const dbs: TestDatabase[] = [];

  const start = async (env: Record<string, string>) => {
    const port = await freePort();
    const server = startServerProcess([], { PORT: String(port), SWITCHYARD_EGRESS_ALLOW: '127.0.0.1/32', ...env });
    servers.push(server);
    await waitUntilReady(`http://127.0.0.1:${port}/api/health/ready`, server);
    return { server, api: new ApiClient(`http://127.0.0.1:${port}`) };
  };

  beforeAll(async () => {
    for (const built of [MAIN_JS, SWITCHYARD_CLI]) expect(existsSync(built), `${built}: build the api first (npm run build)`).toBe(true);
    sink = await startSink();
    // Under tmpdir, not /root: as root the embedded PostgreSQL runs as `postgres`, which must reach it.
    work = mkdtempSync(join(tmpdir(), 'sy-backup-e2e-'));
    chmodSync(work, 0o711);
  });

  afterAll(async () => {
    for (const server of servers) await server.stop();
    for (const db of dbs) await db.drop();
    await sink?.close();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('backs up a running embedded install and restores it into a new data directory', async () => {
    const source = join(work, 'source');
    const target = join(work, 'target');
    const archive = join(work, 'embedded.tar.gz');
    const first = await start({ SWITCHYARD_DATA_DIR: source });
    const seeded = await seed(first.api, sink);

    const backup = await runCli(['backup', '--out', archive], { SWITCHYARD_DATA_DIR: source });
    expect(backup.code, backup.output).toBe(0);
    expect(backup.stdout).toContain(`Backed up the running embedded PostgreSQL in ${source} to ${archive}`);
    expect(backup.stdout).toContain('(1 credentials, 1 runs, 1 users, 2 workflows)');
    expect(backup.stdout).toContain('master key: included (keys/secret.key;');
    expect(statSync(archive).mode & 0o777).toBe(0o600);
    expect(await entries(archive)).toEqual(
      expect.arrayContaining(['switchyard-backup/manifest.json', 'switchyard-backup/keys/secret.key', 'switchyard-backup/data/runs.copy']),
    );
    expect(await first.server.stop()).toBe(0);

    const restore = await runCli(['restore', archive], { SWITCHYARD_DATA_DIR: target });
    expect(restore.code, restore.output).toBe(0);
    expect(restore.stdout).toContain(`into the embedded PostgreSQL in ${target}`);
    expect(restore.stdout).toMatch(/workflows 2\b/);
    expect(restore.stdout).toMatch(/credentials 1\b/);
    expect(restore.stdout).toContain(`master key: restored to ${join(target, 'secret.key')}`);
    expect(restore.stdout).toContain('trigger secrets and credentials: 2 of 2 decrypt with that key');
    expect(readFileSync(join(target, 'secret.key'), 'utf8')).toBe(readFileSync(join(source, 'secret.key'), 'utf8'));
    expect(statSync(join(target, 'secret.key')).mode & 0o777).toBe(0o600);

    const second = await start({ SWITCHYARD_DATA_DIR: target });
    await expectRestored(second.api, sink, seeded);

    const busy = await runCli(['restore', archive], { SWITCHYARD_DATA_DIR: target });
    expect(busy.code).toBe(1);
    expect(busy.stderr).toContain('is running: stop Switchyard first');
    expect(await second.server.stop()).toBe(0);

    const refused = await runCli(['restore', archive], { SWITCHYARD_DATA_DIR: target });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/The target database is not empty \(\d+ tables: 2 workflows, 2 runs, 1 credentials, 1 users\)/);

    // The same archive onto another PostgreSQL (the shared test server, another major version): moving
    // from the embedded default to your own database.
    const db = await createTestDatabase();
    dbs.push(db);
    const keyDir = join(work, 'onto-url');
    const onto = await runCli(['restore', archive], { DATABASE_URL: db.url, SWITCHYARD_DATA_DIR: keyDir });
    expect(onto.code, onto.output).toBe(0);
    expect(onto.stdout).toContain('trigger secrets and credentials: 2 of 2 decrypt with that key');
    const third = await start({ DATABASE_URL: db.url, SWITCHYARD_DATA_DIR: keyDir });
    await expectRestored(third.api, sink, seeded);
  });

  it('backs up DATABASE_URL with the key from the environment, and restores with --force only with the right key', async () => {
    const key = randomBytes(32).toString('base64');
    const source = await createTestDatabase();
    const target = await createTestDatabase();
    dbs.push(source, target);
    const archive = join(work, 'url.tar.gz');
    const first = await start({ DATABASE_URL: source.url, SWITCHYARD_SECRET_KEY: key, SWITCHYARD_DATA_DIR: join(work, 'unused-1') });
    const seeded = await seed(first.api, sink);
    expect(await first.server.stop()).toBe(0);

    const backup = await runCli(['backup', '--out', archive, '--json'], { DATABASE_URL: source.url, SWITCHYARD_SECRET_KEY: key });
    expect(backup.code, backup.output).toBe(0);
    const summary = JSON.parse(backup.stdout);
    expect(summary).toMatchObject({
      file: archive,
      tables: { workflows: 2, runs: 1, credentials: 1 },
      masterKey: { source: 'environment', files: [] },
    });
    const names = await entries(archive);
    expect(names).toContain('switchyard-backup/MASTER-KEY.txt');
    expect(names.some((n) => n.includes('keys/'))).toBe(false);

    // A wrong key: the rows are restored, but the command says the secrets do not open and exits 1.
    const wrong = await runCli(['restore', archive], {
      DATABASE_URL: target.url,
      SWITCHYARD_SECRET_KEY: randomBytes(32).toString('base64'),
      SWITCHYARD_DATA_DIR: join(work, 'unused-2'),
    });
    expect(wrong.code, wrong.output).toBe(1);
    expect(wrong.stdout).toContain('SWITCHYARD_SECRET_KEY is set but is not the key the backup was made with');
    expect(wrong.stdout).toContain('0 of 2 decrypt');

    const again = await runCli(['restore', archive], { DATABASE_URL: target.url, SWITCHYARD_SECRET_KEY: key });
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('not empty');

    const forced = await runCli(['restore', archive, '--force', '--json'], { DATABASE_URL: target.url, SWITCHYARD_SECRET_KEY: key });
    expect(forced.code, forced.output).toBe(0);
    expect(JSON.parse(forced.stdout)).toMatchObject({
      tables: { workflows: 2, runs: 1, credentials: 1 },
      secrets: { checked: 2, decrypted: 2, failed: [] },
    });

    const second = await start({ DATABASE_URL: target.url, SWITCHYARD_SECRET_KEY: key, SWITCHYARD_DATA_DIR: join(work, 'unused-3') });
    await expectRestored(second.api, sink, seeded);
  });

  it('refuses what is not a backup, with exit code 1, and wrong usage with 2', async () => {
    const junk = join(work, 'junk.tar.gz');
    await tar.create({ gzip: true, file: junk, cwd: work }, ['url.tar.gz']);
    const notBackup = await runCli(['restore', junk], { DATABASE_URL: 'postgres://127.0.0.1:1/none' });
    expect(notBackup.code).toBe(1);
    expect(notBackup.stderr).toContain('is not a Switchyard backup');
    const usage = await runCli(['restore'], {});
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain("missing required argument 'file'");
  });
});
