// Browser test of the ways in besides a webhook (issue 17): a schedule (cron echo and next five
// times), a polling trigger and a hosted form are built from the builder; the form is then filled in
// by someone who is not signed in, once with JavaScript and once without (the server's own checks
// answer a refused address), and the runs it started show in the signed-in window.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import type { Run, Workflow } from './support/contract.ts';
import { seriousAxeViolations } from './support/axe.ts';
import { eventually } from './support/eventually.ts';
import { browserSkipReason, type Environment, failureShots, startEnvironment, UI_TIMEOUT_MS } from './support/environment.ts';

let env: Environment;
const withFailureShot = failureShots(() => env, 'triggers-');

async function newWorkflow(name: string, steps: unknown[]): Promise<Workflow> {
  const { status, body } = await env.request<Workflow>('POST', '/api/workflows', { name, trigger: { type: 'webhook' }, steps });
  assert.equal(status, 201);
  return body;
}

/** Opens the builder and picks the trigger type. */
async function openWithTrigger(page: Page, workflow: Workflow, type: string) {
  await page.goto(`${env.base}/workflows/${workflow.id}/edit`);
  await page.getByLabel('Start this workflow').selectOption(type);
}

/** Saves the draft and publishes it (the workflow is live). */
async function saveAndPublish(page: Page) {
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await page.getByText('All changes saved').waitFor();
  await page.getByRole('button', { name: 'Publish', exact: true }).click();
  await page
    .getByRole('dialog', { name: /^Publish version/ })
    .getByRole('button', { name: 'Publish', exact: true })
    .click();
  await page.getByText('Draft: unpublished changes.').waitFor({ state: 'detached' });
}

async function stored(workflow: Workflow): Promise<Workflow> {
  const { status, body } = await env.request<Workflow>('GET', `/api/workflows/${workflow.id}`);
  assert.equal(status, 200);
  return body;
}

describe('schedule, polling and hosted form triggers in Chromium', { skip: browserSkipReason() }, () => {
  before(async () => {
    env = await startEnvironment({ name: 'triggers_e2e' });
  });

  after(async () => {
    await env?.stop();
  });

  test(
    'a schedule: every weekday at 09:00 in Paris, echoed in words with its next five times',
    withFailureShot('schedule', async () => {
      const { page } = env;
      const workflow = await newWorkflow('Morning report', [{ id: 'shape', type: 'map', expression: '{ "at": trigger.body }' }]);
      await openWithTrigger(page, workflow, 'schedule');
      await page.getByLabel('Repeat').selectOption({ label: 'Every weekday at 09:00' });
      assert.equal(await page.getByLabel('Cron pattern').inputValue(), '0 9 * * 1-5');
      await page.getByLabel('Time zone').fill('Europe/Paris');
      await page.getByLabel('After downtime').selectOption('once');
      await page.getByTestId('cron-echo').getByText('At 09:00, Monday through Friday').waitFor();
      const times = page.getByRole('list', { name: 'Next five times' }).getByRole('listitem');
      await times.nth(4).waitFor();
      assert.equal(await times.count(), 5);
      for (const time of await times.allInnerTexts()) assert.match(time, /^(Monday|Tuesday|Wednesday|Thursday|Friday), .* 09:00$/);
      await env.screenshot('trigger-schedule.png', { locator: page.locator('section.sy-trigger-card') });

      await saveAndPublish(page);
      const saved = await stored(workflow);
      assert.deepEqual(
        {
          type: saved.trigger.type,
          cron: (saved.trigger as { cron?: string }).cron,
          timezone: (saved.trigger as { timezone?: string }).timezone,
        },
        { type: 'schedule', cron: '0 9 * * 1-5', timezone: 'Europe/Paris' },
      );
      // The scheduler sets the new schedule's timer on its next pass (every 5 s).
      await eventually(
        async () => {
          const upcoming = await env.request<{ items: Array<{ workflowId: string }> }>('GET', '/api/triggers/upcoming');
          return upcoming.body.items.some((item) => item.workflowId === workflow.id);
        },
        true,
        'the schedule is listed as upcoming',
      );
    }),
  );

  test(
    'a polling trigger: URL, items expression and key',
    withFailureShot('poll', async () => {
      const { page } = env;
      const workflow = await newWorkflow('New orders', [{ id: 'shape', type: 'map', expression: '{ "order": trigger.body.id }' }]);
      await openWithTrigger(page, workflow, 'poll');
      await page.getByLabel('URL to call').fill(`${env.sinkBase}/orders`);
      await page.getByLabel('Every (minutes)').fill('5');
      await page.getByLabel('Items (JSONata)').fill('body.orders');
      await page.getByLabel('Key of an item (JSONata)').fill('id');
      await env.screenshot('trigger-poll.png', { locator: page.locator('section.sy-trigger-card') });

      await saveAndPublish(page);
      const saved = (await stored(workflow)).trigger as Record<string, unknown>;
      assert.equal(saved.type, 'poll');
      assert.equal(saved.endpoint, `${env.sinkBase}/orders`);
      assert.equal(saved.intervalMinutes, 5);
      assert.equal(saved.items, 'body.orders');
      assert.equal(saved.key, 'id');
    }),
  );

  test(
    'a hosted form built in the builder, filled in by someone signed out, with and without JavaScript',
    withFailureShot('form', async () => {
      const { page } = env;
      const workflow = await newWorkflow('Demo requests', [
        { id: 'notify', type: 'http', method: 'POST', url: `${env.sinkBase}/leads`, body: 'trigger.body' },
      ]);
      await openWithTrigger(page, workflow, 'form');
      const card = page.locator('section.sy-trigger-card');
      await card.getByLabel('Title').fill('Book a demo');
      await card.getByLabel('Description').fill('Tell us about your team; we answer within a day.');

      // Two more fields: a required number and a choice.
      const fields = card.locator('li.sy-form-field');
      assert.equal(await fields.count(), 3);
      await card.getByRole('button', { name: 'Add a field' }).click();
      await fields.nth(3).getByLabel('Label').fill('Team size');
      await fields.nth(3).getByLabel('Type').selectOption('number');
      await fields.nth(3).getByLabel('Required').check();
      await fields.nth(3).getByLabel('Help text').fill('People who would use Switchyard');
      await card.getByRole('button', { name: 'Add a field' }).click();
      await fields.nth(4).getByLabel('Label').fill('Plan');
      await fields.nth(4).getByLabel('Type').selectOption('choice');
      await fields.nth(4).getByLabel('Options').fill('Starter\nTeam\nEnterprise');
      await fields.nth(4).getByLabel('Required').check();
      assert.equal(await fields.nth(4).getByLabel('Key').inputValue(), 'plan');
      // The message moves to the end.
      await card.getByRole('button', { name: 'Move field 3 down' }).click();
      await card.getByRole('button', { name: 'Move field 4 down' }).click();
      assert.match(await fields.nth(4).locator('legend').innerText(), /Field 5: Message/);

      await saveAndPublish(page);
      const saved = await stored(workflow);
      assert.equal(saved.trigger.type, 'form');
      const url = saved.trigger.url as string;
      assert.equal(url, `${env.base}/forms/${saved.trigger.token}`);
      await card.getByText(url, { exact: true }).waitFor();
      await card.getByText('Anyone with this link can fill in the form').waitFor();
      await env.screenshot('trigger-form-builder.png', { locator: card });

      // Someone without an account opens the link in another browser window.
      const visitor = await env.browser.newContext({ viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1, locale: 'en-US' });
      try {
        const form = await visitor.newPage();
        await form.goto(url);
        await form.getByRole('heading', { name: 'Book a demo', level: 1 }).waitFor();
        assert.deepEqual(await seriousAxeViolations(form), [], 'the form page has no serious accessibility problem');
        // The browser checks first: an empty required field stops the sending.
        await form.getByRole('button', { name: 'Send' }).click();
        assert.equal(await form.locator('#f-name:invalid').count(), 1);
        assert.equal(form.url(), url);
        await form.getByLabel('Your name').fill('Ada Lovelace');
        await form.getByLabel('E-mail').fill('ada@example');
        await form.getByLabel('Team size').fill('12');
        await form.getByRole('radio', { name: 'Team', exact: true }).check();
        await form.getByLabel('Message').fill('We would like a demo <soon>.');
        // The server refuses what the browser let through; the page with the error is accessible too.
        await form.getByRole('button', { name: 'Send' }).click();
        await form.locator('#f-email-error').waitFor();
        assert.deepEqual(await seriousAxeViolations(form), [], 'the refused form page has no serious accessibility problem');
        assert.equal(await form.getByLabel('Message').inputValue(), 'We would like a demo <soon>.');
        await form.getByLabel('E-mail').fill('ada@example.com');
        await env.screenshot('hosted-form.png', { locator: form.locator('main') });
        await form.getByRole('button', { name: 'Send' }).click();
        await form.getByText('Thank you, we will be in touch.').waitFor();
      } finally {
        await visitor.close();
      }

      // And with JavaScript switched off, on a phone-sized screen: the server checks the answers too.
      const noScript = await env.browser.newContext({
        viewport: { width: 390, height: 844 },
        deviceScaleFactor: 1,
        locale: 'en-US',
        javaScriptEnabled: false,
      });
      try {
        const form = await noScript.newPage();
        await form.goto(url);
        await form.getByLabel('Your name').fill('Grace Hopper');
        // The browser accepts an address without a dot in its domain; the server does not.
        await form.getByLabel('E-mail').fill('grace@localhost');
        await form.getByLabel('Team size').fill('3');
        await form.getByRole('radio', { name: 'Starter' }).check();
        await form.getByRole('button', { name: 'Send' }).click();
        await form.getByText('There is a problem').waitFor();
        await form.locator('#f-email-error').getByText('E-mail must be an e-mail address').waitFor();
        assert.equal(await form.getByLabel('Your name').inputValue(), 'Grace Hopper', 'the answers are kept');
        assert.equal(await form.getByLabel('E-mail').getAttribute('aria-invalid'), 'true');
        await env.screenshot('hosted-form-error.png', { locator: form.locator('main'), fullPage: true });
        await form.getByLabel('E-mail').fill('grace@example.com');
        await form.getByRole('button', { name: 'Send' }).click();
        await form.getByText('Thank you, we will be in touch.').waitFor();
      } finally {
        await noScript.close();
      }

      // A new address: the old link is gone at once, the card shows the new one.
      await card.getByRole('button', { name: 'New address' }).click();
      await page.getByRole('dialog', { name: 'Give the form a new address?' }).getByRole('button', { name: 'New address' }).click();
      await card.getByText('The form has a new address; the old link no longer works.').waitFor();
      const rotated = (await stored(workflow)).trigger;
      assert.notEqual(rotated.token, saved.trigger.token);
      await card.getByText(rotated.url as string, { exact: true }).waitFor();
      assert.equal((await fetch(url)).status, 404);
      assert.equal((await fetch(rotated.url as string)).status, 200);

      // The owner's window sees the two runs the form started, with the answers.
      const requests = await env.request<{ items: Array<{ verdict: string; runId: string | null }> }>(
        'GET',
        `/api/workflows/${workflow.id}/requests?verdict=form`,
      );
      assert.equal(requests.body.items.length, 2);
      const runs: Run[] = [];
      for (const r of requests.body.items) runs.push(await env.waitForRun(r.runId as string));
      assert.deepEqual(runs.map((r) => r.status).sort(), ['succeeded', 'succeeded']);
      const leads = env.received.filter((r) => r.url === '/leads').map((r) => r.body as Record<string, unknown>);
      assert.deepEqual(leads.map((l) => l.name).sort(), ['Ada Lovelace', 'Grace Hopper']);
      assert.ok(leads.some((l) => l.team_size === 12 && l.plan === 'Team' && l.message === 'We would like a demo <soon>.'));

      const ada = runs.find((r) => (r.trigger.body as { name?: string }).name === 'Ada Lovelace') as Run;
      await page.goto(`${env.base}/workflows/${workflow.id}`);
      for (const run of runs) await page.getByRole('link', { name: new RegExp(`^Run ${run.id}, `) }).waitFor({ timeout: UI_TIMEOUT_MS });
      await page.getByRole('link', { name: new RegExp(`^Run ${ada.id}, `) }).click();
      await page.waitForURL(`**/runs/${ada.id}`);
      await page.getByText('"Ada Lovelace"', { exact: true }).first().waitFor();
      await env.screenshot('hosted-form-run.png');
    }),
  );
});
