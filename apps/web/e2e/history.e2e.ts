// Browser test of run history, replay and the request log (issue 5): a failed run is found by its
// status, understood, fixed in the builder and replayed from the failed step without repeating the
// steps that had succeeded; a malformed request shows in the Inbox with its reason and can be run.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import type { ErrorBody, InboundRequestSummary, ListResponse, Run, Workflow } from './support/contract.ts';
import { eventually } from './support/eventually.ts';
import { browserSkipReason, type Environment, OUTPUT, startEnvironment, failureShots } from './support/environment.ts';

let env: Environment;
/** Filled by the earlier tests, read by the later ones (they run in order). */
const state = { failed: [] as string[], ok: [] as string[] } as {
  orders: Workflow;
  signups: Workflow;
  failed: string[];
  ok: string[];
  replay: string;
  malformed: InboundRequestSummary;
};

const hits = (path: string) => env.received.filter((entry) => entry.url === path).length;

async function createWorkflow(definition: Record<string, unknown>): Promise<Workflow> {
  const { status, body } = await env.request<Workflow>('POST', '/api/workflows', definition);
  assert.equal(status, 201, `POST /api/workflows answered ${status}: ${JSON.stringify(body)}`);
  return body;
}

async function sendHook(workflow: Workflow, payload: unknown, expectStatus = 202): Promise<{ runId: string }> {
  const response = await fetch(`${env.base}/hooks/${workflow.trigger.token}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-shop': 'acme' },
    body: typeof payload === 'string' ? payload : JSON.stringify(payload),
  });
  const body = await response.json().catch(() => null);
  assert.equal(response.status, expectStatus, `POST /hooks answered ${response.status}: ${JSON.stringify(body)}`);
  return body;
}

async function replaceEditorText(page: Page, locator: Locator, text: string) {
  await locator.click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.press('Backspace');
  await page.keyboard.insertText(text);
}

const withFailureShot = failureShots(() => env, 'history-');

describe('run history, replay and the request log in Chromium', { skip: browserSkipReason() }, () => {
  before(async () => {
    env = await startEnvironment({ name: 'history_e2e' });
    await env.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.base });
  });

  after(async () => {
    await env?.stop();
  });

  test('runs of two workflows, some failed at their last step', async () => {
    state.orders = await createWorkflow({
      name: 'Order sync',
      trigger: { type: 'webhook' },
      steps: [
        { id: 'shape', type: 'map', expression: '{ "order": trigger.body.order, "email": trigger.body.customer.email }' },
        { id: 'record', name: 'Record the order', type: 'http', method: 'POST', url: `${env.sinkBase}/first`, body: 'steps.shape' },
        { id: 'notify', name: 'Notify the warehouse', type: 'http', method: 'POST', url: `${env.sinkBase}/fail`, body: 'steps.shape' },
      ],
    });
    state.signups = await createWorkflow({
      name: 'Signup relay',
      trigger: { type: 'webhook' },
      steps: [
        { id: 'shape', type: 'map', expression: '{ "email": trigger.body.email }' },
        { id: 'send', type: 'http', method: 'POST', url: `${env.sinkBase}/in`, body: 'steps.shape' },
      ],
    });
    for (const email of ['lin@example.com', 'sam@example.com']) {
      state.ok.push((await sendHook(state.signups, { email })).runId);
    }
    for (const [order, email] of [
      [1042, 'ada@example.com'],
      [1043, 'grace@example.com'],
    ]) {
      state.failed.push((await sendHook(state.orders, { order, customer: { email } })).runId);
    }
    state.ok.push((await sendHook(state.signups, { email: 'kim@example.com' })).runId);
    for (const id of state.ok) assert.equal((await env.waitForRun(id)).status, 'succeeded');
    for (const id of state.failed) {
      const run = await env.waitForRun(id);
      assert.equal(run.status, 'failed', JSON.stringify(run));
      assert.deepEqual(
        run.steps.map((step) => step.status),
        ['succeeded', 'succeeded', 'failed'],
      );
    }
    assert.equal(hits('/first'), 2);
    assert.ok(hits('/fail') >= 2, 'each failed run called the failing endpoint (retries may add calls)');
  });

  test(
    'the Runs page lists every workflow and finds the failed runs by status and search',
    withFailureShot('list', async () => {
      const { page } = env;
      await page.goto(`${env.base}/`);
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Runs', exact: true }).click();
      await page.waitForURL('**/runs');
      await page.getByRole('heading', { level: 1, name: 'Runs' }).waitFor();
      const table = page.getByRole('table', { name: 'Runs of every workflow' });
      for (const id of [...state.ok, ...state.failed]) await table.getByRole('link', { name: new RegExp(`^Run ${id}`) }).waitFor();
      await table.getByRole('link', { name: 'Order sync' }).first().waitFor();
      await table.getByText('notify').filter({ visible: true }).first().waitFor();
      await table.getByRole('checkbox', { name: `Select failed run ${state.failed[0]}` }).check();
      await page.getByRole('button', { name: 'Replay 1 selected' }).waitFor();
      await env.screenshot('runs-list.png');
      await table.getByRole('checkbox', { name: `Select failed run ${state.failed[0]}` }).uncheck();

      await page.getByRole('combobox', { name: 'Filter runs by status' }).selectOption('failed');
      await page.waitForURL(/status=failed/);
      await table.getByRole('link', { name: `Run ${state.failed[0]}, Failed` }).waitFor();
      await table.getByRole('link', { name: new RegExp(`^Run ${state.ok[0]}`) }).waitFor({ state: 'detached' });
      // The list reloads after the filter: count once it has settled.
      await eventually(() => table.locator('tbody tr').count(), 2);

      await page.getByRole('combobox', { name: 'Time range' }).selectOption('1h');
      await page.waitForURL(/range=1h/);
      await table.getByRole('link', { name: `Run ${state.failed[1]}, Failed` }).waitFor();

      // Search by payload field: served by the API's `q` when it has it, explained when it refuses it.
      const q = 'body.customer.email = "ada@example.com"';
      const probe = await env.request<ErrorBody | null>('GET', `/api/runs?q=${encodeURIComponent(q)}`);
      await page.getByRole('searchbox', { name: 'Search runs by payload field' }).fill(q);
      await page.getByRole('button', { name: 'Search', exact: true }).click();
      if (probe.status === 200) {
        await table.getByRole('link', { name: `Run ${state.failed[1]}, Failed` }).waitFor({ state: 'detached' });
        await table.getByRole('link', { name: `Run ${state.failed[0]}, Failed` }).waitFor();
      } else {
        assert.equal(probe.status, 400, `GET /api/runs?q= answered ${probe.status}`);
        console.warn(`NOTE: the API refuses q (${JSON.stringify(probe.body?.error?.message)}); the UI shows the refusal`);
        await page.getByText('This search could not be run').waitFor();
      }
      await page.getByRole('button', { name: 'Clear', exact: true }).click();
      await table.getByRole('link', { name: `Run ${state.failed[0]}, Failed` }).waitFor();
    }),
  );

  test(
    'a failed run explains its error in plain words; its data can be browsed and copied',
    withFailureShot('detail', async () => {
      const { page } = env;
      await page.getByRole('link', { name: `Run ${state.failed[0]}, Failed` }).click();
      await page.waitForURL(`**/runs/${state.failed[0]}`);
      await page.getByRole('heading', { level: 1, name: 'Run of Order sync' }).waitFor();
      await page.getByRole('heading', { name: 'Step ‘Notify the warehouse’ failed' }).waitFor();
      await page.locator('#run-error-title + .sy-explain').getByText('The service answered HTTP 500').waitFor();
      const notify = page.locator('#step-notify');
      await notify.getByText('The service answered HTTP 500').waitFor();
      await notify.getByText(/service had a problem on its side/).waitFor();
      await page.locator('#trigger-request').getByText('"x-shop":').waitFor();

      // The JSON viewer: copy a path in JSONata form, collapse and expand a node.
      const shape = page.locator('#step-shape');
      await shape.getByRole('button', { name: 'Copy path steps.shape.email' }).click();
      await shape.getByText('Copied path steps.shape.email').waitFor();
      assert.equal(await page.evaluate(() => navigator.clipboard.readText()), 'steps.shape.email');
      await page.locator('#trigger-request').getByRole('button', { name: 'Copy value of trigger.body.customer.email' }).click();
      assert.equal(await page.evaluate(() => navigator.clipboard.readText()), 'ada@example.com');
      await shape.getByRole('button', { name: 'Collapse steps.shape' }).click();
      await shape.getByRole('button', { name: 'Copy path steps.shape.email' }).waitFor({ state: 'detached' });
      await shape.getByRole('button', { name: 'Expand steps.shape' }).click();
      await shape.getByRole('button', { name: 'Copy path steps.shape.email' }).waitFor();
      const rawLink = page.locator('#trigger-request').getByRole('link', { name: 'Download the raw body' });
      const { status: rawStatus } = await env.request('GET', (await rawLink.getAttribute('href'))!);
      assert.equal(rawStatus, 200);
      await page
        .getByText(/^Copied /)
        .first()
        .waitFor({ state: 'detached' });
      await page.mouse.move(0, 0);
      await page.evaluate(() => window.scrollTo(0, 0));
      await env.screenshot('run-detail.png');
    }),
  );

  test(
    'the workflow is fixed in the builder on the run’s request, and the run replayed from the failed step',
    withFailureShot('replay', async () => {
      const { page } = env;
      const { body: failedRun } = await env.request<Run>('GET', `/api/runs/${state.failed[0]}`);
      await page.getByRole('link', { name: 'Open in builder as sample' }).first().click();
      await page.waitForURL(`**/workflows/${state.orders.id}/edit?sample=${failedRun.trigger!.requestId}`);
      const picker = page.getByRole('combobox', { name: 'Sample request' });
      await picker.waitFor();
      assert.equal(await picker.inputValue(), failedRun.trigger!.requestId, 'the run’s request is the builder’s sample');
      await page.getByRole('button', { name: 'Insert trigger.body.order' }).waitFor();

      await page.getByRole('heading', { level: 3, name: 'Notify the warehouse' }).click();
      const notify = page.locator('li.sy-step-card').nth(2);
      await replaceEditorText(page, notify.getByRole('textbox', { name: 'URL', exact: true }), `${env.sinkBase}/ok`);
      await page.getByText('Unsaved changes').waitFor();
      await page.getByRole('button', { name: 'Save', exact: true }).click();
      await page.getByText('All changes saved').waitFor();
      // The workflow is live: the fix is saved to the draft, and published to become the current version.
      await page.getByRole('button', { name: 'Publish', exact: true }).click();
      await page
        .getByRole('dialog', { name: /^Publish version/ })
        .getByRole('button', { name: 'Publish', exact: true })
        .click();
      await page.getByText('Draft: unpublished changes.').waitFor({ state: 'detached' });

      await page.goto(`${env.base}/runs/${state.failed[0]}`);
      await page.getByRole('button', { name: 'Replay' }).click();
      await page.getByRole('menuitem', { name: /From the failed step, current version/ }).click();
      await page.waitForURL((url) => url.pathname.startsWith('/runs/') && !url.pathname.endsWith(state.failed[0]));
      state.replay = page.url().split('/runs/')[1];
      await page.locator('.sy-page-header').getByText('Succeeded', { exact: true }).waitFor();
      const replay = await env.waitForRun(state.replay);
      assert.equal(replay.replayOf, state.failed[0]);
      assert.deepEqual(
        replay.steps.map((step) => [step.id, step.status, step.attempts]),
        [
          ['shape', 'succeeded', 0],
          ['record', 'succeeded', 0],
          ['notify', 'succeeded', 1],
        ],
      );
      assert.equal(hits('/first'), 2, 'the step that had succeeded was not executed again');
      assert.equal(hits('/ok'), 1);
      assert.deepEqual(env.received.find((entry) => entry.url === '/ok')!.body, { order: 1042, email: 'ada@example.com' });
      await page.locator('#step-record').getByText('Reused', { exact: true }).waitFor();
      await page.locator('#step-notify').getByText('Succeeded', { exact: true }).waitFor();
      await env.screenshot('run-replayed.png', { dir: OUTPUT });
    }),
  );

  test(
    'failed runs matching a filter are replayed in bulk with progress',
    withFailureShot('bulk', async () => {
      const { page } = env;
      await page.goto(`${env.base}/workflows/${state.orders.id}?status=failed`);
      const table = page.getByRole('table', { name: 'Runs of this workflow' });
      await table.getByRole('link', { name: `Run ${state.failed[1]}, Failed` }).waitFor();
      await page.getByRole('button', { name: 'Replay all failed matching the filter' }).click();
      const dialog = page.getByRole('dialog', { name: 'Replay every failed run matching the filter' });
      assert.equal(await dialog.getByRole('combobox', { name: 'Start from' }).inputValue(), 'failed-step');
      // The first failed run was resolved by its replay above: left out unless asked for (issue 19).
      await dialog.getByText('except those a replay already resolved').waitFor();
      await dialog.getByRole('checkbox', { name: /Also replay runs already resolved by a replay/ }).check();
      await dialog.getByRole('button', { name: 'Start replay' }).click();
      const progress = page.getByRole('status', { name: 'Bulk replay progress' });
      await progress.getByText('Replayed 2 runs').waitFor({ timeout: 30_000 });
      await progress.getByText(/2 of 2 finished · 2 succeeded/).waitFor();
      assert.equal(hits('/first'), 2, 'bulk replay from the failed step repeats no succeeded step');
      assert.equal(hits('/ok'), 3);
    }),
  );

  test(
    'a malformed request shows in the Inbox with its reason and the 400 we answered, and can be run',
    withFailureShot('inbox', async () => {
      const { page } = env;
      await sendHook(state.orders, '{"order": 1044, "customer": ', 400);
      const { body: log } = await env.request<ListResponse<InboundRequestSummary>>(
        'GET',
        `/api/workflows/${state.orders.id}/requests?verdict=invalid_body`,
      );
      assert.equal(log.items.length, 1, JSON.stringify(log));
      state.malformed = log.items[0];
      assert.equal(state.malformed.statusCode, 400);

      await page.goto(`${env.base}/workflows/${state.orders.id}`);
      await page.getByRole('navigation', { name: 'Workflow views' }).getByRole('link', { name: 'Inbox' }).click();
      await page.waitForURL(`**/workflows/${state.orders.id}/requests`);
      const table = page.getByRole('table', { name: 'Requests received by this workflow' });
      const row = table.getByRole('row').filter({ has: page.getByRole('link', { name: `Request ${state.malformed.id}, Malformed body` }) });
      await row.getByText('Malformed body', { exact: true }).waitFor();
      await row.getByText('400', { exact: true }).waitFor();
      await row.getByText('No run').waitFor();
      if (state.malformed.reason) await row.getByText(state.malformed.reason).waitFor();
      assert.equal(await table.getByRole('link', { name: /^Request .*, Accepted$/ }).count(), 2);

      await row.getByRole('link', { name: `Request ${state.malformed.id}, Malformed body` }).click();
      const detail = page.locator('#inbox-request');
      await detail.getByText('answered').waitFor();
      await detail.getByRole('button', { name: `Run request ${state.malformed.id}` }).waitFor();
      await page.mouse.move(0, 0);
      await page.evaluate(() => window.scrollTo(0, 0));
      await env.screenshot('request-log.png');

      await detail.getByRole('button', { name: `Run request ${state.malformed.id}` }).click();
      await page.waitForURL((url) => url.pathname.startsWith('/runs/'));
      const runId = page.url().split('/runs/')[1];
      const run = await env.waitForRun(runId);
      assert.equal(run.trigger!.requestId, state.malformed.id, 'the new run uses the stored request');
      await page.getByRole('heading', { level: 1, name: 'Run of Order sync' }).waitFor();
      await page.locator('#trigger-request').getByText('"order": 1044, "customer": ', { exact: false }).first().waitFor();
    }),
  );

  test('the app raised no uncaught errors', () => {
    assert.deepEqual(env.pageErrors, []);
  });
});
