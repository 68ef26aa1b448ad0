// Browser test of the app actions (issue 6): a user adds a Slack step through the builder's form,
// pointing it at a local sink, saves, turns the workflow on and triggers it; the sink gets the
// Slack payload. The test process plays the webhook sender and Slack.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Locator } from 'playwright-core';
import type { Workflow } from './support/contract.ts';
import { browserSkipReason, type Environment, startEnvironment, failureShots } from './support/environment.ts';

let env: Environment;

async function sendHook(token: string, payload: unknown) {
  const response = await fetch(`${env.base}/hooks/${token}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(payload),
  });
  const body = (await response.json().catch(() => null)) as { runId: string } | null;
  return { status: response.status, body };
}

/** The CodeMirror editor of a field, found by its accessible name. */
function editor(scope: Locator, name: string) {
  return scope.getByRole('textbox', { name, exact: true });
}

const withFailureShot = failureShots(() => env);

describe('app actions in the builder (Chromium)', { skip: browserSkipReason() }, () => {
  before(async () => {
    env = await startEnvironment({ name: 'app_actions_e2e' });
  });

  after(async () => {
    await env?.stop();
  });

  test(
    'a user adds a Slack step with the form, saves, triggers the workflow and the sink receives the Slack message',
    withFailureShot('slack', async () => {
      const { page } = env;
      await page.goto(`${env.base}/workflows/new`);
      await page.getByLabel('Name').fill('Orders to Slack');
      await page.getByRole('button', { name: 'Start blank' }).click();
      await page.waitForURL(/\/workflows\/[0-9a-f-]+\/edit$/);
      const workflowId = page.url().split('/workflows/')[1].split('/')[0];
      const { body: created } = await env.request<Workflow>('GET', `/api/workflows/${workflowId}`);
      await page.getByText('All changes saved').waitFor();

      // A sample request, so the form previews the message with real data.
      await page.getByRole('button', { name: 'Listen for a test request' }).click();
      await page.getByText('Waiting for a request to the trigger URL…').waitFor();
      const sample = await sendHook(created.trigger.token, { id: 'A-17', customer: 'Ann', total: 42.5 });
      assert.ok([202, 409].includes(sample.status), `the trigger URL accepted the sample (${sample.status})`);
      await page.getByRole('button', { name: 'Insert trigger.body.id' }).waitFor();

      // The step menu groups the app actions under "Apps".
      await page.getByRole('button', { name: 'Add the first step' }).click();
      const apps = page.getByRole('group', { name: 'Apps' });
      for (const label of ['Slack', 'Discord', 'Microsoft Teams', 'Telegram', 'Send signed webhook', 'Email']) {
        await apps.getByRole('menuitem', { name: new RegExp(`^${label}`) }).waitFor();
      }
      await apps.getByRole('menuitem', { name: /^Slack/ }).click();

      const card = page.locator('li.sy-step-card').first();
      const hookPath = '/slack/services/T0001/B0002/e2e';
      await editor(card, 'Webhook URL').click();
      await page.keyboard.insertText(`${env.sinkBase}${hookPath}`);
      await editor(card, 'Message').click();
      await page.keyboard.insertText('New order *{{ trigger.body.id }}* from {{ trigger.body.customer }}');
      await editor(card, 'Sender name').click();
      await page.keyboard.insertText('Shop bot');
      await editor(card, 'Icon emoji').click();
      await page.keyboard.insertText(':package:');
      // The preview under the message renders it with the sample.
      await card.getByText('New order *A-17* from Ann').first().waitFor();
      await env.screenshot('builder-app-actions.png', { locator: card });

      // Switching to a stored webhook URL offers the credential field instead of the URL, and back.
      await card.getByLabel('Send to').selectOption('credential');
      await card.getByLabel('Slack webhook credential').waitFor();
      await card.getByLabel('Send to').selectOption('url');
      await editor(card, 'Webhook URL').click();
      await page.keyboard.insertText(`${env.sinkBase}${hookPath}`);

      await page.getByRole('button', { name: 'Save', exact: true }).click();
      await page.getByText('All changes saved').waitFor();
      const { body: saved } = await env.request<Workflow>('GET', `/api/workflows/${workflowId}`);
      assert.deepEqual(saved.steps, [
        {
          id: 'slack_1',
          type: 'slack',
          url: `${env.sinkBase}${hookPath}`,
          text: 'New order *{{ trigger.body.id }}* from {{ trigger.body.customer }}',
          username: 'Shop bot',
          iconEmoji: ':package:',
          timeoutMs: 10000,
        },
      ]);

      await page.getByRole('switch', { name: 'Workflow is off: turn it on' }).click();
      await page.getByRole('switch', { name: 'Workflow is on: turn it off' }).waitFor();
      const before = env.received.length;
      const real = await sendHook(created.trigger.token, { id: 'B-42', customer: 'Grace', total: 10 });
      assert.equal(real.status, 202, JSON.stringify(real.body));
      const run = await env.waitForRun(real.body!.runId);
      assert.equal(run.status, 'succeeded', JSON.stringify(run));
      const posts = env.received.slice(before).filter((entry) => entry.url === hookPath);
      assert.equal(posts.length, 1, JSON.stringify(env.received));
      assert.equal(posts[0].method, 'POST');
      assert.match(String(posts[0].headers['content-type']), /^application\/json/);
      assert.deepEqual(posts[0].body, { text: 'New order *B-42* from Grace', username: 'Shop bot', icon_emoji: ':package:' });
      assert.equal(posts[0].headers['idempotency-key'], `${real.body!.runId}:slack_1`);
      await page.getByRole('link', { name: `Run ${real.body!.runId}, succeeded` }).waitFor({ timeout: 30_000 });
      assert.deepEqual(env.pageErrors, []);
    }),
  );
});
