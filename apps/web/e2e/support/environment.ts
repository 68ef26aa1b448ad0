// Shared set-up of the browser tests: the built API on a fresh PostgreSQL database, a local HTTP
// sink that records what the workflows send, and headless Chromium.
import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { ApiClient, OWNER, sleep } from './api-client.ts';
import { startSink, type Sink, type SinkRequest } from './sink.ts';

export { OWNER, sleep } from './api-client.ts';

/** The repository root: the nearest folder with nx.json above this file, wherever the compiled copy runs from. */
function findRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'nx.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`no nx.json above ${from}`);
  }
}

export const ROOT = findRoot(path.dirname(fileURLToPath(import.meta.url)));
export const API_MAIN = path.join(ROOT, 'apps/api/dist/main.js');
export const WEB_INDEX = path.join(ROOT, 'apps/web/dist/index.html');
export const SCREENSHOTS = path.join(ROOT, 'docs/screenshots');
export const OUTPUT = path.join(ROOT, 'apps/web/e2e/output');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const PG_ADMIN_URL = process.env.E2E_PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const PG_BASE_URL = process.env.E2E_PG_BASE_URL ?? 'postgres://postgres@127.0.0.1:5432';
const READY_TIMEOUT_MS = 60_000;
export const UI_TIMEOUT_MS = 20_000;

/** The flags Debian's Chromium runs with in a container without a display or a sandbox. */
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Without Chromium a developer's `npm test` skips the browser tests and says why; on CI it is required. */
export function browserSkipReason(): string | false {
  if (existsSync(CHROMIUM) || process.env.CI) return false;
  console.warn(`SKIPPED browser tests: ${CHROMIUM} is missing (Debian: apt-get install -y chromium, or set CHROMIUM_PATH)`);
  return `${CHROMIUM} is missing`;
}

export interface EnvironmentOptions {
  /** Part of the database name, for whoever reads `\l` during a run. */
  name: string;
  /** false: start without an owner account (the setup page). */
  seedOwner?: boolean;
  /** false: leave the browser signed out. */
  signIn?: boolean;
  /** More settings of the server (e.g. SWITCHYARD_SMTP_URL). */
  extraEnv?: Record<string, string>;
}

export interface ScreenshotOptions {
  /** Where the file goes: docs/screenshots by default, e2e/output for pictures the docs do not use. */
  dir?: string;
  fullPage?: boolean;
  clip?: { x: number; y: number; width: number; height: number };
  /** Shoot this element only. */
  locator?: Locator;
}

/** A running server, its sink and a browser signed in as the owner (unless told otherwise). */
export interface Environment {
  /** The server's origin, e.g. http://127.0.0.1:41234. */
  base: string;
  /** The sink's origin, reachable by http steps (SWITCHYARD_EGRESS_ALLOW=127.0.0.1/32). */
  sinkBase: string;
  /** What the sink received, in order. */
  received: SinkRequest[];
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** Uncaught errors of `page`. */
  pageErrors: string[];
  api: ApiClient;
  /** Calls the API with the owner's key (or `{ apiKey }`, null = anonymous). */
  request: ApiClient['request'];
  waitForRun: ApiClient['waitForRun'];
  /** Signs a browser context in through the login API and hands it the session cookies. */
  signInContext(context: BrowserContext, email?: string, password?: string): Promise<void>;
  screenshot(file: string, options?: ScreenshotOptions): Promise<void>;
  /** The last lines the server wrote, for failure messages. */
  logTail(): string;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function withAdminClient<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: PG_ADMIN_URL });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** The built server as a child process, as a user starts it. */
class ServerProcess {
  private log = '';
  private exit: { code: number | null; signal: NodeJS.Signals | null } | null = null;
  private readonly child: ChildProcess;

  constructor(env: NodeJS.ProcessEnv) {
    this.child = spawn(process.execPath, [API_MAIN], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const append = (chunk: Buffer) => {
      this.log = (this.log + chunk.toString()).slice(-200_000);
    };
    this.child.stdout?.on('data', append);
    this.child.stderr?.on('data', append);
    this.child.on('exit', (code, signal) => {
      this.exit = { code, signal };
    });
  }

  logTail(): string {
    return this.log.slice(-8000);
  }

  async waitUntilReady(base: string): Promise<void> {
    const deadline = Date.now() + READY_TIMEOUT_MS;
    let last = 'no answer yet';
    for (;;) {
      if (this.exit) throw new Error(`The API exited during startup (${JSON.stringify(this.exit)}). Output:\n${this.logTail()}`);
      if (Date.now() > deadline)
        throw new Error(`The API was not ready after ${READY_TIMEOUT_MS} ms (last: ${last}). Output:\n${this.logTail()}`);
      try {
        const response = await fetch(`${base}/api/health/ready`);
        if (response.status === 200) return;
        last = `${response.status} ${await response.text()}`;
      } catch (error) {
        const failure = error as Error & { cause?: { code?: string } };
        last = failure.cause?.code ?? failure.message;
      }
      await sleep(250);
    }
  }

  async stop(): Promise<void> {
    if (this.exit) return;
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  }
}

/** Starts everything; `stop()` undoes it, and a failed start undoes what it had done. */
export async function startEnvironment({ name, seedOwner = true, signIn = true, extraEnv = {} }: EnvironmentOptions): Promise<Environment> {
  assert.ok(existsSync(API_MAIN), `${API_MAIN} is missing: run \`npx nx run api:build\` first`);
  assert.ok(existsSync(WEB_INDEX), `${WEB_INDEX} is missing: run \`npx nx run web:build\` first`);
  assert.ok(existsSync(CHROMIUM), `${CHROMIUM} is missing: apt-get install -y chromium`);

  const dbName = `switchyard_${name}_${Date.now()}_${process.pid}`;
  const cleanups: Array<() => Promise<void>> = [];
  const stop = async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  };

  try {
    await withAdminClient((client) => client.query(`CREATE DATABASE "${dbName}"`));
    cleanups.push(() =>
      withAdminClient((client) => client.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`))
        .then(() => undefined)
        .catch((error: Error) => console.error(`could not drop ${dbName}: ${error.message}`)),
    );
    const dataDir = await mkdtemp(path.join(tmpdir(), `switchyard-${name}-`));
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;

    const sink: Sink = await startSink();
    cleanups.push(() => sink.close());

    const childEnv: NodeJS.ProcessEnv = {
      ...process.env,
      PORT: String(port),
      DATABASE_URL: `${PG_BASE_URL}/${dbName}`,
      SWITCHYARD_EGRESS_ALLOW: '127.0.0.1/32',
      SWITCHYARD_DATA_DIR: dataDir,
      SWITCHYARD_PUBLIC_URL: base,
      // Every answer the UI receives is parsed with its contract schema; drift fails the test.
      SWITCHYARD_CONTRACT_CHECK: 'strict',
      ...(seedOwner
        ? { SWITCHYARD_OWNER_EMAIL: OWNER.email, SWITCHYARD_OWNER_PASSWORD: OWNER.password, SWITCHYARD_OWNER_API_KEY: OWNER.apiKey }
        : {}),
      ...extraEnv,
    };
    if (!seedOwner)
      for (const key of ['SWITCHYARD_OWNER_EMAIL', 'SWITCHYARD_OWNER_PASSWORD', 'SWITCHYARD_OWNER_API_KEY']) delete childEnv[key];
    delete childEnv.REDIS_URL;
    const server = new ServerProcess(childEnv);
    cleanups.push(() => server.stop());
    await server.waitUntilReady(base);
    const api = new ApiClient(base, () => server.logTail());

    const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
    cleanups.push(() => browser.close().catch(() => undefined));
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1, locale: 'en-US' });
    context.setDefaultTimeout(UI_TIMEOUT_MS);
    const signInContext = async (target: BrowserContext, email = OWNER.email, password = OWNER.password) => {
      await target.addCookies(await api.signIn(email, password));
    };
    if (seedOwner && signIn) await signInContext(context);
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));

    return {
      base,
      sinkBase: sink.url,
      received: sink.received,
      browser,
      context,
      page,
      pageErrors,
      api,
      request: (method, urlPath, body, options) => api.request(method, urlPath, body, options),
      waitForRun: (runId) => api.waitForRun(runId),
      signInContext,
      async screenshot(file, { dir = SCREENSHOTS, fullPage = true, clip, locator } = {}) {
        await mkdir(dir, { recursive: true });
        await page.waitForTimeout(200);
        const target = path.join(dir, file);
        if (locator) await locator.screenshot({ path: target, animations: 'disabled' });
        else await page.screenshot({ path: target, fullPage, clip, animations: 'disabled' });
      },
      logTail: () => server.logTail(),
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/**
 * Wraps test bodies so that a failing one leaves a screenshot of the page in e2e/output, for whoever
 * reads the CI log: `const withFailureShot = failureShots(() => env)`, then
 * `test('...', withFailureShot('name', async () => { ... }))`.
 */
export function failureShots(getEnv: () => Environment | undefined, prefix = '') {
  return (name: string, fn: () => Promise<void>) => async () => {
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
