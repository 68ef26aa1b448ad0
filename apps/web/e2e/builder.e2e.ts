// Browser test of the workflow builder (issue 3): a new user builds, tests and publishes a workflow
// from a blank page without touching the HTTP API; the test process plays the webhook sender.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { EditorView } from '@codemirror/view';
import type { Dialog, Locator, Page } from 'playwright-core';
import type { ListResponse, StepDefinition, Workflow, WorkflowSummary } from './support/contract.ts';
import { browserSkipReason, type Environment, OUTPUT, sleep, startEnvironment, failureShots } from './support/environment.ts';

let env: Environment;
/** Filled by the first test, read by the later ones (they run in order). */
const state = {} as { workflowId: string; trigger: Workflow['trigger'] };

/** The trigger settings this file sets and reads back (the contract types them loosely). */
interface TriggerSettings {
  token: string;
  verify?: { scheme: string; secrets?: string[] };
  condition?: string;
  dedupe?: { key?: string };
}

async function sendHook(
  token: string,
  payload: unknown,
  expectStatus?: number,
): Promise<{ status: number; body: { runId: string } | null }> {
  const response = await fetch(`${env.base}/hooks/${token}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-github-event': 'push' },
    body: JSON.stringify(payload),
  });
  const body = await response.json().catch(() => null);
  if (expectStatus) assert.equal(response.status, expectStatus, `POST /hooks answered ${response.status}: ${JSON.stringify(body)}`);
  return { status: response.status, body };
}

/** The CodeMirror editor of a field, found by its accessible name. */
function editor(page: Page, name: string, scope: Page | Locator = page) {
  return scope.getByRole('textbox', { name, exact: true });
}

async function editorText(locator: Locator) {
  return locator.evaluate(
    (element: HTMLElement & { cmView?: { view?: EditorView } }) => element.cmView?.view?.state.doc.toString() ?? element.innerText,
  );
}

async function replaceEditorText(page: Page, locator: Locator, text: string) {
  await locator.click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.press('Backspace');
  await page.keyboard.insertText(text);
}

const withFailureShot = failureShots(() => env);

describe('the workflow builder in Chromium', { skip: browserSkipReason() }, () => {
  before(async () => {
    env = await startEnvironment({ name: 'builder_e2e' });
  });

  after(async () => {
    await env?.stop();
  });

  test(
    'a new user creates a workflow from a blank page, maps a captured request, tests and publishes it',
    withFailureShot('create', async () => {
      const { page } = env;
      await page.goto(`${env.base}/`);
      await page.getByRole('heading', { name: 'Create your first workflow' }).waitFor();
      await page.getByRole('link', { name: 'Create workflow' }).click();
      await page.getByRole('heading', { level: 1, name: 'Create a workflow' }).waitFor();
      await page.getByLabel('Name').fill('New signups to the CRM');
      await page.getByRole('button', { name: 'Start blank' }).click();
      await page.waitForURL(/\/workflows\/[0-9a-f-]+\/edit$/);
      state.workflowId = page.url().split('/workflows/')[1].split('/')[0];
      const { body: created } = await env.request<Workflow>('GET', `/api/workflows/${state.workflowId}`);
      state.trigger = created.trigger;
      assert.equal(created.active, false, 'a new workflow starts off');
      await page.getByRole('textbox', { name: 'Workflow name' }).waitFor();
      assert.equal(await page.getByRole('textbox', { name: 'Workflow name' }).inputValue(), 'New signups to the CRM');
      await page.getByText('All changes saved').waitFor();

      // Capture a test request sent by an HTTP client while the page listens.
      await page.getByRole('button', { name: 'Listen for a test request' }).click();
      await page.getByText('Waiting for a request to the trigger URL…').waitFor();
      const sent = await sendHook(state.trigger.token, { user: { email: 'ada@example.com', name: 'Ada' }, plan: 'pro', seats: 3 });
      assert.ok([202, 409].includes(sent.status), `the trigger URL accepted the test request (${sent.status})`);
      await page.getByText('Waiting for a request to the trigger URL…').waitFor({ state: 'detached' });
      await page.getByRole('button', { name: 'Insert trigger.body.plan' }).waitFor();

      // A map step, filled by clicking fields in the data picker.
      await page.getByRole('button', { name: 'Add the first step' }).click();
      await page.getByRole('menuitem', { name: /Transform data/ }).click();
      const output = editor(page, 'Output');
      await output.click();
      await page.keyboard.type('{ "email": ');
      await page.getByRole('button', { name: 'Insert trigger.body.user' }).waitFor();
      await page.getByRole('button', { name: 'Expand trigger.body.user' }).click();
      await page.getByRole('button', { name: 'Insert trigger.body.user.email' }).click();
      await page.keyboard.type(', "plan": ');
      await page.getByRole('button', { name: 'Insert trigger.body.plan' }).click();
      const expression = await editorText(output);
      assert.match(expression, /^\{ "email": trigger\.body\.user\.email, "plan": trigger\.body\.plan\s*\}?$/, expression);
      if (!expression.trimEnd().endsWith('}')) await page.keyboard.type(' }');

      const preview = page.locator('[id$="-expression-preview"]').getByLabel('Preview result');
      await preview.waitFor();
      await page.waitForFunction(() => document.querySelector('[id$="-expression-preview"] pre')?.textContent?.includes('ada@example.com'));
      assert.deepEqual(JSON.parse(await preview.innerText()), { email: 'ada@example.com', plan: 'pro' });
      const mapCard = page.locator('li.sy-step-card').first();
      await env.screenshot('builder-step-preview.png', { locator: mapCard });

      // An http step to the local sink, sending the mapped data.
      await page.getByRole('button', { name: 'Add a step at the end' }).click();
      await page.getByRole('menuitem', { name: /Send an HTTP request/ }).click();
      const httpCard = page.locator('li.sy-step-card').nth(1);
      await editor(page, 'URL', httpCard).click();
      await page.keyboard.insertText(`${env.sinkBase}/crm`);
      await editor(page, 'Body', httpCard).click();
      await page.keyboard.type('steps.map_1');
      await httpCard.getByText('"plan": "pro"').first().waitFor();

      // Test this step: the request is really made.
      await httpCard.getByRole('button', { name: 'Test this step' }).click();
      await httpCard.getByLabel('Test result').getByText('Succeeded', { exact: true }).waitFor();
      const tested = env.received.filter((entry) => entry.url === '/crm');
      assert.equal(tested.length, 1, `the sink got the test request: ${JSON.stringify(env.received)}`);
      assert.deepEqual(tested[0].body, { email: 'ada@example.com', plan: 'pro' });

      // Test workflow runs every step on the sample.
      await page.getByRole('button', { name: 'Test workflow' }).click();
      await page.locator('#workflow-test').getByText('Succeeded').first().waitFor();

      // Save, then turn it on.
      await page.getByText('Unsaved changes').waitFor();
      await page.getByRole('button', { name: 'Save', exact: true }).click();
      await page.getByText('All changes saved').waitFor();
      const { body: saved } = await env.request<Workflow>('GET', `/api/workflows/${state.workflowId}`);
      assert.deepEqual(
        saved.steps.map((step) => [step.id, step.type]),
        [
          ['map_1', 'map'],
          ['http_1', 'http'],
        ],
      );
      await page.getByRole('switch', { name: 'Workflow is off: turn it on' }).click();
      await page.getByRole('switch', { name: 'Workflow is on: turn it off' }).waitFor();
      await page.locator('.sy-trigger-card').getByText('Live', { exact: true }).waitFor();

      // A real request now starts a run that succeeds; the editor shows it live.
      const before = env.received.length;
      const real = await sendHook(state.trigger.token, { user: { email: 'grace@example.com', name: 'Grace' }, plan: 'team' }, 202);
      const runLink = page.getByRole('link', { name: `Run ${real.body!.runId}, succeeded` });
      await runLink.waitFor({ timeout: 30_000 });
      assert.deepEqual(
        env.received.slice(before).map((entry) => entry.body),
        [{ email: 'grace@example.com', plan: 'team' }],
      );
      await page.getByRole('heading', { level: 3, name: 'Transform data' }).first().click();
      await page.locator('[id$="-expression-preview"]').first().waitFor();
      await env.screenshot('builder-editor.png');
      await runLink.click();
      await page.waitForURL(`**/runs/${real.body!.runId}`);
      await page.locator('.sy-page-header').getByText('Succeeded', { exact: true }).waitFor();
    }),
  );

  test(
    'a broken expression shows its underline and message, and is not saved silently',
    withFailureShot('broken', async () => {
      const { page } = env;
      await page.goto(`${env.base}/workflows/${state.workflowId}/edit`);
      const output = editor(page, 'Output');
      await output.waitFor();
      await replaceEditorText(page, output, '{ "email": trigger.body.user.email, "plan": ] }');
      const underline = page.locator('.cm-lintRange-error');
      await underline.waitFor();
      assert.equal(await underline.innerText(), ']');
      const preview = page.locator('[id$="-expression-preview"]').first();
      await preview.getByText(/Syntax error · line 1, column 45/).waitFor();
      await preview.getByText(/"\]"/).waitFor();

      await page.getByRole('button', { name: 'Save', exact: true }).click();
      await page.getByText(/Not saved: 1 problem needs fixing/).waitFor();
      await page.getByText('Unsaved changes').waitFor();
      const { body: stored } = await env.request<Workflow>('GET', `/api/workflows/${state.workflowId}`);
      assert.equal(
        ((stored.steps[0] as StepDefinition).expression as string).includes(']'),
        false,
        'the broken expression never reached the API',
      );
      await env.screenshot('builder-syntax-error.png', { dir: OUTPUT, locator: page.locator('li.sy-step-card').first() });

      // Leaving asks first.
      await page.getByRole('link', { name: 'Workflows', exact: true }).first().click();
      await page.getByRole('dialog', { name: 'Leave without saving?' }).waitFor();
      await page.getByRole('button', { name: 'Stay' }).click();
      assert.match(page.url(), /\/edit$/);

      await replaceEditorText(page, output, '{ "email": trigger.body.user.email, "plan": $uppercase(trigger.body.plan) }');
      await underline.waitFor({ state: 'detached' });
      await page.getByRole('button', { name: 'Save', exact: true }).click();
      await page.getByText('All changes saved').waitFor();
      // The workflow is live: the save went to its draft; publishing makes it the running version.
      await page.getByText('Draft: unpublished changes.').waitFor();
      await page.getByRole('button', { name: 'Publish', exact: true }).click();
      await page
        .getByRole('dialog', { name: /^Publish version/ })
        .getByRole('button', { name: 'Publish', exact: true })
        .click();
      await page.getByText('Draft: unpublished changes.').waitFor({ state: 'detached' });
      const { body: fixed } = await env.request<Workflow>('GET', `/api/workflows/${state.workflowId}`);
      assert.match((fixed.steps[0] as StepDefinition).expression as string, /\$uppercase/);
    }),
  );

  test(
    'completion offers sample fields and JSONata functions',
    withFailureShot('completion', async () => {
      const { page } = env;
      const output = editor(page, 'Output');
      await replaceEditorText(page, output, '');
      await page.keyboard.type('trigger.body.us');
      await page.locator('.cm-tooltip-autocomplete').getByText('user', { exact: true }).waitFor();
      await page.keyboard.press('Escape');
      await page.keyboard.type(' & $upp');
      await page.locator('.cm-tooltip-autocomplete').getByText('$uppercase', { exact: true }).waitFor();
      await page.keyboard.press('Escape');
      await page.keyboard.press('ControlOrMeta+z');
    }),
  );

  test(
    'the GitHub push template, finished in the browser, posts a chat message for a signed push',
    withFailureShot('template', async () => {
      const { page } = env;
      await page.goto(`${env.base}/`);
      await page.getByRole('link', { name: 'Create workflow' }).click();
      await page.getByRole('button', { name: 'Use template: GitHub push to a chat message' }).waitFor();
      await env.screenshot('builder-templates.png');
      await page.getByRole('button', { name: 'Use template: GitHub push to a chat message' }).click();
      await page.waitForURL(/\/edit$/);
      const workflowId = page.url().split('/workflows/')[1].split('/')[0];
      await page.getByRole('heading', { level: 3, name: 'Only pushes' }).waitFor();
      // The open card's preview renders after load and moves the cards below it: a click on a
      // heading that is still moving can miss it (as in the drag test below).
      await page.getByText('Passes: the run goes on').waitFor();

      // The template's example data makes the preview work before any request arrives.
      await page.getByRole('heading', { level: 3, name: 'Write the message' }).click();
      await page
        .getByText(/ada pushed 2 commit\(s\) to acme\/shop \(main\)/)
        .first()
        .waitFor();

      // What the template leaves to the user: the secret and the chat webhook URL.
      const secret = "It's a Secret to Everybody";
      await page.getByLabel('Webhook secret').fill(secret);
      await page.getByRole('heading', { level: 3, name: 'Post to chat' }).click();
      const chat = page.locator('li.sy-step-card').nth(2);
      await chat.getByText('Replace this example address with your own.').waitFor();
      await replaceEditorText(page, editor(page, 'URL', chat), `${env.sinkBase}/chat`);
      await chat.getByText('Replace this example address with your own.').waitFor({ state: 'detached' });
      await page.getByRole('switch', { name: 'Workflow is off: turn it on' }).click();
      await page.getByRole('switch', { name: 'Workflow is on: turn it off' }).waitFor();
      await page.getByText('All changes saved').waitFor();
      const { body: saved } = await env.request<Workflow>('GET', `/api/workflows/${workflowId}`);
      const trigger = saved.trigger as TriggerSettings;
      assert.equal(trigger.verify!.scheme, 'github');
      assert.equal(trigger.verify!.secrets, undefined, 'the API never returns the secret');

      // GitHub signs the raw body with the shared secret.
      const { createHmac, randomUUID } = await import('node:crypto');
      const payload = JSON.stringify({
        ref: 'refs/heads/main',
        repository: { full_name: 'acme/shop' },
        pusher: { name: 'grace' },
        commits: [{ id: '0123456789abcdef', message: 'Ship it' }],
      });
      const push = (signature: string) =>
        fetch(`${env.base}/hooks/${trigger.token}`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'x-github-event': 'push',
            'x-github-delivery': randomUUID(),
            'x-hub-signature-256': signature,
          },
          body: payload,
        });
      const forged = await push(`sha256=${createHmac('sha256', 'wrong secret').update(payload).digest('hex')}`);
      assert.equal(forged.status, 401, 'a push signed with another secret is refused');
      const signed = await push(`sha256=${createHmac('sha256', secret).update(payload).digest('hex')}`);
      assert.equal(signed.status, 202, `the signed push is accepted: ${await signed.clone().text()}`);
      const { runId } = (await signed.json()) as { runId: string };
      await page.getByRole('link', { name: `Run ${runId}, succeeded` }).waitFor({ timeout: 30_000 });
      const message = env.received.find((entry) => entry.url === '/chat');
      assert.equal(
        (message?.body as { text?: string } | undefined)?.text,
        'grace pushed 1 commit(s) to acme/shop (main)\n• 0123456 Ship it',
      );
    }),
  );

  test(
    'the list shows last runs and renames, duplicates, switches and deletes workflows',
    withFailureShot('list', async () => {
      const { page } = env;
      await page.goto(`${env.base}/`);
      const row = (name: string) => page.getByRole('row').filter({ has: page.getByRole('link', { name, exact: true }) });
      await row('New signups to the CRM')
        .getByRole('link', { name: /Last run of New signups to the CRM: succeeded/ })
        .waitFor();
      await row('New signups to the CRM').getByTitle('Runs in the last 24 hours').getByText('1').waitFor();
      await env.screenshot('builder-workflows-list.png', { dir: OUTPUT });

      await page.getByRole('button', { name: 'More actions for GitHub push to a chat message' }).click();
      await page.getByRole('menuitem', { name: 'Rename' }).click();
      const dialog = page.getByRole('dialog', { name: 'Rename workflow' });
      await dialog.getByLabel('Name').fill('Pushes to #dev');
      await dialog.getByRole('button', { name: 'Rename' }).click();
      await row('Pushes to #dev').waitFor();

      await row('Pushes to #dev').getByRole('switch', { name: 'Pushes to #dev is on: turn it off' }).click();
      await row('Pushes to #dev').getByRole('switch', { name: 'Pushes to #dev is off: turn it on' }).waitFor();

      await page.getByRole('button', { name: 'More actions for Pushes to #dev' }).click();
      await page.getByRole('menuitem', { name: 'Duplicate' }).click();
      await page.waitForURL(/\/edit$/);
      await page.getByRole('heading', { level: 3, name: 'Write the message' }).waitFor();
      await page.goto(`${env.base}/`);
      await row('Pushes to #dev (copy)').waitFor();

      await page.getByRole('button', { name: 'More actions for Pushes to #dev (copy)' }).click();
      await page.getByRole('menuitem', { name: 'Delete' }).click();
      const confirm = page.getByRole('dialog', { name: 'Delete “Pushes to #dev (copy)”?' });
      await confirm.getByRole('button', { name: 'Delete workflow' }).click();
      await row('Pushes to #dev (copy)').waitFor({ state: 'detached' });
      const { body } = await env.request<ListResponse<WorkflowSummary>>('GET', '/api/workflows');
      assert.deepEqual(body.items.map((item) => item.name).sort(), ['New signups to the CRM', 'Pushes to #dev']);
    }),
  );

  test(
    'steps reorder by drag and drop and from the step menu; leaving can discard the changes',
    withFailureShot('reorder', async () => {
      const { page } = env;
      const { body } = await env.request<ListResponse<WorkflowSummary>>('GET', '/api/workflows');
      const pushes = body.items.find((item) => item.name === 'Pushes to #dev')!;
      await page.goto(`${env.base}/workflows/${pushes.id}/edit`);
      const titles = () => page.locator('li.sy-step-card .sy-step-card__title').allInnerTexts();
      await page.getByRole('heading', { level: 3, name: 'Post to chat' }).waitFor();
      assert.deepEqual(await titles(), ['Only pushes', 'Write the message', 'Post to chat']);

      // Drag once the page has settled: the open card's preview renders after load and moves the
      // cards below it, and a drag started on a moving grip misses it. With the template's trigger
      // settings open the cards are also taller than an 800 px window, and a drag that has to scroll
      // is not what this checks.
      await page.getByText('Passes: the run goes on').waitFor();
      await page.setViewportSize({ width: 1280, height: 2000 });
      await page.waitForFunction(
        () => new Promise((resolve) => window.requestAnimationFrame(() => window.requestAnimationFrame(() => resolve(true)))),
      );
      const cards = page.locator('li.sy-step-card');
      await cards
        .nth(2)
        .locator('.sy-step-card__grip')
        .dragTo(cards.nth(0), { targetPosition: { x: 40, y: 8 } });
      await page.waitForFunction(() => document.querySelector('li.sy-step-card .sy-step-card__title')?.textContent === 'Post to chat');
      await page.setViewportSize({ width: 1280, height: 800 });
      assert.deepEqual(await titles(), ['Post to chat', 'Only pushes', 'Write the message']);

      await page.getByRole('button', { name: 'Actions for step 1' }).click();
      await page.getByRole('menuitem', { name: 'Move down' }).click();
      assert.deepEqual(await titles(), ['Only pushes', 'Post to chat', 'Write the message']);
      await page.getByText('Unsaved changes').waitFor();

      await page.getByRole('main').getByRole('link', { name: 'Runs', exact: true }).click();
      await page.getByRole('dialog', { name: 'Leave without saving?' }).getByRole('button', { name: 'Discard changes' }).click();
      await page.waitForURL(`**/workflows/${pushes.id}`);
      const { body: unchanged } = await env.request<Workflow>('GET', `/api/workflows/${pushes.id}`);
      assert.deepEqual(
        unchanged.steps.map((step) => step.id),
        ['only_pushes', 'message', 'post_to_chat'],
      );
    }),
  );

  test(
    'the editor is usable on a narrow window',
    withFailureShot('narrow', async () => {
      const { page } = env;
      await page.setViewportSize({ width: 390, height: 844 });
      await page.goto(`${env.base}/workflows/${state.workflowId}/edit`);
      const output = editor(page, 'Output');
      await output.waitFor();
      await sleep(300);
      // The data panel is a drawer here; picking a field still inserts at the cursor.
      await output.click();
      await page.keyboard.press('ControlOrMeta+End');
      await page.keyboard.type(' & ');
      await page.getByRole('button', { name: 'Insert data' }).click();
      await page.getByRole('button', { name: 'Insert trigger.body.plan' }).click();
      assert.match(await editorText(output), / & trigger\.body\.plan$/);
      await env.screenshot('narrow-builder-data.png', { dir: OUTPUT, fullPage: false });
      await page.getByRole('button', { name: 'Close the data panel' }).click();
      await page.getByRole('button', { name: 'Insert data' }).waitFor();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `the editor does not scroll sideways at 390px (overflow ${overflow}px)`);
      await env.screenshot('narrow-builder.png', { dir: OUTPUT });
      await page.setViewportSize({ width: 1280, height: 800 });
    }),
  );

  test(
    'trigger settings: a condition and a custom dedupe key are saved, enforced at the URL and shown again',
    withFailureShot('trigger-settings', async () => {
      const { page } = env;
      const { status, body: created } = await env.request<Workflow>('POST', '/api/workflows', {
        name: 'Large orders once',
        active: false,
        trigger: { type: 'webhook' },
        steps: [{ id: 'order', type: 'map', expression: '{ "id": trigger.body.id, "amount": trigger.body.amount }' }],
      });
      assert.equal(status, 201, JSON.stringify(created));
      // An earlier test may leave unsaved edits: leave them.
      const acceptDialog = (dialog: Dialog) => dialog.accept();
      page.on('dialog', acceptDialog);
      await page.goto(`${env.base}/workflows/${created.id}/edit`);
      page.off('dialog', acceptDialog);
      const card = page.locator('.sy-trigger-card');
      await card.getByText('Advanced settings').click();

      const condition = editor(page, 'Only run when', card);
      await condition.click();
      await page.keyboard.insertText('trigger.body.amount > 10');
      await card.getByRole('switch', { name: 'Deduplicate deliveries' }).click();
      await card.getByLabel('A custom key (JSONata)').check();
      const key = editor(page, 'Deduplication key', card);
      await key.click();
      await page.keyboard.insertText('trigger.body.id');
      await page.getByRole('button', { name: 'Save', exact: true }).click();
      await page.getByText('All changes saved').waitFor();
      const { body: saved } = await env.request<Workflow>('GET', `/api/workflows/${created.id}`);
      const trigger = saved.trigger as TriggerSettings;
      assert.equal(trigger.condition, 'trigger.body.amount > 10');
      assert.equal(trigger.dedupe?.key, 'trigger.body.id');
      await env.screenshot('builder-trigger-settings.png', { dir: OUTPUT, locator: card });

      await page.getByRole('switch', { name: 'Workflow is off: turn it on' }).click();
      await page.getByRole('switch', { name: 'Workflow is on: turn it off' }).waitFor();
      const deliver = async (payload: unknown) => {
        const response = await fetch(`${env.base}/hooks/${trigger.token}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(payload),
        });
        const body = (await response.json().catch(() => null)) as { runId?: string; duplicate?: boolean; filtered?: boolean } | null;
        return { status: response.status, body };
      };
      const first = await deliver({ id: 'order-1', amount: 25 });
      assert.equal(first.status, 202, JSON.stringify(first.body));
      const again = await deliver({ id: 'order-1', amount: 25 });
      assert.equal(again.status, 200, JSON.stringify(again.body));
      assert.equal(again.body!.duplicate, true);
      assert.equal(again.body!.runId, first.body!.runId, 'a duplicate names the first run');
      const small = await deliver({ id: 'order-2', amount: 1 });
      assert.equal(small.status, 200, JSON.stringify(small.body));
      assert.equal(small.body!.filtered, true);

      // After a reload the builder shows what is stored.
      await page.reload();
      await card.getByText('Advanced settings').click();
      assert.equal(await editorText(editor(page, 'Only run when', card)), 'trigger.body.amount > 10');
      assert.equal(await card.getByRole('switch', { name: 'Deduplicate deliveries' }).getAttribute('aria-checked'), 'true');
      assert.equal(await card.getByLabel('A custom key (JSONata)').isChecked(), true);
      assert.equal(await editorText(editor(page, 'Deduplication key', card)), 'trigger.body.id');
      await page.getByText('All changes saved').waitFor();
    }),
  );

  test('the app raised no uncaught errors', () => {
    assert.deepEqual(env.pageErrors, []);
  });
});
