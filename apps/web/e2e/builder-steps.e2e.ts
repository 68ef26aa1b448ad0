// Browser test of the control-flow steps in the builder (issue 6): from the UI only, a user builds
// paths with a loop inside one of them, a wait and an end on another, saves, switches the workflow
// on and reads the nested tree in the run detail; a respond step answers a sender that waits.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import type { StepDefinition, Workflow } from './support/contract.ts';
import { browserSkipReason, type Environment, startEnvironment, failureShots } from './support/environment.ts';

let env: Environment;

/** A saved branch step as this file reads it back (the contract types step fields loosely). */
interface BranchDefinition extends StepDefinition {
  paths: Array<{ name: string; condition: string; steps: StepDefinition[] }>;
  otherwise: { steps: StepDefinition[] };
}

/** Sends a request to a trigger URL; `body` is the parsed JSON answer (the text when it is not JSON). */
async function sendHook<T = { runId: string }>(token: string, payload: unknown): Promise<{ status: number; body: T; headers: Headers }> {
  const response = await fetch(`${env.base}/hooks/${token}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(payload),
  });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // Not JSON: keep the text.
  }
  return { status: response.status, body: body as T, headers: response.headers };
}

/** The CodeMirror editor of a field, found by its accessible name. */
function editor(scope: Locator, name: string) {
  return scope.getByRole('textbox', { name, exact: true });
}

async function typeInto(page: Page, locator: Locator, text: string) {
  await locator.click();
  await page.keyboard.insertText(text);
}

function card(page: Page, stepId: string) {
  return page.locator(`li.sy-step-card[data-step-id="${stepId}"]`);
}

async function addStep(page: Page, buttonName: string, typeLabel: RegExp) {
  await page.getByRole('button', { name: buttonName, exact: true }).click();
  await page.getByRole('menuitem', { name: typeLabel }).click();
}

/** Names the workflow on the "Create a workflow" page and starts blank; returns its id and trigger. */
async function createBlankWorkflow(page: Page, name: string) {
  await page.goto(`${env.base}/workflows/new`);
  await page.getByLabel('Name').fill(name);
  await page.getByRole('button', { name: 'Start blank' }).click();
  await page.waitForURL(/\/workflows\/[0-9a-f-]+\/edit$/);
  const id = page.url().split('/workflows/')[1].split('/')[0];
  const { body } = await env.request<Workflow>('GET', `/api/workflows/${id}`);
  await page.getByText('All changes saved').waitFor();
  return { id, trigger: body.trigger };
}

async function saveAndSwitchOn(page: Page) {
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await page.getByText('All changes saved').waitFor();
  await page.getByRole('switch', { name: 'Workflow is off: turn it on' }).click();
  await page.getByRole('switch', { name: 'Workflow is on: turn it off' }).waitFor();
}

const withFailureShot = failureShots(() => env);

describe('control-flow steps in the builder, in Chromium', { skip: browserSkipReason() }, () => {
  before(async () => {
    env = await startEnvironment({ name: 'builder_steps_e2e' });
  });

  after(async () => {
    await env?.stop();
  });

  test(
    'paths with a loop, a wait and an end, built from the UI, run as a nested tree',
    withFailureShot('paths', async () => {
      const { page } = env;
      const { id, trigger } = await createBlankWorkflow(page, 'Orders by kind');

      // A sample request, so that the previews show what each path and the loop would do.
      await page.getByRole('button', { name: 'Listen for a test request' }).click();
      await page.getByText('Waiting for a request to the trigger URL…').waitFor();
      const sample = await sendHook(trigger.token, {
        kind: 'order',
        items: [
          { sku: 'a', qty: 1 },
          { sku: 'b', qty: 2 },
        ],
      });
      assert.ok([202, 409].includes(sample.status), `the test request was accepted (${sample.status})`);
      await page.getByText('Waiting for a request to the trigger URL…').waitFor({ state: 'detached' });

      // Paths: two paths and otherwise.
      await addStep(page, 'Add the first step', /^Paths/);
      const branch = card(page, 'branch_1');
      await branch.getByRole('radio', { name: 'Only the first matching path' }).waitFor();
      const path1 = branch.locator('section[data-path-index="0"]');
      const path2 = branch.locator('section[data-path-index="1"]');
      await path1.getByRole('textbox', { name: 'Path name' }).fill('Orders');
      await typeInto(page, editor(path1, 'Run this path if'), "trigger.body.kind = 'order'");
      await path1.getByText('True on the sample').waitFor();
      await path2.getByRole('textbox', { name: 'Path name' }).fill('Later');
      await typeInto(page, editor(path2, 'Run this path if'), "trigger.body.kind = 'later'");
      await path2.getByText('False on the sample').waitFor();
      await path1.getByText('Runs on the sample').waitFor();
      await path2.getByText('Skipped on the sample').waitFor();
      await branch.getByRole('checkbox', { name: /Otherwise/ }).check();

      // In "Orders": for each item, an HTTP request to the sink.
      await addStep(page, 'Add the first step in Orders', /^For each item/);
      const loop = card(page, 'loop_1');
      await typeInto(page, editor(loop, 'For each item in'), 'trigger.body.items');
      await loop.getByTestId('loop-items-preview').getByText('2 items on the sample').waitFor();
      await addStep(page, 'Add the first step for each item', /^Send an HTTP request/);
      const http = card(page, 'http_1');
      // Saving with the nested URL still empty is refused, and the problem points at that field.
      await page.getByRole('button', { name: 'Save', exact: true }).click();
      await page.getByText(/Not saved: 1 problem needs fixing/).waitFor();
      await page.getByRole('button', { name: 'branch_1 › Path 1 (Orders) › loop_1 › For each item › Step 1 (http_1) · url' }).waitFor();
      await http.locator('.sy-field--invalid').first().waitFor();
      await typeInto(page, editor(http, 'URL'), `${env.sinkBase}/items/{{ $item.sku }}`);
      await http.getByText(`${env.sinkBase}/items/a`).first().waitFor();
      // The data panel offers the loop's item; clicking it inserts `$item` into the body.
      await editor(http, 'Body').click();
      await page.getByRole('button', { name: 'Insert $item', exact: true }).click();
      await page.waitForFunction(() =>
        [...document.querySelectorAll('li.sy-step-card[data-step-id="http_1"] .cm-content')].some((node) => node.textContent === '$item'),
      );
      await http.getByText('"sku": "a"').first().waitFor();
      // Test this step with the loop's first item: the request really reaches the sink.
      await http.getByRole('button', { name: 'Test this step' }).click();
      await http.getByLabel('Test result').getByText('Succeeded', { exact: true }).waitFor();
      assert.deepEqual(
        env.received.filter((entry) => entry.url === '/items/a').map((entry) => entry.body),
        [{ sku: 'a', qty: 1 }],
      );
      // Duplicate and delete a step inside the loop from its menu.
      await page.getByRole('button', { name: 'Actions for step http_1' }).click();
      await page.getByRole('menuitem', { name: 'Duplicate' }).click();
      await card(page, 'http_1_copy').waitFor();
      await page.getByRole('button', { name: 'Actions for step http_1_copy' }).click();
      await page.getByRole('menuitem', { name: 'Delete' }).click();
      await page.getByRole('dialog', { name: 'Delete step 2?' }).getByRole('button', { name: 'Delete step' }).click();
      await card(page, 'http_1_copy').waitFor({ state: 'detached' });

      // In "Later": wait 1 second, then end the run.
      await addStep(page, 'Add the first step in Later', /^Wait/);
      const wait = card(page, 'delay_1');
      await wait.getByLabel('How long').fill('1');
      await wait.getByRole('combobox', { name: 'Unit' }).selectOption('seconds');
      await wait.getByTestId('delay-preview').waitFor();
      await addStep(page, 'Add a step at the end in Later', /^End the run/);
      const stop = card(page, 'stop_1');
      await typeInto(page, editor(stop, 'Message'), 'Handled later: {{ trigger.body.kind }}');
      // Reorder within the path from the menu, and back.
      const laterOrder = () =>
        path2.locator('li.sy-step-card').evaluateAll((cards) => cards.map((node) => node.getAttribute('data-step-id')));
      await page.getByRole('button', { name: 'Actions for step stop_1' }).click();
      await page.getByRole('menuitem', { name: 'Move up' }).click();
      assert.deepEqual(await laterOrder(), ['stop_1', 'delay_1']);
      await page.getByRole('button', { name: 'Actions for step stop_1' }).click();
      await page.getByRole('menuitem', { name: 'Move down' }).click();
      assert.deepEqual(await laterOrder(), ['delay_1', 'stop_1']);

      // Otherwise: end the run as failed.
      await addStep(page, 'Add the first step in Otherwise', /^End the run/);
      const unknown = card(page, 'stop_2');
      await unknown.getByRole('radio', { name: /^Failed/ }).check();
      await typeInto(page, editor(unknown, 'Message'), 'Unknown kind {{ trigger.body.kind }}');

      // Back on the loop card for the picture: the branch stays open around it.
      await loop
        .getByRole('button', { name: /For each item/ })
        .first()
        .click();
      await env.screenshot('builder-branch.png', { locator: branch });

      await saveAndSwitchOn(page);
      const { body: saved } = await env.request<Workflow>('GET', `/api/workflows/${id}`);
      const route = saved.steps[0] as BranchDefinition;
      assert.equal(route.type, 'branch');
      assert.deepEqual(
        route.paths.map((path) => [path.name, path.condition, path.steps.map((step) => step.type)]),
        [
          ['Orders', "trigger.body.kind = 'order'", ['loop']],
          ['Later', "trigger.body.kind = 'later'", ['delay', 'stop']],
        ],
      );
      assert.deepEqual(
        (route.paths[0].steps[0].steps as StepDefinition[]).map((step) => [step.type, step.url, step.body]),
        [['http', `${env.sinkBase}/items/{{ $item.sku }}`, '$item']],
      );
      assert.deepEqual(route.paths[1].steps[0], { id: 'delay_1', type: 'delay', mode: 'for', amount: 1, unit: 'seconds' });
      assert.deepEqual(
        route.otherwise.steps.map((step) => [step.type, step.status]),
        [['stop', 'failed']],
      );

      // An order with three items: one call to the sink per item.
      const before = env.received.length;
      const order = await sendHook(trigger.token, { kind: 'order', items: [{ sku: 'x1' }, { sku: 'x2' }, { sku: 'x3' }] });
      assert.equal(order.status, 202);
      const orderRun = await env.waitForRun(order.body.runId);
      assert.equal(orderRun.status, 'succeeded');
      assert.deepEqual(
        env.received.slice(before).map((entry) => [entry.url, entry.body]),
        [
          ['/items/x1', { sku: 'x1' }],
          ['/items/x2', { sku: 'x2' }],
          ['/items/x3', { sku: 'x3' }],
        ],
      );

      // "Later": the run waits about a second, then ends with the stop's message.
      const later = await sendHook(trigger.token, { kind: 'later' });
      const laterRun = await env.waitForRun(later.body.runId);
      assert.equal(laterRun.status, 'succeeded');
      const laterRoute = laterRun.steps[0];
      const laterPaths = laterRoute.paths!;
      assert.deepEqual(
        laterPaths.map((path) => path.taken),
        [false, true, false],
      );
      assert.deepEqual(
        laterPaths[1].steps.map((step) => [step.id, step.status]),
        [
          ['delay_1', 'succeeded'],
          ['stop_1', 'succeeded'],
        ],
      );
      assert.equal((laterPaths[1].steps[1].output as { message: string }).message, 'Handled later: later');
      assert.ok(Date.parse(laterRun.finishedAt!) - Date.parse(laterRun.startedAt!) >= 900, 'the delay waited about a second');

      // Anything else ends the run as failed with the message.
      const other = await sendHook(trigger.token, { kind: 'refund' });
      const otherRun = await env.waitForRun(other.body.runId);
      assert.equal(otherRun.status, 'failed');
      assert.equal((otherRun.steps[0].paths![2].steps[0].error as { message: string }).message, 'Unknown kind refund');

      // The run detail shows the tree: the path taken, the items, the step of each item.
      await page.goto(`${env.base}/runs/${order.body.runId}`);
      const steps = page.locator('#steps');
      await steps.getByText('Path taken: Orders').waitFor();
      await steps.getByText('3 items · showing 3').waitFor();
      const notTaken = steps.locator('details.sy-step__branch:not([open])');
      assert.equal(await notTaken.count(), 2, 'the paths not taken are folded');
      const item1 = steps.locator('details.sy-step__item').nth(1);
      await item1.locator(':scope > summary').getByText('Item 1').waitFor();
      await item1.locator(':scope > summary').click();
      const post = item1.locator('li.sy-step[data-step-key="branch_1.0.loop_1[1].http_1"]');
      await post.getByText('Succeeded').first().waitFor();
      await post.getByText('Attempts').waitFor();
      await env.screenshot('run-detail-nested.png', { locator: steps });

      // A failed nested step: the summary links to it, and it is shown open in its path.
      await page.goto(`${env.base}/runs/${other.body.runId}`);
      await page.getByRole('link', { name: 'branch_1.otherwise.stop_2' }).click();
      const failedStep = page.locator('#step-branch_1-otherwise-stop_2');
      await failedStep.getByText('Unknown kind refund').first().waitFor();
      assert.ok(await failedStep.isVisible(), 'the failed nested step is visible');
      assert.deepEqual(env.pageErrors, [], `the page threw: ${env.pageErrors.join('\n')}`);
    }),
  );

  test(
    'a respond step answers the sender when the trigger waits for the result',
    withFailureShot('respond', async () => {
      const { page } = env;
      const { id, trigger } = await createBlankWorkflow(page, 'Form answer');
      await addStep(page, 'Add the first step', /^Answer the sender/);
      const respond = card(page, 'respond_1');
      // The trigger answers at once by default: the form says so and offers to switch it.
      await respond.getByText(/so this answer is not sent/).waitFor();
      await respond.getByRole('button', { name: 'Make the trigger wait for the result' }).click();
      await respond.getByText(/so this answer is not sent/).waitFor({ state: 'detached' });
      await respond.getByRole('spinbutton', { name: 'Status code' }).fill('201');
      await typeInto(page, editor(respond, 'Body'), '{ "received": trigger.body.id, "ok": true }');
      await saveAndSwitchOn(page);
      const { body: saved } = await env.request<Workflow>('GET', `/api/workflows/${id}`);
      assert.equal(saved.trigger.type, 'webhook');
      assert.equal((saved.trigger as { response?: { mode: string } }).response?.mode, 'wait');
      assert.deepEqual(saved.steps, [
        { id: 'respond_1', type: 'respond', status: 201, headers: {}, body: '{ "received": trigger.body.id, "ok": true }' },
      ]);

      const answer = await sendHook<unknown>(trigger.token, { id: 'F-7' });
      assert.equal(answer.status, 201);
      assert.deepEqual(answer.body, { received: 'F-7', ok: true });
      assert.match(answer.headers.get('content-type') ?? '', /application\/json/);
    }),
  );
});
