// Browser test of issue 19 ("trust what you see"): a run resolved by its replay shows it, with links
// both ways; a second replay asks first, naming what is sent again, and keeps the idempotency keys;
// history is searched by a plain value and by a copied path; refused requests show on the Runs page;
// a step that failed once lists each attempt; the service's words are in the error headline, labelled
// as a remote error; the field picker builds an exact search; a bearer token pasted with "Bearer" is
// cleaned with a notice.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Run, Workflow } from './support/contract.ts';
import { eventually } from './support/eventually.ts';
import { browserSkipReason, type Environment, failureShots, OUTPUT, startEnvironment } from './support/environment.ts';

let env: Environment;
const state = {} as { orders: Workflow; flaky: Workflow; signed: Workflow; failed: string; fixed: string; flakyRun: string };

const withFailureShot = failureShots(() => env, 'trust-');

const orders = (notifyPath: string) => ({
  name: 'Stripe to orders',
  trigger: { type: 'webhook' },
  steps: [
    { id: 'record', name: 'Record the order', type: 'http', method: 'POST', url: `${env.sinkBase}/orders`, body: 'trigger.body' },
    {
      id: 'notify',
      name: 'Notify the team',
      type: 'http',
      method: 'POST',
      url: `${env.sinkBase}${notifyPath}`,
      body: '{ "order": trigger.body.id }',
      retry: { maxAttempts: 1 },
    },
  ],
});

async function create(definition: Record<string, unknown>): Promise<Workflow> {
  const { status, body } = await env.request<Workflow>('POST', '/api/workflows', definition);
  assert.equal(status, 201, JSON.stringify(body));
  return body;
}

async function hook(workflow: Workflow, payload: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${env.base}/hooks/${workflow.trigger.token}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(payload),
  });
}

const keysOf = (path: string) => env.received.filter((r) => r.url === path).map((r) => r.headers['idempotency-key']);

describe('replays, search, refused requests and attempts in Chromium', { skip: browserSkipReason() }, () => {
  before(async () => {
    env = await startEnvironment({ name: 'trust_e2e' });
  });

  after(async () => {
    await env?.stop();
  });

  test('a failed order, fixed by a replay; a flaky call; a refused signature', async () => {
    state.orders = await create(orders('/fail/notify'));
    const first = await hook(state.orders, { id: 'ord_1', receipt_email: 'ann@example.com' });
    state.failed = ((await first.json()) as { runId: string }).runId;
    assert.equal((await env.waitForRun(state.failed)).status, 'failed');
    await env.request('PUT', `/api/workflows/${state.orders.id}`, orders('/notify'));
    const replay = await env.request<{ runId: string }>('POST', `/api/runs/${state.failed}/replay`, { from: 'failed-step' });
    state.fixed = replay.body.runId;
    assert.equal((await env.waitForRun(state.fixed)).status, 'succeeded');
    await eventually(async () => (await env.request<Run>('GET', `/api/runs/${state.failed}`)).body.resolvedBy, state.fixed);

    state.flaky = await create({
      name: 'Flaky service',
      trigger: { type: 'webhook' },
      steps: [
        {
          id: 'call',
          type: 'http',
          method: 'POST',
          url: `${env.sinkBase}/flaky-once/a`,
          body: 'trigger.body',
          retry: { maxAttempts: 3, initialDelayMs: 100, maxDelayMs: 200 },
        },
      ],
    });
    state.flakyRun = ((await (await hook(state.flaky, { n: 1 })).json()) as { runId: string }).runId;
    assert.equal((await env.waitForRun(state.flakyRun)).status, 'succeeded');

    state.signed = await create({
      name: 'Signed sender',
      trigger: { type: 'webhook', verify: { scheme: 'github', secrets: ['s3cret-value-0123'] } },
      steps: [],
    });
    assert.equal((await hook(state.signed, { n: 1 }, { 'x-hub-signature-256': 'sha256=00' })).status, 401);
  });

  test(
    'the failed run shows it was resolved by its replay, with links both ways',
    withFailureShot('resolved', async () => {
      const { page } = env;
      await page.goto(`${env.base}/runs/${state.failed}`);
      const badge = page.getByRole('link', { name: `Resolved by replay ${state.fixed.slice(0, 8)}` }).first();
      await badge.waitFor();
      await page
        .getByRole('list', { name: 'Replays of this run' })
        .getByRole('link', { name: `${state.fixed.slice(0, 8)}…` })
        .waitFor();
      await badge.click();
      await page.waitForURL(`**/runs/${state.fixed}`);
      await page.getByRole('link', { name: `${state.failed.slice(0, 8)}…` }).click();
      await page.waitForURL(`**/runs/${state.failed}`);
      await env.screenshot('run-resolved.png');
    }),
  );

  test(
    'replaying it again asks first, names the steps sent again, and keeps their keys',
    withFailureShot('confirm', async () => {
      const { page } = env;
      const before = keysOf('/orders').length;
      await page.getByRole('button', { name: 'Replay' }).click();
      await page.getByRole('menuitem', { name: /From the start, original version/ }).click();
      const dialog = page.getByRole('dialog', { name: 'This run was already resolved by a replay' });
      await dialog.waitFor();
      const steps = dialog.getByRole('list', { name: 'Steps sent again' });
      await steps.getByText('Record the order').waitFor();
      await steps.getByText('Notify the team').waitFor();
      await dialog.getByText('They carry the same Idempotency-Key as before').waitFor();
      assert.equal(keysOf('/orders').length, before, 'nothing is sent before confirming');
      await env.screenshot('replay-confirm.png');
      await dialog.getByRole('button', { name: 'Replay again' }).click();
      await page.waitForURL((url) => url.pathname.startsWith('/runs/') && !url.pathname.endsWith(state.failed));
      await eventually(async () => keysOf('/orders').length, before + 1);
      assert.deepEqual([...new Set(keysOf('/orders'))], [`${state.failed}:record`], 'every delivery of the order carries one key');
    }),
  );

  test(
    'history is found by a plain value and by a copied path',
    withFailureShot('search', async () => {
      const { page } = env;
      await page.goto(`${env.base}/runs`);
      const box = page.getByRole('searchbox', { name: /any value in their request/ });
      const table = page.getByRole('table', { name: 'Runs of every workflow' });
      await box.fill('ann@example.com');
      await page.getByRole('button', { name: 'Search', exact: true }).click();
      await page.waitForURL(/q=ann/);
      await table.getByRole('link', { name: new RegExp(`^Run ${state.failed}`) }).waitFor();
      await table.getByRole('link', { name: new RegExp(`^Run ${state.flakyRun}`) }).waitFor({ state: 'detached' });
      await box.fill('trigger.body.receipt_email = "ann@example.com"');
      await page.getByRole('button', { name: 'Search', exact: true }).click();
      await page.waitForURL(/receipt_email/);
      await table.getByRole('link', { name: new RegExp(`^Run ${state.failed}`) }).waitFor();
      await env.screenshot('search-plain-value.png');
    }),
  );

  test(
    'refused requests are on the Runs page, and counted on the workflow page',
    withFailureShot('requests', async () => {
      const { page } = env;
      await page.goto(`${env.base}/workflows/${state.signed.id}`);
      const note = page.getByLabel('Refused requests in the last 24 hours');
      await note.getByText('refused in the last 24 h').waitFor();
      await note.getByRole('link', { name: 'See why' }).click();
      await page.waitForURL(/view=requests/);
      const table = page.getByRole('table', { name: 'Requests of every workflow' });
      await table.getByText('Bad signature').first().waitFor();
      await table.getByText('401').first().waitFor();
      await table.getByRole('link', { name: 'Signed sender' }).first().waitFor();
      await env.screenshot('requests-refused.png');
    }),
  );

  test(
    'the field picker of a workflow builds an exact search from its sample',
    withFailureShot('field-picker', async () => {
      const { page } = env;
      await page.goto(`${env.base}/workflows/${state.orders.id}`);
      const box = page.getByRole('searchbox', { name: /any value in their request/ });
      await page.getByLabel('Search by a field of the sample').selectOption({ label: 'receipt_email' });
      assert.equal(await box.inputValue(), 'body.receipt_email = "ann@example.com"');
      await page.getByRole('button', { name: 'Search', exact: true }).click();
      await page.waitForURL(/receipt_email/);
      const table = page.getByRole('table', { name: 'Runs of this workflow' });
      await table.getByRole('link', { name: new RegExp(`^Run ${state.failed}`) }).waitFor();
    }),
  );

  test(
    'the service’s own words head the error, labelled as a remote error',
    withFailureShot('remote-error', async () => {
      const { page } = env;
      await page.goto(`${env.base}/runs/${state.failed}`);
      const headline = page.locator('#run-error-title + .sy-explain');
      await headline.getByText('Remote error', { exact: true }).waitFor();
      await headline.getByText('The service answered HTTP 500').waitFor();
      await headline
        .getByText(/sink is down/)
        .first()
        .waitFor();
      await env.screenshot('run-remote-error.png', { dir: OUTPUT, locator: headline });
    }),
  );

  test(
    'a bearer token pasted with its scheme word is cleaned, with a notice, and its shape is shown',
    withFailureShot('bearer', async () => {
      const { page } = env;
      await page.goto(`${env.base}/credentials`);
      await page.getByRole('button', { name: 'Add credential' }).first().click();
      const dialog = page.getByRole('dialog', { name: 'Add a credential' });
      await dialog.getByLabel('Type').selectOption({ label: 'Bearer token' });
      await dialog.getByLabel('Name', { exact: true }).fill('Order service');
      await dialog.getByLabel('Token', { exact: true }).fill('Bearer ord_live_0123456789f3a');
      await dialog.getByRole('button', { name: 'Add credential' }).click();
      const notice = page.getByRole('dialog', { name: 'Saved, with a correction' });
      await notice
        .getByRole('list', { name: 'What Switchyard corrected' })
        .getByText(/started with "Bearer": it was removed/)
        .waitFor();
      await env.screenshot('credentials-bearer-notice.png', { dir: OUTPUT, locator: page.locator('.sy-dialog__panel') });
      await notice.getByRole('button', { name: 'Done' }).click();
      await page
        .getByRole('row', { name: /Order service/ })
        .getByText(/Token ord.*…9f3a/)
        .waitFor();
    }),
  );

  test(
    'a step that failed once and then succeeded lists each attempt',
    withFailureShot('attempts', async () => {
      const { page } = env;
      await page.goto(`${env.base}/runs/${state.flakyRun}`);
      const attempts = page.getByRole('list', { name: 'Attempts of call' });
      await attempts.getByText('HTTP 503', { exact: true }).waitFor();
      await attempts.getByText('HTTP 200', { exact: true }).waitFor();
      await attempts.getByText(/retried \(a retryable error\)/).waitFor();
      assert.equal(await attempts.getByRole('listitem').count(), 2);
    }),
  );
});
