// Browser test of issue 14 items 8 to 10: "Test workflow" shows its result where the user looks; the
// Add-step menu stays inside the window; the runs table fits 1280 and 1366 px; at 390 px the navigation,
// the title and the field being edited stay visible; jargon has plain words a keyboard reaches; the sole
// owner cannot demote or remove themselves; and every main page passes axe-core (no serious or
// critical violations). Measures bounding boxes rather than trusting the CSS.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import type { Run, Workflow } from './support/contract.ts';
import { seriousAxeViolations } from './support/axe.ts';
import { browserSkipReason, type Environment, failureShots, OUTPUT, OWNER, startEnvironment } from './support/environment.ts';

let env: Environment;
let setupEnv: Environment | undefined;
const withFailureShot = failureShots(() => env, 'usability-');

async function expectNoSeriousViolations(page: Page, where: string) {
  const violations = await seriousAxeViolations(page);
  assert.deepEqual(violations, [], `axe-core: serious or critical violations on ${where}`);
}

/** The page does not scroll sideways. */
async function expectNoHorizontalScroll(page: Page, where: string) {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  assert.ok(scrollWidth <= innerWidth, `${where}: the page is ${scrollWidth} px wide in a ${innerWidth} px window`);
}

/** The element's box lies inside the window (1 px of rounding allowed). */
async function expectInViewport(page: Page, locator: Locator, what: string) {
  const box = await locator.boundingBox();
  assert.ok(box, `${what} is not rendered`);
  const viewport = page.viewportSize()!;
  assert.ok(
    box.x >= -1 && box.y >= -1 && box.x + box.width <= viewport.width + 1 && box.y + box.height <= viewport.height + 1,
    `${what} is outside the ${viewport.width}×${viewport.height} window: ${JSON.stringify(box)}`,
  );
}

/** Scrolls the element to the top of the window, for a screenshot of it. */
async function scrollToTop(locator: Locator) {
  await locator.evaluate((element) => element.scrollIntoView({ block: 'start' }));
}

/** Opens a step card of the builder (if it is not open yet) and returns it. */
async function openStep(page: Page, stepId: string): Promise<Locator> {
  const card = page.locator(`li.sy-step-card[data-step-id="${stepId}"]`);
  const toggle = card.locator('.sy-step-card__toggle').first();
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  await card.getByRole('textbox', { name: 'Output', exact: true }).waitFor();
  return card;
}

async function sendHook(token: string, payload: unknown) {
  const response = await fetch(`${env.base}/hooks/${token}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(payload),
  });
  assert.ok(response.status < 300, `POST /hooks answered ${response.status}`);
  return (await response.json()) as { runId: string };
}

describe('usability at every width (issue 14 items 8-10)', { skip: browserSkipReason() }, () => {
  let live: Workflow;
  let draft: Workflow;
  let failedRunId: string;

  before(async () => {
    env = await startEnvironment({ name: 'usability' });
    const created = await env.request<Workflow>('POST', '/api/workflows', {
      name: 'Orders from the shop to the warehouse chat, with a long name that must not push the table wider',
      active: true,
      trigger: { type: 'webhook' },
      steps: [
        {
          id: 'check',
          name: 'Check the order',
          type: 'map',
          expression: 'trigger.body.fail ? $error("The order has no items") : trigger.body',
        },
      ],
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    live = created.body;
    await env.waitForRun((await sendHook(live.trigger.token, { order: 1 })).runId);
    failedRunId = (await sendHook(live.trigger.token, { order: 2, fail: true })).runId;
    const failed = await env.waitForRun(failedRunId);
    assert.equal((failed as Run).status, 'failed');

    const second = await env.request<Workflow>('POST', '/api/workflows', {
      name: 'Welcome new signups',
      active: false,
      trigger: { type: 'webhook' },
      steps: [
        { id: 'greeting', name: 'Write the greeting', type: 'map', expression: '"Hello " & trigger.body.name' },
        { id: 'shout', name: 'Shout it', type: 'map', expression: '$uppercase(steps.greeting.output)' },
      ],
    });
    assert.equal(second.status, 201, JSON.stringify(second.body));
    draft = second.body;
  });

  after(async () => {
    await env?.stop();
    await setupEnv?.stop();
  });

  test(
    'the runs table fits 1280 and 1366 px without clipping its last columns',
    withFailureShot('runs-width', async () => {
      const { page } = env;
      for (const width of [1280, 1366]) {
        await page.setViewportSize({ width, height: 800 });
        await page.goto(`${env.base}/runs`);
        const table = page.getByRole('table', { name: 'Runs' });
        await table.getByRole('row').nth(2).waitFor();
        await expectNoHorizontalScroll(page, `runs at ${width} px`);
        const scroller = table.locator('xpath=..');
        const { scrollWidth, clientWidth } = await scroller.evaluate((element) => ({
          scrollWidth: element.scrollWidth,
          clientWidth: element.clientWidth,
        }));
        assert.ok(scrollWidth <= clientWidth + 1, `at ${width} px the runs table is ${scrollWidth} px in ${clientWidth} px`);
        const headers = table.getByRole('columnheader');
        await expectInViewport(page, headers.last(), `the last column header at ${width} px`);
        // The long workflow name is cut with an ellipsis and kept whole in its title.
        const name = table.getByRole('link', { name: /^Orders from the shop/ }).first();
        assert.equal(await name.getAttribute('title'), live.name);
        const lastCell = table.getByRole('row').nth(1).getByRole('cell').last();
        await lastCell.scrollIntoViewIfNeeded();
        await expectInViewport(page, lastCell, `the last cell at ${width} px`);
      }
      await page.setViewportSize({ width: 1280, height: 800 });
      await scrollToTop(page.getByRole('table', { name: 'Runs' }).locator('xpath=ancestor::section[1]'));
      await env.screenshot('runs-1280.png', { fullPage: false });
    }),
  );

  test(
    '"Test workflow" brings its result into view, focuses it and announces it; the Add-step menu stays in the window',
    withFailureShot('test-workflow', async () => {
      const { page } = env;
      await page.setViewportSize({ width: 1280, height: 800 });
      await page.goto(`${env.base}/workflows/${draft.id}/edit`);
      await page.getByRole('button', { name: 'Send a test event' }).click();
      await page.locator('.sy-trigger-card__sample-data summary').waitFor();

      await page.getByRole('button', { name: 'Test workflow' }).click();
      const panel = page.getByRole('region', { name: 'Test workflow' });
      await panel.waitFor();
      await page.getByRole('status').filter({ hasText: 'Test workflow finished: succeeded' }).waitFor({ state: 'attached' });
      await page.waitForFunction(() => document.activeElement?.closest('#workflow-test') !== null);
      await expectInViewport(page, panel.getByRole('heading', { name: 'Test workflow' }), 'the heading of the test result');

      // The "Add a step" menu at the bottom of the window opens upwards or scrolls inside the window.
      const add = page.getByRole('button', { name: 'Add a step at the end', exact: true });
      await add.evaluate((element) => {
        const box = element.getBoundingClientRect();
        window.scrollBy(0, box.bottom - window.innerHeight + 12);
      });
      await add.click();
      const menu = page.getByRole('menu', { name: 'Step types' });
      await menu.waitFor();
      await expectInViewport(page, menu, 'the Add-step menu opened near the bottom');
      const apps = menu.getByRole('group', { name: 'Apps' });
      await apps.getByRole('menuitem').first().scrollIntoViewIfNeeded();
      await expectInViewport(page, apps.getByRole('menuitem').first(), 'the first app of the menu');
      await expectNoHorizontalScroll(page, 'the builder with the menu open');
      await expectNoSeriousViolations(page, 'the builder with the Add-step menu open');
      await page.keyboard.press('Escape');
      await add.scrollIntoViewIfNeeded();

      // A step open, for the accessibility check and the screenshot.
      await page.evaluate(() => window.scrollTo(0, 0));
      await scrollToTop(await openStep(page, 'greeting'));
      await expectNoSeriousViolations(page, 'the builder with a step open');
      await env.screenshot('builder-1280.png', { fullPage: false });
    }),
  );

  test(
    'at 390 px the navigation and the title are not clipped and the data sheet leaves the edited field visible',
    withFailureShot('phone', async () => {
      const { page } = env;
      await page.setViewportSize({ width: 390, height: 844 });
      try {
        for (const path of ['/', '/runs', `/runs/${failedRunId}`, `/workflows/${live.id}`, '/settings/members']) {
          await page.goto(`${env.base}${path}`);
          await page.getByRole('heading', { level: 1 }).first().waitFor();
          await expectNoHorizontalScroll(page, `${path} at 390 px`);
          const nav = page.getByRole('navigation', { name: 'Main' });
          for (const link of ['Workflows', 'Runs', 'Credentials', 'Settings'])
            await expectInViewport(page, nav.getByRole('link', { name: link }), `the ${link} link on ${path}`);
          await expectInViewport(page, page.getByRole('heading', { level: 1 }).first(), `the page title of ${path}`);
        }
        await page.goto(`${env.base}/runs`);
        await page.getByRole('table', { name: 'Runs' }).getByRole('row').nth(2).waitFor();
        await scrollToTop(page.getByRole('table', { name: 'Runs' }).locator('xpath=ancestor::section[1]'));
        await env.screenshot('runs-390.png', { fullPage: false });

        await page.goto(`${env.base}/workflows/${draft.id}/edit`);
        await expectNoHorizontalScroll(page, 'the builder at 390 px');
        await expectInViewport(page, page.getByLabel('Workflow name'), 'the workflow name at 390 px');
        const nav = page.getByRole('navigation', { name: 'Main' });
        for (const link of ['Workflows', 'Runs', 'Credentials', 'Settings'])
          await expectInViewport(page, nav.getByRole('link', { name: link }), `the ${link} link in the builder`);

        const card = await openStep(page, 'shout');
        const field = card.getByRole('textbox', { name: 'Output', exact: true });
        await field.click();
        await page.getByRole('button', { name: 'Insert data' }).click();
        const sheet = page.locator('#builder-data');
        await page.waitForFunction(() => {
          const element = document.querySelector('#builder-data');
          return (
            element !== null &&
            getComputedStyle(element).visibility === 'visible' &&
            element.getBoundingClientRect().top < window.innerHeight
          );
        });
        await page.waitForTimeout(400);
        const sheetBox = (await sheet.boundingBox())!;
        const fieldBox = (await field.boundingBox())!;
        assert.ok(fieldBox.y >= 0, `the field is above the window: ${JSON.stringify(fieldBox)}`);
        assert.ok(
          fieldBox.y + fieldBox.height <= sheetBox.y + 1,
          `the data sheet (top ${sheetBox.y}) covers the edited field (bottom ${fieldBox.y + fieldBox.height})`,
        );
        await env.screenshot('builder-390.png', { fullPage: false });
      } finally {
        await page.setViewportSize({ width: 1280, height: 800 });
      }
    }),
  );

  test(
    'jargon has plain words: a tooltip opens by keyboard and is read by screen readers',
    withFailureShot('tooltips', async () => {
      const { page } = env;
      await page.goto(`${env.base}/runs/${failedRunId}`);
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      await page.goto(`${env.base}/runs?view=requests`);
      const help = page.getByRole('button', { name: 'What is a verdict?' });
      await help.waitFor();
      await help.focus();
      const tip = page.getByRole('tooltip');
      await tip.waitFor();
      assert.match(await tip.innerText(), /what Switchyard did with a request/i);
      assert.equal(await help.getAttribute('aria-describedby'), await tip.getAttribute('id'));
      await page.keyboard.press('Escape');
      await tip.waitFor({ state: 'hidden' });
      // Enter pins it open for readers who move the mouse away.
      await page.keyboard.press('Enter');
      await tip.waitFor();
      await expectNoSeriousViolations(page, 'the requests view with a tooltip open');

      await page.goto(`${env.base}/workflows/${draft.id}/edit`);
      await page.getByRole('button', { name: 'What is a dry run?' }).first().waitFor();
      await page.getByRole('button', { name: 'What is JSONata?' }).first().waitFor();
    }),
  );

  test(
    'the sole owner cannot demote or remove themselves, and is told why once',
    withFailureShot('members', async () => {
      const { page } = env;
      await page.goto(`${env.base}/settings/members`);
      const table = page.getByRole('table', { name: 'Members of this workspace' });
      const role = table.getByRole('combobox', { name: /^Role of / });
      await role.waitFor();
      assert.equal(await role.isDisabled(), true, 'the only owner cannot change their role');
      const leave = table.getByRole('button', { name: 'Leave this workspace' });
      assert.equal(await leave.isDisabled(), true, 'the only owner cannot leave');
      const note = page.getByText('A workspace keeps at least one owner: make someone else owner first.');
      assert.equal(await note.count(), 1, 'the reason is shown once');
      assert.match((await role.getAttribute('aria-describedby')) ?? '', /\S/);
      await expectNoHorizontalScroll(page, 'the members page');

      // The API refuses too, with the same words.
      const members = await env.request<Array<{ userId: string; email: string }>>('GET', '/api/workspaces/current/members');
      const me = members.body.find((member) => member.email === OWNER.email)!;
      const refused = await env.request<{ error: { message: string } }>('PATCH', `/api/workspaces/current/members/${me.userId}`, {
        role: 'admin',
      });
      assert.equal(refused.status, 409);
      assert.match(refused.body.error.message, /at least one owner/);
      await expectNoSeriousViolations(page, 'the members page');
      await env.screenshot('members-sole-owner.png', { dir: OUTPUT, fullPage: false });
    }),
  );

  test(
    'every main page passes axe-core (no serious or critical violations)',
    withFailureShot('axe', async () => {
      const { page } = env;
      const pages: Array<[string, string, () => Promise<void>]> = [
        ['the workflows list', '/', () => page.getByRole('heading', { level: 1, name: 'Workflows' }).waitFor()],
        ['runs', '/runs', () => page.getByRole('table', { name: 'Runs' }).waitFor()],
        ['upcoming', '/runs', () => page.getByRole('region', { name: 'Upcoming' }).waitFor()],
        ['run detail', `/runs/${failedRunId}`, () => page.getByText('The order has no items').first().waitFor()],
        ['the inbox', `/workflows/${live.id}/requests`, () => page.getByRole('table').first().waitFor()],
        ['all requests', '/runs?view=requests', () => page.getByRole('table').first().waitFor()],
        ['health', `/workflows/${live.id}/health`, () => page.getByRole('heading', { level: 1 }).first().waitFor()],
        ['the workflow page', `/workflows/${live.id}`, () => page.getByRole('heading', { level: 1 }).first().waitFor()],
        ['credentials', '/credentials', () => page.getByRole('heading', { level: 1, name: 'Credentials' }).waitFor()],
        ['members', '/settings/members', () => page.getByRole('table', { name: 'Members of this workspace' }).waitFor()],
        ['invites', '/settings/invites', () => page.getByRole('heading', { level: 1 }).first().waitFor()],
        ['API keys', '/settings/api-keys', () => page.getByRole('heading', { level: 1 }).first().waitFor()],
        ['audit', '/settings/audit', () => page.getByRole('table').first().waitFor()],
        ['network', '/settings/network', () => page.getByRole('heading', { name: 'Allowed private hosts' }).waitFor()],
        ['account', '/settings/account', () => page.getByRole('heading', { level: 1 }).first().waitFor()],
        ['a new workflow', '/workflows/new', () => page.getByRole('heading', { level: 1, name: 'Create a workflow' }).waitFor()],
      ];
      const failures: string[] = [];
      for (const [name, path, ready] of pages) {
        await page.goto(`${env.base}${path}`);
        await ready();
        await page.waitForTimeout(300);
        const violations = await seriousAxeViolations(page);
        if (violations.length) failures.push(`${name} (${path}): ${JSON.stringify(violations)}`);
      }

      // Connections: the dialog that connects an app, opened from an app step in the builder.
      await page.goto(`${env.base}/workflows/${draft.id}/edit`);
      await page.getByRole('button', { name: 'Add a step at the end', exact: true }).click();
      await page
        .getByRole('group', { name: 'Apps' })
        .getByRole('menuitem', { name: /^App action/ })
        .click();
      const card = page.locator('li.sy-step-card').last();
      await card.getByLabel('Search apps').fill('git');
      await card.getByRole('button', { name: /GitLab/ }).click();
      await card.getByLabel('Action', { exact: true }).selectOption('create-issue');
      await card.getByRole('button', { name: 'Connect GitLab' }).click();
      await page.getByRole('dialog', { name: 'Connect GitLab' }).waitFor();
      const violations = await seriousAxeViolations(page);
      if (violations.length) failures.push(`the connection dialog: ${JSON.stringify(violations)}`);

      // Signed out: the sign-in page.
      const guest = await env.browser.newContext({ viewport: { width: 1280, height: 800 } });
      const guestPage = await guest.newPage();
      await guestPage.goto(`${env.base}/sign-in`);
      await guestPage
        .getByRole('button', { name: /^Sign in/ })
        .first()
        .waitFor();
      const signIn = await seriousAxeViolations(guestPage);
      if (signIn.length) failures.push(`sign-in: ${JSON.stringify(signIn)}`);
      await guest.close();
      assert.deepEqual(failures, [], 'axe-core: serious or critical violations');
    }),
  );

  test(
    'the setup form shows every rule at once and passes axe-core',
    withFailureShot('setup', async () => {
      setupEnv = await startEnvironment({ name: 'usability_setup', seedOwner: false, signIn: false });
      const { page } = setupEnv;
      await page.goto(`${setupEnv.base}/setup`);
      await page.getByRole('heading', { name: 'Create the owner account' }).waitFor();
      await expectNoSeriousViolations(page, 'the setup page');
      await page.getByLabel('Email').fill('not-an-email');
      await page.getByLabel('Password', { exact: true }).fill('short');
      await page.getByLabel('Repeat the password').fill('other');
      await page.getByRole('button', { name: 'Create account' }).click();
      // One click shows every problem at once, each beside its field.
      await page.getByText('Email must be an email address').waitFor();
      await page.getByText(/Password must be at least/).waitFor();
      await page.getByText('The passwords differ').waitFor();
      await expectNoSeriousViolations(page, 'the setup page with its errors');
      await setupEnv.stop();
      setupEnv = undefined;
    }),
  );
});
