// Browser test of safe change (issue 16) and dry runs (issue 19.2): a live workflow is edited while
// a webhook sent during the edit runs the published version; the draft is rehearsed on recent
// requests and shows exactly the request where one field differs; a dry run of "Test workflow"
// sends nothing and shows what would have been sent; publish, diff and restore.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import type { Run, Workflow } from './support/contract.ts';
import { browserSkipReason, type Environment, startEnvironment, failureShots } from './support/environment.ts';

let env: Environment;
const state = {} as { workflow: Workflow; requestIds: string[] };

async function sendHook(workflow: Workflow, payload: unknown): Promise<string> {
  const response = await fetch(`${env.base}/hooks/${workflow.trigger.token}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(payload),
  });
  const body = (await response.json()) as { runId: string };
  assert.equal(response.status, 202);
  return body.runId;
}

async function replaceEditorText(page: Page, locator: Locator, text: string) {
  await locator.click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.press('Backspace');
  await page.keyboard.insertText(text);
}

const EXPRESSION = '{ "order": trigger.body.id, "tier": trigger.body.amount > 50 ? "gold" : "basic" }';
const withFailureShot = failureShots(() => env, 'versions-');

describe('drafts, versions, rehearsal and dry run in Chromium', { skip: browserSkipReason() }, () => {
  before(async () => {
    env = await startEnvironment({ name: 'versions_e2e' });
  });

  after(async () => {
    await env?.stop();
  });

  test('a live workflow with recent requests', async () => {
    const { status, body } = await env.request<Workflow>('POST', '/api/workflows', {
      name: 'Tier orders',
      trigger: { type: 'webhook' },
      steps: [
        { id: 'shape', type: 'map', expression: EXPRESSION },
        { id: 'send', type: 'http', method: 'POST', url: `${env.sinkBase}/tiers/{{ steps.shape.order }}`, body: 'steps.shape' },
      ],
    });
    assert.equal(status, 201);
    state.workflow = body;
    for (const [id, amount] of [
      ['r1', 10],
      ['r2', 80],
      ['r3', 20],
    ] as const) {
      const run = await env.waitForRun(await sendHook(body, { id, amount }));
      assert.equal(run.status, 'succeeded');
    }
  });

  test(
    'editing saves a draft while the trigger runs the published version; a rehearsal shows the one request that differs',
    withFailureShot('edit', async () => {
      const { page } = env;
      const { workflow } = state;
      await page.goto(`${env.base}/workflows/${workflow.id}/edit`);
      const output = page.getByRole('textbox', { name: 'Output', exact: true }).first();
      await output.waitFor();
      await replaceEditorText(page, output, EXPRESSION.replace('"gold"', '"platinum"'));
      await page.getByRole('button', { name: 'Save', exact: true }).click();
      await page.getByText('All changes saved').waitFor();
      await page.getByText('Draft: unpublished changes.').waitFor();

      // A webhook sent while the draft is edited runs version 1.
      const during = await env.waitForRun(await sendHook(workflow, { id: 'during', amount: 99 }));
      assert.equal((during as Run & { version: number }).version, 1);
      assert.deepEqual(env.received.find((entry) => entry.url === '/tiers/during')?.body, { order: 'during', tier: 'gold' });

      // Rehearse on the last 2 accepted requests, r3 (basic) and "during" (gold): only "during" differs.
      const sinkBefore = env.received.length;
      const panel = page.locator('#workflow-rehearsal');
      await panel.getByLabel('Requests').fill('2');
      await panel.getByRole('button', { name: 'Rehearse' }).click();
      await panel.getByText('1 same, 1 differs, 0 new failures').waitFor();
      await panel.getByText('output.tier').waitFor();
      await panel.getByText('"platinum"').first().waitFor();
      assert.equal(await panel.locator('.sy-rehearsal__item').count(), 1, 'only the request where the tier changes is listed');
      assert.equal(env.received.length, sinkBefore, 'the rehearsal sent nothing');
      await env.screenshot('versions-rehearsal.png', { locator: panel });

      // Test workflow on a live workflow is a dry run by default: nothing is sent, what would be is shown.
      const picker = page.getByRole('combobox', { name: 'Sample request' });
      const requests = await env.request<{ items: Array<{ id: string }> }>('GET', `/api/workflows/${workflow.id}/requests?limit=1`);
      await picker.selectOption(requests.body.items[0].id);
      assert.equal(await page.getByRole('checkbox', { name: 'Dry run' }).isChecked(), true);
      await page.getByRole('button', { name: 'Test workflow' }).click();
      const result = page.locator('#workflow-test');
      await result.getByText(/Dry run: every step ran once/).waitFor();
      await result.getByText('What would have been sent').waitFor();
      assert.equal(env.received.length, sinkBefore, 'the dry run sent nothing');
      await env.screenshot('versions-dry-run.png', { locator: result });

      // "Test this step" says it sends for real; its Dry run records instead.
      const send = page.locator('li.sy-step-card').nth(1);
      await send.locator('h3').first().click();
      await send.getByText('Sends it for real with the sample data.').waitFor();
      await send.getByRole('button', { name: 'Dry run', exact: true }).click();
      await send.getByLabel('Test result').getByText('dry run on the sample: nothing was sent').waitFor();
      await send.getByLabel('Test result').getByText('What would have been sent').waitFor();
      assert.equal(env.received.length, sinkBefore, 'the step dry run sent nothing');

      // Unticking it says in plain words that the test is real.
      await page.getByRole('checkbox', { name: 'Dry run' }).uncheck();
      await page.getByText(/Test workflow runs for real: calls, messages and e-mails in it are really sent/).waitFor();
      await page.getByRole('checkbox', { name: 'Dry run' }).check();
    }),
  );

  test(
    'publish with a message, see the diff in the Versions panel, and restore version 1',
    withFailureShot('publish', async () => {
      const { page } = env;
      const { workflow } = state;
      await page.getByRole('button', { name: 'Publish', exact: true }).click();
      const dialog = page.getByRole('dialog', { name: 'Publish version 2?' });
      await dialog.getByLabel(/Message/).fill('Platinum for big orders');
      await dialog.getByRole('button', { name: 'Publish', exact: true }).click();
      await page.getByText('Draft: unpublished changes.').waitFor({ state: 'detached' });
      const after = await env.waitForRun(await sendHook(workflow, { id: 'after', amount: 99 }));
      assert.equal((after as Run & { version: number }).version, 2);
      assert.deepEqual(env.received.find((entry) => entry.url === '/tiers/after')?.body, { order: 'after', tier: 'platinum' });

      const versions = page.locator('#workflow-versions');
      const v2 = versions.getByRole('listitem', { name: 'Version 2' });
      await v2.getByText('Platinum for big orders').waitFor();
      await v2.getByText('Live', { exact: true }).waitFor();
      const v1 = versions.getByRole('listitem', { name: 'Version 1' });
      await v1.getByRole('button', { name: 'Compare with live' }).click();
      const diff = versions.getByLabel('Changes from Version 1 to Version 2 (live)');
      await diff.getByText('Step "shape" (map): expression changed').waitFor();
      await env.screenshot('versions-panel.png', { locator: versions });

      await v1.getByRole('button', { name: 'Restore' }).click();
      await page.getByText('Draft: unpublished changes.').waitFor();
      const draft = await env.request<{ steps: Array<{ expression?: string }>; basedOnVersion: number }>(
        'GET',
        `/api/workflows/${workflow.id}/draft`,
      );
      assert.equal(draft.body.basedOnVersion, 1);
      assert.equal(draft.body.steps[0].expression, EXPRESSION);
      const output = page.getByRole('textbox', { name: 'Output', exact: true }).first();
      await output.getByText('"gold"').waitFor();
      await env.screenshot('versions-draft-bar.png', { locator: page.locator('.sy-builder__header') });
      // Still version 2 runs until the restored draft is published.
      const still = await env.waitForRun(await sendHook(workflow, { id: 'still', amount: 99 }));
      assert.equal((still as Run & { version: number }).version, 2);
    }),
  );
});
