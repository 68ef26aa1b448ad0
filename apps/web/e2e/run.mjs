/* global document -- read inside page.evaluate(), which runs in the browser */
// Browser end-to-end test: the built API on a fresh PostgreSQL database, a local HTTP sink,
// and the built web app in headless Chromium. Run from anywhere: `node apps/web/e2e/run.mjs`.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { chromium } from 'playwright-core';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const API_MAIN = path.join(ROOT, 'apps/api/dist/main.js');
const WEB_INDEX = path.join(ROOT, 'apps/web/dist/index.html');
const SCREENSHOTS = path.join(ROOT, 'docs/screenshots');
const OUTPUT = path.join(ROOT, 'apps/web/e2e/output');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const PG_ADMIN_URL = process.env.E2E_PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const PG_BASE_URL = process.env.E2E_PG_BASE_URL ?? 'postgres://postgres@127.0.0.1:5432';
const READY_TIMEOUT_MS = 60_000;
const RUN_TIMEOUT_MS = 60_000;
const UI_TIMEOUT_MS = 20_000;
const FINISHED = new Set(['succeeded', 'failed', 'filtered', 'cancelled']);

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

const state = {
  dbName: `switchyard_web_e2e_${Date.now()}_${process.pid}`,
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
  page: null,
  pageErrors: [],
  workflows: {},
  runs: {},
};

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

function apiLogTail() {
  return state.apiLog.slice(-8000);
}

async function startApi(port) {
  const env = {
    ...process.env,
    PORT: String(port),
    DATABASE_URL: `${PG_BASE_URL}/${state.dbName}`,
    SWITCHYARD_EGRESS_ALLOW: '127.0.0.1/32',
    SWITCHYARD_DATA_DIR: state.dataDir,
    SWITCHYARD_PUBLIC_URL: `http://127.0.0.1:${port}`,
  };
  delete env.REDIS_URL;
  const child = spawn(process.execPath, [API_MAIN], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const append = (chunk) => {
    state.apiLog = (state.apiLog + chunk.toString()).slice(-200_000);
  };
  child.stdout.on('data', append);
  child.stderr.on('data', append);
  child.on('exit', (code, signal) => {
    state.apiExit = { code, signal };
  });
  state.api = child;

  const deadline = Date.now() + READY_TIMEOUT_MS;
  let last = 'no answer yet';
  while (Date.now() < deadline) {
    if (state.apiExit) {
      throw new Error(`The API exited during startup (${JSON.stringify(state.apiExit)}). Output:\n${apiLogTail()}`);
    }
    try {
      const response = await fetch(`${state.base}/api/health/ready`);
      if (response.status === 200) return;
      last = `${response.status} ${await response.text()}`;
    } catch (error) {
      last = error.cause?.code ?? error.message;
    }
    await sleep(250);
  }
  throw new Error(`The API was not ready after ${READY_TIMEOUT_MS} ms (last: ${last}). Output:\n${apiLogTail()}`);
}

async function stopApi() {
  const child = state.api;
  if (!child || state.apiExit) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

function startSink() {
  const server = createServer((request, response) => {
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
      state.received.push({ method: request.method, url: request.url, headers: request.headers, body });
      if (request.url.startsWith('/fail')) {
        response.writeHead(500, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ error: 'sink is down' }));
        return;
      }
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ ok: true, received: body }));
    });
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      state.sink = server;
      state.sinkBase = `http://127.0.0.1:${server.address().port}`;
      resolve();
    });
  });
}

async function api(method, urlPath, body) {
  const response = await fetch(`${state.base}${urlPath}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
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
}

function pipeline(name, sinkPath, extra = {}) {
  return {
    name,
    trigger: { type: 'webhook' },
    steps: [
      { id: 'shape', type: 'map', expression: '{ "who": trigger.body.user, "n": trigger.body.n * 2 }' },
      { id: 'big', type: 'filter', condition: 'steps.shape.n > 2' },
      { id: 'send', type: 'http', method: 'POST', url: `${state.sinkBase}${sinkPath}`, body: 'steps.shape' },
    ],
    ...extra,
  };
}

async function createWorkflow(definition) {
  const { status, body } = await api('POST', '/api/workflows', definition);
  assert.equal(status, 201, `POST /api/workflows answered ${status}: ${JSON.stringify(body)}`);
  assert.ok(body.id, 'the created workflow has an id');
  assert.ok(body.trigger?.token, 'the created workflow has a trigger token');
  assert.ok(body.trigger?.url?.includes(body.trigger.token), `trigger.url ${body.trigger?.url} contains the token`);
  return body;
}

async function sendWebhook(workflow, payload) {
  const response = await fetch(`${state.base}/hooks/${workflow.trigger.token}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-e2e': 'web' },
    body: JSON.stringify(payload),
  });
  const body = await response.json();
  assert.equal(response.status, 202, `POST /hooks answered ${response.status}: ${JSON.stringify(body)}`);
  assert.ok(body.runId, 'the webhook answer carries a runId');
  return body.runId;
}

async function waitForRun(runId) {
  const deadline = Date.now() + RUN_TIMEOUT_MS;
  let run = null;
  while (Date.now() < deadline) {
    const { status, body } = await api('GET', `/api/runs/${runId}`);
    if (status === 200) {
      run = body;
      if (FINISHED.has(run.status)) return run;
    }
    await sleep(200);
  }
  throw new Error(`Run ${runId} did not finish within ${RUN_TIMEOUT_MS} ms: ${JSON.stringify(run)}\n${apiLogTail()}`);
}

async function screenshot(name, { dir = SCREENSHOTS, fullPage = true } = {}) {
  await mkdir(dir, { recursive: true });
  // Let badges and relative times settle; animations are paused for stable pictures.
  await state.page.waitForTimeout(150);
  await state.page.screenshot({ path: path.join(dir, name), fullPage, animations: 'disabled' });
}

// Without Chromium a developer's `npm test` skips this file and says why; on CI it is required.
const browserMissing = !existsSync(CHROMIUM);
if (browserMissing && !process.env.CI) {
  console.warn(`SKIPPED browser tests: ${CHROMIUM} is missing (Debian: apt-get install -y chromium, or set CHROMIUM_PATH)`);
}

describe('Switchyard web app in Chromium', { skip: browserMissing && !process.env.CI ? `${CHROMIUM} is missing` : false }, () => {
  before(async () => {
    assert.ok(existsSync(API_MAIN), `${API_MAIN} is missing: run \`npx nx run api:build\` first`);
    assert.ok(existsSync(WEB_INDEX), `${WEB_INDEX} is missing: run \`npx nx run web:build\` first`);
    assert.ok(existsSync(CHROMIUM), `${CHROMIUM} is missing: apt-get install -y chromium`);

    await withAdminClient((client) => client.query(`CREATE DATABASE "${state.dbName}"`));
    state.dbCreated = true;
    state.dataDir = await mkdtemp(path.join(tmpdir(), 'switchyard-web-e2e-'));
    const port = await freePort();
    state.base = `http://127.0.0.1:${port}`;
    await startSink();
    await startApi(port);

    state.browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    const context = await state.browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1, locale: 'en-US' });
    context.setDefaultTimeout(UI_TIMEOUT_MS);
    state.page = await context.newPage();
    state.page.on('pageerror', (error) => state.pageErrors.push(error.message));
  });

  after(async () => {
    await state.browser?.close().catch(() => undefined);
    await stopApi().catch(() => undefined);
    await new Promise((resolve) => (state.sink ? state.sink.close(resolve) : resolve()));
    if (state.dbCreated) {
      await withAdminClient((client) => client.query(`DROP DATABASE IF EXISTS "${state.dbName}" WITH (FORCE)`)).catch((error) =>
        console.error(`could not drop ${state.dbName}: ${error.message}`),
      );
    }
    if (state.dataDir) await rm(state.dataDir, { recursive: true, force: true });
  });

  test('an empty workspace explains how to create a workflow', async () => {
    const { page } = state;
    await page.goto(`${state.base}/`);
    await page.getByRole('heading', { name: 'Create your first workflow' }).waitFor();
    const command = await page.locator('pre[aria-label="Terminal"]').innerText();
    assert.match(command, new RegExp(`curl -X POST '${state.base}/api/workflows'`));
    await screenshot('workflows-empty.png');
  });

  test('a webhook runs map -> filter -> http against the local sink', async () => {
    state.workflows.relay = await createWorkflow(pipeline('Signup relay', '/in'));
    state.workflows.failing = await createWorkflow(pipeline('Order sync (broken endpoint)', '/fail'));
    state.workflows.paused = await createWorkflow(pipeline('Paused digest', '/in', { active: false }));

    state.runs.filtered = await sendWebhook(state.workflows.relay, { user: 'bob', n: 1 });
    assert.equal((await waitForRun(state.runs.filtered)).status, 'filtered');

    state.runs.ok = await sendWebhook(state.workflows.relay, { user: 'ada', n: 2 });
    const run = await waitForRun(state.runs.ok);
    assert.equal(run.status, 'succeeded', JSON.stringify(run));
    assert.deepEqual(
      run.steps.map((step) => [step.id, step.status]),
      [['shape', 'succeeded'], ['big', 'succeeded'], ['send', 'succeeded']],
    );
    const delivered = state.received.filter((entry) => entry.url === '/in');
    assert.equal(delivered.length, 1, `the sink got one request: ${JSON.stringify(state.received)}`);
    assert.deepEqual(delivered[0].body, { who: 'ada', n: 4 });

    state.runs.failed = await sendWebhook(state.workflows.failing, { user: 'eve', n: 5 });
    const failed = await waitForRun(state.runs.failed);
    assert.equal(failed.status, 'failed', JSON.stringify(failed));
    assert.equal(failed.steps.find((step) => step.id === 'send')?.status, 'failed');
  });

  test('the workflows list shows the workflows with their trigger URLs', async () => {
    const { page } = state;
    await page.goto(`${state.base}/`);
    await page.getByRole('heading', { level: 1, name: 'Workflows' }).waitFor();
    const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: 'Signup relay', exact: true }) });
    await row.waitFor();
    await row.getByText('On', { exact: true }).waitFor();
    await row.getByText(state.workflows.relay.trigger.token).waitFor();
    await page
      .getByRole('row')
      .filter({ has: page.getByRole('link', { name: 'Paused digest', exact: true }) })
      .getByText('Off', { exact: true })
      .waitFor();
    await page.getByRole('button', { name: 'Copy trigger URL of Signup relay' }).waitFor();
    await page.getByText('API online').waitFor();
    await screenshot('workflows-list.png');
  });

  test('a workflow page lists its runs, newest first, and links to them', async () => {
    const { page } = state;
    await page.getByRole('link', { name: 'Signup relay', exact: true }).click();
    await page.waitForURL(`**/workflows/${state.workflows.relay.id}`);
    await page.getByRole('heading', { level: 1, name: 'Signup relay' }).waitFor();
    const runLinks = page.getByRole('table', { name: 'Runs of this workflow' }).getByRole('link');
    await runLinks.nth(1).waitFor();
    assert.deepEqual(await runLinks.evaluateAll((links) => links.map((link) => link.getAttribute('aria-label'))), [
      `Run ${state.runs.ok}, Succeeded`,
      `Run ${state.runs.filtered}, Filtered`,
    ]);
    await page.getByRole('heading', { name: 'Steps' }).waitFor();
    await screenshot('workflow-runs.png');

    await page.getByRole('combobox', { name: 'Filter runs by status' }).selectOption('filtered');
    await page.getByRole('link', { name: `Run ${state.runs.filtered}, Filtered` }).waitFor();
    await page.getByRole('link', { name: `Run ${state.runs.ok}, Succeeded` }).waitFor({ state: 'detached' });
    await page.getByRole('combobox', { name: 'Filter runs by status' }).selectOption('');
  });

  test('a run page shows the trigger request and every step output', async () => {
    const { page } = state;
    await page.getByRole('link', { name: `Run ${state.runs.ok}, Succeeded` }).click();
    await page.waitForURL(`**/runs/${state.runs.ok}`);
    await page.getByRole('heading', { level: 1, name: 'Run of Signup relay' }).waitFor();
    for (const id of ['shape', 'big', 'send']) {
      await page.getByRole('heading', { level: 3, name: id, exact: true }).waitFor();
    }
    const steps = page.locator('#steps');
    const shapeOutput = await steps.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'shape' }) }).locator('pre').first().innerText();
    assert.deepEqual(JSON.parse(shapeOutput), { who: 'ada', n: 4 });
    await steps.getByText('"ok": true').first().waitFor();
    const body = await page.locator('#trigger-request pre[aria-label="Body"]').innerText();
    assert.deepEqual(JSON.parse(body), { user: 'ada', n: 2 });
    await page.locator('#trigger-request').getByText('x-e2e').waitFor();
    await screenshot('run-detail.png');
  });

  test('Replay starts a new run from the same request', async () => {
    const { page } = state;
    const before = state.received.filter((entry) => entry.url === '/in').length;
    await page.getByRole('button', { name: 'Replay' }).click();
    await page.waitForURL((url) => url.pathname.startsWith('/runs/') && !url.pathname.endsWith(state.runs.ok));
    const replayId = page.url().split('/runs/')[1];
    assert.notEqual(replayId, state.runs.ok);
    await page.locator('.sy-page-header').getByText('Succeeded', { exact: true }).waitFor();
    assert.equal(state.received.filter((entry) => entry.url === '/in').length, before + 1);
  });

  test('a failed run shows the failing step and its error', async () => {
    const { page } = state;
    await page.goto(`${state.base}/workflows/${state.workflows.failing.id}`);
    await page.getByRole('link', { name: `Run ${state.runs.failed}, Failed` }).click();
    await page.waitForURL(`**/runs/${state.runs.failed}`);
    const send = page.locator('#steps').getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'send' }) });
    await send.getByText('Failed', { exact: true }).waitFor();
    await page.getByRole('heading', { name: 'Step send failed' }).waitFor();
    const error = await send.locator('pre[aria-label="Error"]').innerText();
    assert.match(error, /500/, `the step error mentions the 500 answer: ${error}`);
    await screenshot('run-failed.png');
  });

  test('unknown ids and narrow windows are handled', async () => {
    const { page } = state;
    await page.goto(`${state.base}/runs/00000000-0000-4000-8000-000000000000`);
    await page.getByText(/Run not found|Could not load this run/).waitFor();
    await page.goto(`${state.base}/no/such/page`);
    await page.getByRole('heading', { name: 'Page not found' }).waitFor();

    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${state.base}/`);
    await page.getByRole('link', { name: 'Signup relay', exact: true }).waitFor();
    await screenshot('narrow-workflows-list.png', { dir: OUTPUT });
    await page.goto(`${state.base}/runs/${state.runs.ok}`);
    await page.getByRole('heading', { level: 3, name: 'send', exact: true }).waitFor();
    await screenshot('narrow-run-detail.png', { dir: OUTPUT });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `the page does not scroll sideways at 390px (overflow ${overflow}px)`);
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  test('Load more pages through older runs by cursor', async () => {
    const { page } = state;
    const extra = [];
    for (let i = 0; i < 21; i += 1) extra.push(await sendWebhook(state.workflows.relay, { user: `u${i}`, n: 0 }));
    await waitForRun(extra[extra.length - 1]);
    const { body: all } = await api('GET', `/api/workflows/${state.workflows.relay.id}/runs?limit=100`);
    await page.goto(`${state.base}/workflows/${state.workflows.relay.id}`);
    const rows = page.getByRole('table', { name: 'Runs of this workflow' }).locator('tbody tr');
    await rows.nth(19).waitFor();
    assert.equal(await rows.count(), 20);
    await page.getByRole('button', { name: 'Load more' }).click();
    await rows.nth(all.items.length - 1).waitFor();
    assert.equal(await rows.count(), all.items.length);
    await page.getByText(`${all.items.length} runs · end of history`).waitFor();
    const ids = await rows.locator('a').evaluateAll((links) => links.map((link) => link.getAttribute('title')));
    assert.deepEqual(ids, all.items.map((run) => run.id), 'the UI lists the same runs as the API, newest first');
  });

  test('the app raised no uncaught errors', () => {
    assert.deepEqual(state.pageErrors, []);
  });
});
