// Shared set-up of the browser tests: the built API on a fresh PostgreSQL database, a local HTTP
// sink that records what the workflows send, and headless Chromium.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { chromium } from 'playwright-core';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const API_MAIN = path.join(ROOT, 'apps/api/dist/main.js');
export const WEB_INDEX = path.join(ROOT, 'apps/web/dist/index.html');
export const SCREENSHOTS = path.join(ROOT, 'docs/screenshots');
export const OUTPUT = path.join(ROOT, 'apps/web/e2e/output');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const PG_ADMIN_URL = process.env.E2E_PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const PG_BASE_URL = process.env.E2E_PG_BASE_URL ?? 'postgres://postgres@127.0.0.1:5432';
const READY_TIMEOUT_MS = 60_000;
const RUN_TIMEOUT_MS = 60_000;
export const UI_TIMEOUT_MS = 20_000;
const FINISHED = new Set(['succeeded', 'failed', 'filtered', 'cancelled']);

/** The owner seeded into every test server (SWITCHYARD_OWNER_*), and its API key used by env.request. */
export const OWNER = {
  email: 'owner@switchyard.test',
  password: 'owner-password-123',
  apiKey: 'sy_e2e_owner_key_0123456789abcdefghijklmno',
};

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Without Chromium a developer's `npm test` skips the browser tests and says why; on CI it is required. */
export function browserSkipReason() {
  if (existsSync(CHROMIUM) || process.env.CI) return false;
  console.warn(`SKIPPED browser tests: ${CHROMIUM} is missing (Debian: apt-get install -y chromium, or set CHROMIUM_PATH)`);
  return `${CHROMIUM} is missing`;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function withAdminClient(fn) {
  const client = new pg.Client({ connectionString: PG_ADMIN_URL });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Starts everything; `stop()` undoes it. `received` collects the sink's requests. */
/**
 * `seedOwner: false` starts without an owner account (the setup page); `signIn: false` leaves the
 * browser signed out. By default the owner is seeded and the browser signed in as the owner.
 * `extraEnv` adds settings of the server (e.g. SWITCHYARD_SMTP_URL).
 */
export async function startEnvironment({ name, seedOwner = true, signIn = true, extraEnv = {} }) {
  assert.ok(existsSync(API_MAIN), `${API_MAIN} is missing: run \`npx nx run api:build\` first`);
  assert.ok(existsSync(WEB_INDEX), `${WEB_INDEX} is missing: run \`npx nx run web:build\` first`);
  assert.ok(existsSync(CHROMIUM), `${CHROMIUM} is missing: apt-get install -y chromium`);

  const env = {
    dbName: `switchyard_${name}_${Date.now()}_${process.pid}`,
    dbCreated: false,
    dataDir: null,
    api: null,
    apiLog: '',
    apiExit: null,
    base: null,
    sink: null,
    sinkBase: null,
    received: [],
    browser: null,
    context: null,
    page: null,
    pageErrors: [],
  };

  env.logTail = () => env.apiLog.slice(-8000);

  await withAdminClient((client) => client.query(`CREATE DATABASE "${env.dbName}"`));
  env.dbCreated = true;
  env.dataDir = await mkdtemp(path.join(tmpdir(), `switchyard-${name}-`));
  const port = await freePort();
  env.base = `http://127.0.0.1:${port}`;

  env.sink = createServer((request, response) => {
    const chunks = [];
    request.on('data', (chunk) => chunks.push(chunk));
    request.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      let body = text;
      try {
        body = JSON.parse(text);
      } catch {
        // Not JSON: keep the text.
      }
      env.received.push({ method: request.method, url: request.url, headers: request.headers, body });
      const status = request.url.startsWith('/fail') ? 500 : 200;
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(status === 200 ? { ok: true, received: body } : { error: 'sink is down' }));
    });
  });
  await new Promise((resolve) => env.sink.listen(0, '127.0.0.1', resolve));
  env.sinkBase = `http://127.0.0.1:${env.sink.address().port}`;

  const childEnv = {
    ...process.env,
    PORT: String(port),
    DATABASE_URL: `${PG_BASE_URL}/${env.dbName}`,
    SWITCHYARD_EGRESS_ALLOW: '127.0.0.1/32',
    SWITCHYARD_DATA_DIR: env.dataDir,
    SWITCHYARD_PUBLIC_URL: env.base,
    ...(seedOwner
      ? { SWITCHYARD_OWNER_EMAIL: OWNER.email, SWITCHYARD_OWNER_PASSWORD: OWNER.password, SWITCHYARD_OWNER_API_KEY: OWNER.apiKey }
      : {}),
    ...extraEnv,
  };
  if (!seedOwner)
    for (const key of ['SWITCHYARD_OWNER_EMAIL', 'SWITCHYARD_OWNER_PASSWORD', 'SWITCHYARD_OWNER_API_KEY']) delete childEnv[key];
  delete childEnv.REDIS_URL;
  env.api = spawn(process.execPath, [API_MAIN], { cwd: ROOT, env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  const append = (chunk) => {
    env.apiLog = (env.apiLog + chunk.toString()).slice(-200_000);
  };
  env.api.stdout.on('data', append);
  env.api.stderr.on('data', append);
  env.api.on('exit', (code, signal) => {
    env.apiExit = { code, signal };
  });

  const deadline = Date.now() + READY_TIMEOUT_MS;
  let last = 'no answer yet';
  for (;;) {
    if (env.apiExit) throw new Error(`The API exited during startup (${JSON.stringify(env.apiExit)}). Output:\n${env.logTail()}`);
    if (Date.now() > deadline)
      throw new Error(`The API was not ready after ${READY_TIMEOUT_MS} ms (last: ${last}). Output:\n${env.logTail()}`);
    try {
      const response = await fetch(`${env.base}/api/health/ready`);
      if (response.status === 200) break;
      last = `${response.status} ${await response.text()}`;
    } catch (error) {
      last = error.cause?.code ?? error.message;
    }
    await sleep(250);
  }

  env.browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  env.context = await env.browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1, locale: 'en-US' });
  env.context.setDefaultTimeout(UI_TIMEOUT_MS);
  /** Signs a browser context in through the login API and hands it the session cookies. */
  env.signInContext = async (context, email = OWNER.email, password = OWNER.password) => {
    const response = await fetch(`${env.base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });
    assert.equal(response.status, 200, `sign-in as ${email} answered ${response.status}: ${await response.text()}`);
    const cookies = response.headers.getSetCookie().map((line) => {
      const [pair] = line.split(';');
      const eq = pair.indexOf('=');
      return { name: pair.slice(0, eq), value: decodeURIComponent(pair.slice(eq + 1)), url: env.base };
    });
    await context.addCookies(cookies);
  };
  if (seedOwner && signIn) await env.signInContext(env.context);
  env.page = await env.context.newPage();
  env.page.on('pageerror', (error) => env.pageErrors.push(error.message));

  env.stop = async () => {
    await env.browser?.close().catch(() => undefined);
    if (env.api && !env.apiExit) {
      const exited = new Promise((resolve) => env.api.once('exit', resolve));
      env.api.kill('SIGTERM');
      const timer = setTimeout(() => env.api.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
    await new Promise((resolve) => (env.sink ? env.sink.close(resolve) : resolve()));
    if (env.dbCreated) {
      await withAdminClient((client) => client.query(`DROP DATABASE IF EXISTS "${env.dbName}" WITH (FORCE)`)).catch((error) =>
        console.error(`could not drop ${env.dbName}: ${error.message}`),
      );
    }
    if (env.dataDir) await rm(env.dataDir, { recursive: true, force: true });
  };

  /** Calls the API from the test process, as an HTTP client would. */
  env.request = async (method, urlPath, body, { apiKey = OWNER.apiKey } = {}) => {
    const auth = apiKey ? { authorization: `Bearer ${apiKey}` } : {};
    const response = await fetch(`${env.base}${urlPath}`, {
      method,
      headers: body === undefined ? auth : { 'content-type': 'application/json', ...auth },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    let json = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      json = text;
    }
    return { status: response.status, body: json };
  };

  env.waitForRun = async (runId) => {
    const until = Date.now() + RUN_TIMEOUT_MS;
    let run = null;
    while (Date.now() < until) {
      const { status, body } = await env.request('GET', `/api/runs/${runId}`);
      if (status === 200) {
        run = body;
        if (FINISHED.has(run.status)) return run;
      }
      await sleep(200);
    }
    throw new Error(`Run ${runId} did not finish within ${RUN_TIMEOUT_MS} ms: ${JSON.stringify(run)}\n${env.logTail()}`);
  };

  env.screenshot = async (file, { dir = SCREENSHOTS, fullPage = true, clip, locator } = {}) => {
    await mkdir(dir, { recursive: true });
    await env.page.waitForTimeout(200);
    const target = path.join(dir, file);
    if (locator) await locator.screenshot({ path: target, animations: 'disabled' });
    else await env.page.screenshot({ path: target, fullPage, clip, animations: 'disabled' });
  };

  return env;
}

/**
 * Wraps test bodies so that a failing one leaves a screenshot of the page in e2e/output, for whoever
 * reads the CI log: `const withFailureShot = failureShots(() => env)`, then
 * `test('...', withFailureShot('name', async () => { ... }))`.
 */
export function failureShots(getEnv, prefix = '') {
  return (name, fn) => async () => {
    try {
      await fn();
    } catch (error) {
      await getEnv()
        ?.screenshot(`failure-${prefix}${name}.png`, { dir: OUTPUT })
        .catch(() => undefined);
      throw error;
    }
  };
}
