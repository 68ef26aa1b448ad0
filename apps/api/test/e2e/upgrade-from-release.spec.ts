import { createHmac } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../src/database/migrations';
import { ApiClient } from '../support/client';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { freePort, MAIN_JS, startServerProcess, waitUntilReady, type ServerProcess } from '../support/server-process';
import { startSink, type Sink } from '../support/sink';

/** What scripts/release-fixture.mjs recorded beside each release-<version>.sql. */
interface ReleaseFixture {
  release: string;
  secretKey: string;
  owner: { email: string; password: string; apiKey: string };
  credentialToken: string;
  triggerSecret: string;
  workflows: Array<{ id: string; name: string; token: string }>;
  pausedWorkflowId: string;
  signedWorkflowId: string;
  credential: { id: string; name: string };
  runs: Array<{ id: string; workflowId: string; status: string; steps: string[] }>;
  requests: Record<string, number>;
}

const FIXTURES_DIR = resolve(__dirname, '../fixtures');
const RELEASES = readdirSync(FIXTURES_DIR)
  .filter((f) => /^release-.+\.sql$/.test(f))
  .map((f) => f.slice('release-'.length, -'.sql'.length));
const MIGRATION_NAMES = MIGRATIONS.map((m) => (new m() as { name: string }).name);

// Every earlier release's schema and data, upgraded by the current build at start: the migrations added
// since (by any branch) run on real rows, and what the release's users had is still there.
describe.each(RELEASES)('upgrading from release %s', (release) => {
  const fixture = JSON.parse(readFileSync(join(FIXTURES_DIR, `release-${release}.json`), 'utf8')) as ReleaseFixture;
  let db: TestDatabase;
  let sink: Sink;
  let server: ServerProcess | null = null;
  let api: ApiClient;
  let migrationsBefore: string[];

  beforeAll(async () => {
    expect(existsSync(MAIN_JS), 'build the api first (npm run build)').toBe(true);
    sink = await startSink();
    db = await createTestDatabase();
    // On a connection of its own: the dump changes session settings (search_path) as it goes.
    const loader = new Client({ connectionString: db.url });
    await loader.connect();
    await loader.query(readFileSync(join(FIXTURES_DIR, `release-${release}.sql`), 'utf8'));
    await loader.end();
    migrationsBefore = (await db.query<{ name: string }>('SELECT name FROM migrations ORDER BY id')).map((r) => r.name);
    const port = await freePort();
    server = startServerProcess([], {
      PORT: String(port),
      DATABASE_URL: db.url,
      SWITCHYARD_SECRET_KEY: fixture.secretKey,
      SWITCHYARD_EGRESS_ALLOW: '127.0.0.1/32',
      // The fixture's rows keep the date they were made: keep the pruner off them.
      SWITCHYARD_RETENTION_DAYS: '36500',
    });
    await waitUntilReady(`http://127.0.0.1:${port}/api/health/ready`, server);
    api = new ApiClient(`http://127.0.0.1:${port}`, fixture.owner.apiKey);
  });

  afterAll(async () => {
    await server?.stop();
    await sink?.close();
    await db?.drop();
  });

  it('runs the migrations added since the release, and only those', async () => {
    expect(migrationsBefore.length).toBeGreaterThan(0);
    expect(MIGRATION_NAMES.slice(0, migrationsBefore.length)).toEqual(migrationsBefore);
    const after = (await db.query<{ name: string }>('SELECT name FROM migrations ORDER BY id')).map((r) => r.name);
    expect(after).toEqual(MIGRATION_NAMES);
  });

  it("keeps the release's workflows, versions, runs, requests and credentials readable through the API", async () => {
    const list = await api.request('GET', '/api/workflows');
    expect(list.status, list.text).toBe(200);
    const byId = new Map(list.body.items.map((w: { id: string }) => [w.id, w]));
    for (const w of fixture.workflows) expect(byId.get(w.id)).toMatchObject({ name: w.name });

    const paused = await api.request('GET', `/api/workflows/${fixture.pausedWorkflowId}`);
    expect(paused.body).toMatchObject({ active: false, steps: [{ id: 'm', expression: '{ "v": 2 }' }] });

    for (const expected of fixture.runs) {
      const run = await api.request('GET', `/api/runs/${expected.id}`);
      expect(run.status, run.text).toBe(200);
      expect(run.body).toMatchObject({ status: expected.status, workflowId: expected.workflowId });
      expect(run.body.steps.map((s: { id: string; status: string }) => `${s.id}:${s.status}`)).toEqual(expected.steps);
    }
    for (const [workflowId, count] of Object.entries(fixture.requests)) {
      const requests = await api.request('GET', `/api/workflows/${workflowId}/requests`);
      expect(requests.body.items).toHaveLength(count);
    }

    const credentials = await api.request('GET', '/api/credentials');
    expect(credentials.body.items).toEqual(expect.arrayContaining([expect.objectContaining(fixture.credential)]));
  });

  it('still decrypts the credential and the trigger secret, and signs in the owner with the stored password', async () => {
    const tested = await api.request('POST', '/api/test/step', {
      step: { id: 'call', type: 'http', url: `${sink.url}/upgraded`, credentialId: fixture.credential.id },
    });
    expect(tested.body.status, tested.text).toBe('succeeded');
    expect(sink.requests.at(-1)?.headers.authorization).toBe(`Bearer ${fixture.credentialToken}`);

    // A small amount is filtered before the http step, whose sink was the generator's.
    const body = JSON.stringify({ id: 'U-1', amount: 1 });
    const token = fixture.workflows.find((w) => w.id === fixture.signedWorkflowId)!.token;
    const res = await fetch(`${api.baseUrl}/hooks/${token}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-github-delivery': `upgrade-${Date.now()}`,
        'x-hub-signature-256': `sha256=${createHmac('sha256', fixture.triggerSecret).update(body).digest('hex')}`,
      },
      body,
    });
    expect(res.status).toBe(202);
    const run = await api.waitForRun(((await res.json()) as { runId: string }).runId);
    expect(run.status).toBe('filtered');

    const login = await api.as(null).request('POST', '/api/auth/login', { email: fixture.owner.email, password: fixture.owner.password });
    expect(login.status, login.text).toBe(200);
  });
});
