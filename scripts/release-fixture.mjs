#!/usr/bin/env node
// Writes the upgrade fixture of a release: apps/api/test/fixtures/release-<version>.sql (its schema and
// representative rows, made by that release's own server through its HTTP API) and release-<version>.json
// (what the upgrade test expects to read back). apps/api/test/e2e/upgrade-from-release.spec.ts loads every
// such fixture into a fresh database, starts the current build on it (which runs the newer migrations)
// and reads the data through the API. See docs/operations.md#upgrading.
//
//   node scripts/release-fixture.mjs --release 0.1.0 --ref e3b8a2d
//
// Run it when a release is cut, on a built tree (npm run build) whose migrations are the release's:
// the script refuses when apps/api/src/database/migrations differs from --ref. For an older release,
// build it in its own worktree and point --server at it:
//   git worktree add /tmp/sy-0.1.0 e3b8a2d && (cd /tmp/sy-0.1.0 && npm ci && npm run build)
//   node scripts/release-fixture.mjs --release 0.1.0 --ref e3b8a2d --server /tmp/sy-0.1.0/apps/api/dist/main.js
//
// Needs, like the tests: PostgreSQL on 127.0.0.1:5432 (user postgres, trust; SWITCHYARD_TEST_PG_URL) and
// pg_dump of the same major version on PATH. Everything it starts listens on loopback and is stopped at the end.

import { execFileSync, spawn } from 'node:child_process';
import { createHmac, randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import net from 'node:net';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { Client } = createRequire(path.join(ROOT, 'apps/api/package.json'))('pg');

// Fixed, test-only values: the fixture's rows are sealed and hashed with them, and the test uses them.
const FIXTURE = {
  secretKey: Buffer.alloc(32, 7).toString('base64'),
  owner: { email: 'owner@switchyard.test', password: 'owner-password-123', apiKey: 'sy_test_owner_key_0123456789abcdefghijklmnop' },
  credentialToken: 'fixture-bearer-token-0001',
  triggerSecret: 'whsec_fixture_trigger_secret_0001',
};

const { values: args } = parseArgs({
  options: {
    release: { type: 'string' },
    ref: { type: 'string' },
    server: { type: 'string', default: path.join(ROOT, 'apps/api/dist/main.js') },
    out: { type: 'string', default: path.join(ROOT, 'apps/api/test/fixtures') },
  },
});
if (!args.release || !args.ref) {
  console.error(
    'usage: node scripts/release-fixture.mjs --release <version> --ref <git commit of the release> [--server <dist/main.js>] [--out <dir>]',
  );
  process.exit(2);
}

const cleanups = [];
try {
  await main();
} catch (err) {
  console.error(`release-fixture: ${err instanceof Error ? err.message : err}`);
  process.exitCode = 1;
} finally {
  for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
}

async function main() {
  const commit = execFileSync('git', ['rev-parse', args.ref], { cwd: ROOT, encoding: 'utf8' }).trim();
  if (path.resolve(args.server) === path.join(ROOT, 'apps/api/dist/main.js')) {
    try {
      execFileSync('git', ['diff', '--quiet', commit, '--', 'apps/api/src/database/migrations'], { cwd: ROOT });
    } catch {
      throw new Error(
        `the migrations of this tree differ from ${args.ref}: build the release in its own worktree and pass --server (see the header of this script)`,
      );
    }
  }

  const adminUrl = process.env.SWITCHYARD_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const dbName = `sy_fixture_${randomBytes(4).toString('hex')}`;
  await adminQuery(adminUrl, `CREATE DATABASE ${dbName}`);
  cleanups.push(() => adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`));
  const dbUrl = new URL(adminUrl);
  dbUrl.pathname = `/${dbName}`;

  const sink = await startSink();
  cleanups.push(() => new Promise((r) => sink.server.close(r)));

  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const server = await startServer(args.server, {
    PORT: String(port),
    DATABASE_URL: dbUrl.toString(),
    SWITCHYARD_SECRET_KEY: FIXTURE.secretKey,
    SWITCHYARD_EGRESS_ALLOW: '127.0.0.1/32',
    SWITCHYARD_OWNER_EMAIL: FIXTURE.owner.email,
    SWITCHYARD_OWNER_PASSWORD: FIXTURE.owner.password,
    SWITCHYARD_OWNER_API_KEY: FIXTURE.owner.apiKey,
    LOG_LEVEL: 'warn',
  });
  cleanups.push(() => server.stop());
  await waitReady(`${base}/api/health/ready`, server);

  const expected = await seed(base, sink);
  await server.stop();

  const dump = execFileSync('pg_dump', ['--no-owner', '--no-privileges', '--column-inserts', dbUrl.toString()], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  // psql-only meta-commands (\restrict since 17.6/16.10/15.14): the test loads the file over a plain connection.
  const sql = dump
    .split('\n')
    .filter((line) => !line.startsWith('\\'))
    .join('\n');
  const header = [
    `-- Switchyard ${args.release} (commit ${commit}): its schema and representative rows, made by its own server.`,
    `-- Generated by scripts/release-fixture.mjs; do not edit. Expected values: release-${args.release}.json.`,
    `-- Test-only secrets: rows are sealed with the secretKey of the JSON file.`,
    '',
  ].join('\n');
  const sqlFile = path.join(args.out, `release-${args.release}.sql`);
  const jsonFile = path.join(args.out, `release-${args.release}.json`);
  writeFileSync(sqlFile, header + sql);
  writeFileSync(
    jsonFile,
    `${JSON.stringify({ release: args.release, commit, ...FIXTURE, generatedAt: new Date().toISOString(), ...expected }, null, 2)}\n`,
  );
  console.log(`wrote ${path.relative(ROOT, sqlFile)} and ${path.relative(ROOT, jsonFile)}`);
}

/** Representative rows, made through the release's API: what its users would have. */
async function seed(base, sink) {
  const api = async (method, url, body) => {
    const res = await fetch(`${base}${url}`, {
      method,
      headers: { authorization: `Bearer ${FIXTURE.owner.apiKey}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (res.status >= 300) throw new Error(`${method} ${url}: ${res.status} ${text}`);
    return text ? JSON.parse(text) : undefined;
  };
  const hook = async (token, body, headers = {}) => {
    const raw = JSON.stringify(body);
    const res = await fetch(`${base}/hooks/${token}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: raw,
    });
    return { status: res.status, body: await res.json().catch(() => undefined) };
  };
  const github = (body, delivery) => ({
    'x-github-event': 'push',
    'x-github-delivery': delivery,
    'x-hub-signature-256': `sha256=${createHmac('sha256', FIXTURE.triggerSecret).update(JSON.stringify(body)).digest('hex')}`,
  });
  const waitRun = async (id) => {
    for (let i = 0; i < 150; i++) {
      const run = await api('GET', `/api/runs/${id}`);
      if (!['queued', 'running'].includes(run.status)) return run;
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error(`run ${id} did not finish`);
  };

  const credential = await api('POST', '/api/credentials', {
    name: 'Sink token',
    type: 'bearer',
    data: { token: FIXTURE.credentialToken },
  });
  const orders = await api('POST', '/api/workflows', {
    name: 'Signed orders',
    trigger: { type: 'webhook', verify: { scheme: 'github', secrets: [FIXTURE.triggerSecret] }, dedupe: {} },
    steps: [
      { id: 'shape', type: 'map', expression: '{ "order": trigger.body.id, "total": trigger.body.amount * 2 }' },
      { id: 'big', type: 'filter', condition: 'steps.shape.total > 10' },
      {
        id: 'send',
        type: 'http',
        method: 'POST',
        url: `${sink.url}/orders/{{ steps.shape.order }}`,
        credentialId: credential.id,
        body: 'steps.shape',
      },
    ],
  });
  const failing = await api('POST', '/api/workflows', {
    name: 'Unreachable endpoint',
    trigger: { type: 'webhook' },
    steps: [
      { id: 'call', type: 'http', method: 'POST', url: 'http://127.0.0.1:9/closed', body: 'trigger.body', retry: { maxAttempts: 1 } },
    ],
  });
  const paused = await api('POST', '/api/workflows', {
    name: 'Edited then paused',
    trigger: { type: 'webhook' },
    steps: [{ id: 'm', type: 'map', expression: '{ "v": 1 }' }],
  });
  await api('PUT', `/api/workflows/${paused.id}`, {
    name: 'Edited then paused',
    trigger: { type: 'webhook' },
    steps: [{ id: 'm', type: 'map', expression: '{ "v": 2 }' }],
  });
  await api('PATCH', `/api/workflows/${paused.id}`, { active: false });
  await api('POST', '/api/api-keys', { name: 'CI', role: 'editor' });

  const runs = [];
  const accepted = await hook(orders.trigger.token, { id: 'A-1', amount: 21 }, github({ id: 'A-1', amount: 21 }, 'delivery-1'));
  runs.push(await waitRun(accepted.body.runId));
  const duplicate = await hook(orders.trigger.token, { id: 'A-1', amount: 21 }, github({ id: 'A-1', amount: 21 }, 'delivery-1'));
  if (!duplicate.body?.duplicate) throw new Error(`expected a duplicate: ${JSON.stringify(duplicate)}`);
  const small = await hook(orders.trigger.token, { id: 'A-2', amount: 1 }, github({ id: 'A-2', amount: 1 }, 'delivery-2'));
  runs.push(await waitRun(small.body.runId));
  const forged = await hook(orders.trigger.token, { id: 'A-3', amount: 50 }, { 'x-hub-signature-256': `sha256=${'0'.repeat(64)}` });
  if (forged.status !== 401) throw new Error(`expected 401 for a forged signature, got ${forged.status}`);
  const failed = await hook(failing.trigger.token, { id: 'F-1' });
  runs.push(await waitRun(failed.body.runId));
  const replay = await api('POST', `/api/runs/${runs[0].id}/replay`, { from: 'start' });
  runs.push(await waitRun(replay.runId));

  const statuses = runs.map((r) => r.status).join(',');
  if (statuses !== 'succeeded,filtered,failed,succeeded') throw new Error(`unexpected run statuses ${statuses}`);
  return {
    workflows: [orders, failing, paused].map((w) => ({ id: w.id, name: w.name, token: w.trigger.token })),
    pausedWorkflowId: paused.id,
    signedWorkflowId: orders.id,
    credential: { id: credential.id, name: credential.name },
    runs: runs.map((r) => ({ id: r.id, workflowId: r.workflowId, status: r.status, steps: r.steps.map((s) => `${s.id}:${s.status}`) })),
    requests: { [orders.id]: 4, [failing.id]: 1 },
  };
}

async function adminQuery(url, sql) {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

function startSink() {
  return new Promise((resolve) => {
    const server = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{"ok":true}');
      });
    });
    server.listen(0, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${server.address().port}` }));
  });
}

function startServer(entry, env) {
  const child = spawn(process.execPath, [entry], {
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  return {
    child,
    output: () => output,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

async function waitReady(url, server) {
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (server.child.exitCode !== null) throw new Error(`the server exited:\n${server.output()}`);
    const ok = await fetch(url).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    if (Date.now() > deadline) throw new Error(`the server was not ready in time:\n${server.output()}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
