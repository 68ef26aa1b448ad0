// Browser end-to-end test of a run waiting for approval (issue 17 item 7): the run page shows
// "Waiting for approval" with its one-time link; a second browser context, signed out, opens the
// approval page and presses Approve; the run finishes. Run: `npm run test-e2e` in apps/web.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Run, Workflow } from './support/contract.ts';
import { browserSkipReason, type Environment, startEnvironment } from './support/environment.ts';
import { eventually } from './support/eventually.ts';

let env: Environment;

describe('Approving a waiting run in Chromium', { skip: browserSkipReason() }, () => {
  before(async () => {
    env = await startEnvironment({ name: 'approval_e2e' });
  });

  after(async () => {
    await env?.stop();
  });

  test('a run waits for approval, its approval page approves it, and it finishes', async () => {
    const { status, body: workflow } = await env.request<Workflow>('POST', '/api/workflows', {
      name: 'Expense approval',
      trigger: { type: 'webhook' },
      steps: [
        { id: 'ask', type: 'map', expression: '"Approve " & trigger.body.amount & " EUR: " & $approvalUrl' },
        { id: 'approval', name: 'Manager approval', type: 'wait', mode: 'approval', timeoutAmount: 2, timeoutUnit: 'days' },
        { id: 'book', type: 'map', expression: '{ "booked": trigger.body.amount, "by": steps.approval.by }' },
      ],
    });
    assert.equal(status, 201, JSON.stringify(workflow));
    const hook = await fetch(`${env.base}/hooks/${workflow.trigger.token}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ amount: 120 }),
    });
    const { runId } = (await hook.json()) as { runId: string };
    await eventually(async () => (await env.request<Run>('GET', `/api/runs/${runId}`)).body.status, 'waiting', 'the run waits');

    const { page } = env;
    await page.goto(`${env.base}/runs/${runId}`);
    const waiting = page.getByRole('status').filter({ hasText: 'Waiting for approval' });
    await waiting.waitFor();
    const link = page.getByRole('link', { name: 'Open the approval page' });
    const href = await link.getAttribute('href');
    assert.ok(href && href.startsWith(`${env.base}/approve/`), `approval link ${href}`);
    await env.screenshot('run-waiting-for-approval.png');

    // Whoever gets the link in a message: another browser, not signed in.
    const stranger = await env.browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'en-US' });
    try {
      const approver = await stranger.newPage();
      await approver.goto(href);
      await approver.getByRole('heading', { name: 'Approval requested by “Expense approval”' }).waitFor();
      await approver.getByLabel('Your name (optional)').fill('Ada Lovelace');
      await env.screenshot('approval-page.png', { locator: approver.locator('main') });
      await approver.getByRole('button', { name: 'Approve' }).click();
      await approver.getByRole('status').filter({ hasText: 'Approved by Ada Lovelace' }).waitFor();
      // The link works once.
      await approver.goto(href);
      await approver.getByRole('status').filter({ hasText: 'Approved by Ada Lovelace. This link works once.' }).waitFor();
    } finally {
      await stranger.close();
    }

    const run = await env.waitForRun(runId);
    assert.equal(run.status, 'succeeded', JSON.stringify(run));
    assert.deepEqual(run.steps[2].output, { booked: 120, by: 'Ada Lovelace' });
    await page.reload();
    await page.getByText('Approved by Ada Lovelace').waitFor();
  });
});
