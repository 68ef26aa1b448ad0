// Browser test of issue 19 item 7 ("small things that mislead"): an editor who joins by invite lands in
// the app without a 404 and is not shown an API-key example they cannot use; the first load of a lazy page
// logs no HydrateFallback warning; on a long workflow Save stays in view and Ctrl+S saves without moving
// the page; a sample typed by hand is marked as hand-made and captures no request; the data panel names a
// step inside a branch with its branch; audit rows open, and an open diff keeps every column on screen.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { CreatedInvite, Workflow } from './support/contract.ts';
import { eventually } from './support/eventually.ts';
import { browserSkipReason, type Environment, failureShots, OUTPUT, startEnvironment } from './support/environment.ts';

let env: Environment;
const consoleLines: string[] = [];
const state = {} as { long: Workflow; branched: Workflow };
const withFailureShot = failureShots(() => env, 'builder-trust-');

const EDITOR = { email: 'eddie@example.com', password: 'editor-password-123', name: 'Eddie' };

async function create(definition: Record<string, unknown>): Promise<Workflow> {
  const { status, body } = await env.request<Workflow>('POST', '/api/workflows', definition);
  assert.equal(status, 201, JSON.stringify(body));
  return body;
}

describe('sticky Save, hand-made samples, invites, audit rows and branch labels in Chromium', { skip: browserSkipReason() }, () => {
  before(async () => {
    env = await startEnvironment({ name: 'builder_trust_e2e' });
    env.page.on('console', (message) => consoleLines.push(`${message.type()}: ${message.text()}`));
  });

  after(async () => {
    await env?.stop();
  });

  test(
    'an editor accepts an invite, lands without a 404, and sees what they can do instead of an API-key example',
    withFailureShot('invite', async () => {
      const invite = await env.request<CreatedInvite>('POST', '/api/workspaces/current/invites', { role: 'editor', email: EDITOR.email });
      assert.equal(invite.status, 201, JSON.stringify(invite.body));
      const context = await env.browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
      try {
        const page = await context.newPage();
        const notFound: string[] = [];
        page.on('response', (response) => {
          if (response.status() === 404 && response.url().includes('/api/')) notFound.push(response.url());
        });
        await page.goto(invite.body.url!);
        await page.getByLabel('Name').fill(EDITOR.name);
        await page.getByLabel('Password').fill(EDITOR.password);
        await page.getByRole('button', { name: 'Create account and join' }).click();
        await page.waitForURL(`${env.base}/`);
        await page.getByRole('heading', { name: 'Create your first workflow' }).waitFor();
        await page.waitForTimeout(500);
        assert.deepEqual(notFound, [], 'nothing answers 404 after joining');
        await page.getByText('Scripts that call the API need an API key, which an admin or owner creates.').waitFor();
        assert.equal(await page.getByText('SWITCHYARD_API_KEY').count(), 0, 'no API-key example for an editor');
        await page
          .getByText(/Prefer code\? Import a workflow bundle/)
          .getByRole('link', { name: 'Import', exact: true })
          .waitFor();
      } finally {
        await context.close();
      }
      // The owner, who can create keys, still gets the example.
      await env.page.goto(`${env.base}/`);
      await env.page.getByText('SWITCHYARD_API_KEY').first().waitFor();
    }),
  );

  test(
    'on a long workflow Save stays in view, Ctrl+S saves, and the page does not jump',
    withFailureShot('sticky', async () => {
      const { page } = env;
      state.long = await create({
        name: 'Many steps',
        trigger: { type: 'webhook' },
        steps: Array.from({ length: 14 }, (_, index) => ({
          id: `shape${index + 1}`,
          name: `Shape ${index + 1}`,
          type: 'map',
          expression: `{ "n": ${index + 1}, "email": trigger.body.email }`,
        })),
      });
      // A first visit straight to a lazily loaded page: no HydrateFallback warning.
      await page.goto(`${env.base}/workflows/${state.long.id}/edit`);
      const save = page.getByRole('button', { name: 'Save', exact: true });
      await save.waitFor();
      assert.deepEqual(
        consoleLines.filter((line) => line.includes('HydrateFallback')),
        [],
        'React Router warns of no missing HydrateFallback',
      );
      assert.match((await save.getAttribute('title')) ?? '', /Save \((Ctrl\+S|⌘S)\)/);
      await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
      await page.waitForTimeout(300);
      const scrolled = await page.evaluate(() => window.scrollY);
      assert.ok(scrolled > 600, `the workflow is long enough to scroll (${scrolled} px)`);
      await page.getByLabel('Workflow name').fill('Many steps, renamed');
      const inView = async () => {
        const box = await save.boundingBox();
        return box !== null && box.y >= 0 && box.y + box.height <= 800;
      };
      assert.equal(await inView(), true, 'Save is in view while scrolled down');
      await env.screenshot('builder-sticky-save.png', { fullPage: false });
      await page.keyboard.press('Control+s');
      await page.getByText('All changes saved').waitFor();
      await eventually(
        async () => (await env.request<Workflow>('GET', `/api/workflows/${state.long.id}`)).body.name,
        'Many steps, renamed',
      );
      const after = await page.evaluate(() => window.scrollY);
      assert.ok(Math.abs(after - scrolled) < 5, `saving keeps the scroll position (${scrolled} → ${after})`);
      assert.equal(await inView(), true);

      // On a phone the header stays too, above the app's top bar.
      await page.setViewportSize({ width: 390, height: 844 });
      await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
      await page.waitForTimeout(300);
      const phone = await save.boundingBox();
      assert.ok(phone && phone.y >= 0 && phone.y + phone.height <= 844, 'Save is in view at 390 px');
      assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), 390, 'no sideways scroll at 390 px');
      await env.screenshot('builder-sticky-save-390.png', { dir: OUTPUT, fullPage: false });
      await page.setViewportSize({ width: 1280, height: 800 });
    }),
  );

  test(
    'a sample typed by hand is checked, marked as hand-made, and records no request',
    withFailureShot('hand-made', async () => {
      const { page } = env;
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.getByRole('button', { name: 'Paste a sample' }).click();
      const dialog = page.getByRole('dialog', { name: 'Hand-made sample' });
      const body = dialog.getByLabel('Body (JSON)');
      await body.fill('{ order: "A-7" }');
      await dialog.getByText(/Body is not valid JSON at line 1, column 3/).waitFor();
      assert.equal(await dialog.getByRole('button', { name: 'Use this sample' }).isDisabled(), true);
      await body.fill('{ "order": "A-7", "email": "hand@example.com" }');
      await dialog.getByLabel('Headers (JSON)').fill('{ "x-count": 3 }');
      await dialog.getByText('Headers: "x-count" must be text').waitFor();
      await dialog.getByLabel('Headers (JSON)').fill('{ "content-type": "application/json" }');
      await env.screenshot('builder-hand-made-editor.png', { dir: OUTPUT, locator: page.locator('.sy-dialog__panel') });
      await dialog.getByRole('button', { name: 'Use this sample' }).click();
      await dialog.waitFor({ state: 'detached' });

      const card = page.locator('.sy-trigger-card');
      await card.getByText('Hand-made', { exact: true }).waitFor();
      assert.equal(await card.getByRole('combobox', { name: 'Sample request' }).inputValue(), 'manual');
      await card.getByText('Hand-made sample (typed in the builder)').waitFor({ state: 'attached' });
      await page.getByText('Trigger request (hand-made sample)').waitFor();
      await card.getByText('Sample data (hand-made)').waitFor();
      const requests = await env.request<{ items: unknown[] }>('GET', `/api/workflows/${state.long.id}/requests`);
      assert.equal(requests.body.items.length, 0, 'a hand-made sample is not a captured request');

      await page.getByRole('button', { name: 'Test workflow' }).click();
      const result = page.locator('#workflow-test');
      await result.getByText('Hand-made sample', { exact: true }).waitFor();
      await env.screenshot('builder-hand-made-sample.png', { fullPage: false });
    }),
  );

  test(
    'the data panel names a step inside a branch with its branch',
    withFailureShot('branch-labels', async () => {
      const { page } = env;
      state.branched = await create({
        name: 'Branch labels',
        trigger: { type: 'webhook' },
        steps: [
          { id: 'first', name: 'Step 1', type: 'map', expression: '{ "a": 1 }' },
          {
            id: 'route',
            name: 'Route',
            type: 'branch',
            paths: [
              { name: 'Branch A', condition: 'true', steps: [{ id: 'inner', name: 'Step 1', type: 'map', expression: '{ "b": 2 }' }] },
            ],
          },
          { id: 'last', name: 'Last step', type: 'map', expression: '{ "c": 3 }' },
        ],
      });
      await page.goto(`${env.base}/workflows/${state.branched.id}/edit`);
      await page.locator('li.sy-step-card').last().locator('h3').first().click();
      const panel = page.locator('#data-picker');
      await panel.getByText('1. Step 1', { exact: true }).waitFor();
      await panel.getByText('3. Branch A › Step 1', { exact: true }).waitFor();
    }),
  );

  test(
    'audit rows open, and an open diff keeps every column on screen at 1280 px',
    withFailureShot('audit', async () => {
      const { page } = env;
      await page.goto(`${env.base}/settings/audit`);
      const table = page.getByRole('table', { name: 'Audit log of this workspace' });
      const toggles = table.getByRole('button', { name: /^Show (before and after|details) of/ });
      await toggles.first().waitFor();
      const count = await toggles.count();
      for (let index = 0; index < count; index += 1) await toggles.first().click();
      await table.getByText('workflow.', { exact: false }).first().waitFor();
      assert.ok((await table.locator('.sy-audit__details-row').count()) >= 3, 'every row opens');
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(width <= 1280, `the page does not scroll sideways (${width} px)`);
      const target = await table.getByRole('columnheader', { name: 'Target' }).boundingBox();
      assert.ok(target && target.x + target.width <= 1280, 'the Target column stays on screen');
      await env.screenshot('audit-open-rows.png', { dir: OUTPUT, fullPage: false });
      assert.deepEqual(env.pageErrors, []);
    }),
  );
});
