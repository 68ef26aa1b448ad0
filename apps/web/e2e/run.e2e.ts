// Browser end-to-end test of the workflows, runs and run pages: the built API on a fresh PostgreSQL
// database, a local HTTP sink, and the built web app in headless Chromium (set-up in support/environment.ts).
// Run: `npm run test-e2e` in apps/web (compiles e2e/ to e2e/dist, then runs every *.e2e.js).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import type { PageResponse, Run, Workflow } from './support/contract.ts';
import { browserSkipReason, type Environment, OUTPUT, type ScreenshotOptions, startEnvironment } from './support/environment.ts';
import type { SinkRequest } from './support/sink.ts';

interface State {
  env: Environment;
  base: string;
  sinkBase: string;
  received: SinkRequest[];
  page: Page;
  pageErrors: string[];
  /** Created by the second test, read by the later ones. */
  workflows: Record<'relay' | 'failing' | 'paused', Workflow>;
  runs: Record<'filtered' | 'ok' | 'failed', string>;
}

let state: State;

function api<T>(method: string, urlPath: string, body?: unknown) {
  return state.env.request<T>(method, urlPath, body);
}

function waitForRun(runId: string) {
  return state.env.waitForRun(runId);
}

function screenshot(name: string, options?: ScreenshotOptions) {
  return state.env.screenshot(name, options);
}

function pipeline(name: string, sinkPath: string, extra: Record<string, unknown> = {}) {
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

async function createWorkflow(definition: Record<string, unknown>): Promise<Workflow> {
  const { status, body } = await api<Workflow>('POST', '/api/workflows', definition);
  assert.equal(status, 201, `POST /api/workflows answered ${status}: ${JSON.stringify(body)}`);
  assert.ok(body.id, 'the created workflow has an id');
  assert.ok(body.trigger?.token, 'the created workflow has a trigger token');
  assert.ok(body.trigger?.url?.includes(body.trigger.token), `trigger.url ${body.trigger?.url} contains the token`);
  return body;
}

async function sendWebhook(workflow: Workflow, payload: unknown): Promise<string> {
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

describe('Switchyard web app in Chromium', { skip: browserSkipReason() }, () => {
  before(async () => {
    const env = await startEnvironment({ name: 'web_e2e' });
    state = {
      env,
      base: env.base,
      sinkBase: env.sinkBase,
      received: env.received,
      page: env.page,
      pageErrors: env.pageErrors,
      workflows: {} as State['workflows'],
      runs: {} as State['runs'],
    };
  });

  after(async () => {
    await state?.env.stop();
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
      [
        ['shape', 'succeeded'],
        ['big', 'succeeded'],
        ['send', 'succeeded'],
      ],
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
    // Each row reads its last run and 24-hour count on its own; wait for them before the picture.
    await row.getByRole('link', { name: 'Last run of Signup relay: succeeded' }).waitFor();
    await page.getByRole('link', { name: /Last run of Order sync \(broken endpoint\): failed/ }).waitFor();
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
    const shape = page.locator('#step-shape');
    await shape.getByRole('button', { name: 'Show output as raw JSON' }).click();
    assert.deepEqual(JSON.parse(await shape.locator('pre[aria-label="Output"]').innerText()), { who: 'ada', n: 4 });
    const send = page.locator('#step-send');
    await send.getByRole('button', { name: 'Show output as raw JSON' }).click();
    await send.getByText('"ok": true').first().waitFor();
    const trigger = page.locator('#trigger-request');
    await trigger.getByRole('button', { name: 'Show body as raw JSON' }).click();
    assert.deepEqual(JSON.parse(await trigger.locator('pre[aria-label="Body"]').innerText()), { user: 'ada', n: 2 });
    await trigger.getByText('x-e2e').waitFor();
    await screenshot('run-succeeded.png', { dir: OUTPUT });
  });

  test('Replay starts a new run from the same request', async () => {
    const { page } = state;
    const before = state.received.filter((entry) => entry.url === '/in').length;
    await page.getByRole('button', { name: 'Replay' }).click();
    await page
      .getByRole('menuitem', { name: /From the failed step/ })
      .first()
      .waitFor();
    assert.equal(
      await page.getByRole('menuitem', { name: /From the failed step, current version/ }).isDisabled(),
      true,
      'only a failed run replays from its failed step',
    );
    await page.getByRole('menuitem', { name: /From the start, current version/ }).click();
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
    const send = page
      .locator('#steps')
      .getByRole('listitem')
      .filter({ has: page.getByRole('heading', { name: 'send' }) });
    await send.getByText('Failed', { exact: true }).waitFor();
    await page.getByRole('heading', { name: 'Step send failed' }).waitFor();
    await send.getByText('The service answered HTTP 500').waitFor();
    await send.getByRole('button', { name: 'Show error details as raw JSON' }).click();
    const error = await send.locator('pre[aria-label="Error details"]').innerText();
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
    const { body: all } = await api<PageResponse<Run>>('GET', `/api/workflows/${state.workflows.relay.id}/runs?limit=100`);
    await page.goto(`${state.base}/workflows/${state.workflows.relay.id}`);
    const rows = page.getByRole('table', { name: 'Runs of this workflow' }).locator('tbody tr');
    await rows.nth(19).waitFor();
    assert.equal(await rows.count(), 20);
    await page.getByRole('button', { name: 'Load more' }).click();
    await rows.nth(all.items.length - 1).waitFor();
    assert.equal(await rows.count(), all.items.length);
    await page.getByText(`${all.items.length} runs · end of history`).waitFor();
    const ids = await rows.locator('a').evaluateAll((links) => links.map((link) => link.getAttribute('title')));
    assert.deepEqual(
      ids,
      all.items.map((run) => run.id),
      'the UI lists the same runs as the API, newest first',
    );
  });

  test('the app raised no uncaught errors', () => {
    assert.deepEqual(state.pageErrors, []);
  });
});
