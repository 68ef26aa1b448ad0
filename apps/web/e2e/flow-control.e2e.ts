// Browser test of issue 17 item 8 (flow control by key): the trigger's advanced settings have a Flow
// control section; choosing Debounce with a key and a window saves the rule, the help says what the
// mode does, it has no serious accessibility problem and fits a 390 px screen.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Dialog } from 'playwright-core';
import { seriousAxeViolations } from './support/axe.ts';
import type { Workflow } from './support/contract.ts';
import { browserSkipReason, type Environment, failureShots, startEnvironment } from './support/environment.ts';

let env: Environment;
const withFailureShot = failureShots(() => env, 'flow-control-');

describe('flow control settings in Chromium', { skip: browserSkipReason() }, () => {
  before(async () => {
    env = await startEnvironment({ name: 'flow_control_e2e' });
  });

  after(async () => {
    await env?.stop();
  });

  test(
    'a debounce rule by customer is set in the trigger settings and saved',
    withFailureShot('debounce', async () => {
      const { page } = env;
      const { status, body: created } = await env.request<Workflow>('POST', '/api/workflows', {
        name: 'Customer updates, settled',
        active: false,
        trigger: { type: 'webhook' },
        steps: [{ id: 'latest', type: 'map', expression: 'trigger.body' }],
      });
      assert.equal(status, 201, JSON.stringify(created));
      const acceptDialog = (dialog: Dialog) => dialog.accept();
      page.on('dialog', acceptDialog);
      await page.goto(`${env.base}/workflows/${created.id}/edit`);
      page.off('dialog', acceptDialog);
      const card = page.locator('.sy-trigger-card');
      await card.getByText('Advanced settings').click();
      const section = card.getByRole('group', { name: 'Flow control' });
      await section.getByRole('combobox', { name: 'Mode' }).selectOption('debounce');
      await section.getByText('runs only the latest request of that key').waitFor();
      await section.getByRole('textbox', { name: 'Key', exact: true }).click();
      await page.keyboard.insertText('trigger.body.customer.id');
      await section.getByRole('spinbutton', { name: 'Quiet window (seconds)' }).fill('45');
      await page.getByRole('button', { name: 'Save', exact: true }).click();
      await page.getByText('All changes saved').waitFor();
      const { body: saved } = await env.request<Workflow>('GET', `/api/workflows/${created.id}`);
      assert.deepEqual((saved.trigger as { flowControl?: unknown }).flowControl, {
        mode: 'debounce',
        key: 'trigger.body.customer.id',
        windowSeconds: 45,
      });
      assert.deepEqual(await seriousAxeViolations(page), []);
      await section.scrollIntoViewIfNeeded();
      await env.screenshot('builder-flow-control.png', { locator: section });

      await page.setViewportSize({ width: 390, height: 844 });
      // Below the sticky builder header, which would cover the section's top.
      await section.evaluate((element) => window.scrollBy(0, element.getBoundingClientRect().top - 320));
      assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), 390, 'no sideways scroll at 390 px');
      await env.screenshot('builder-flow-control-390.png', { locator: section });
      await page.setViewportSize({ width: 1280, height: 800 });
    }),
  );
});
