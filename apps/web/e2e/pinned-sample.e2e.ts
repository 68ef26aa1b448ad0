// Browser test of issue 14 items 4 (rest), 5, 6 and 7: the sample is pinned with the workflow and
// seen from a second browser; a path to a field the sample lacks is flagged with the nearest one;
// template and expression fields carry one cue; runs name steps by their names; "Open in builder"
// from a failed run opens the failing step; the replay menu explains its four choices.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { seriousAxeViolations } from './support/axe.ts';
import type { InboundRequestSummary, ListResponse, Workflow } from './support/contract.ts';
import { browserSkipReason, type Environment, startEnvironment, failureShots } from './support/environment.ts';

let env: Environment;
const state = {} as { workflow: Workflow; runId: string; requestIds: string[] };

async function replaceEditorText(page: Page, locator: Locator, text: string) {
  await locator.click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.press('Backspace');
  await page.keyboard.insertText(text);
}

/** Opens a step card (its heading button toggles it), however the page settled around the click. */
async function openCard(card: Locator) {
  const toggle = card.locator('.sy-step-card__toggle').first();
  for (let attempt = 0; attempt < 3; attempt++) {
    if ((await toggle.getAttribute('aria-expanded')) === 'true') return;
    await toggle.click();
    await card
      .locator('.sy-step-card__toggle[aria-expanded="true"]')
      .first()
      .waitFor({ timeout: 5_000 })
      .catch(() => undefined);
  }
  assert.equal(await toggle.getAttribute('aria-expanded'), 'true', 'the step card opened');
}

const withFailureShot = failureShots(() => env, 'pinned-');

describe('pinned sample, step names and opening the failed step in Chromium', { skip: browserSkipReason() }, () => {
  before(async () => {
    env = await startEnvironment({ name: 'pinned_sample_e2e' });
  });

  after(async () => {
    await env?.stop();
  });

  test('a workflow whose named step fails, with two recorded requests', async () => {
    const { status, body } = await env.request<Workflow>('POST', '/api/workflows', {
      name: 'Push to chat',
      trigger: { type: 'webhook' },
      steps: [
        {
          id: 'message',
          name: 'Write the message',
          type: 'map',
          expression: 'trigger.body.pusher.name & " pushed " & $string($count(trigger.body.commits)) & " commits"',
        },
        { id: 'slack_1', name: 'Post to Slack', type: 'http', method: 'POST', url: `${env.sinkBase}/fail`, body: 'steps.message' },
      ],
    });
    assert.equal(status, 201, JSON.stringify(body));
    state.workflow = body;
    for (const pusher of ['ada', 'grace']) {
      const response = await fetch(`${env.base}/hooks/${body.trigger.token}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ pusher: { name: pusher }, commits: [{ id: 'a1' }, { id: 'b2' }], repository: { full_name: 'acme/shop' } }),
      });
      const answer = (await response.json()) as { runId: string };
      assert.equal(response.status, 202);
      state.runId ??= answer.runId;
    }
    assert.equal((await env.waitForRun(state.runId)).status, 'failed');
    const requests = await env.request<ListResponse<InboundRequestSummary>>('GET', `/api/workflows/${body.id}/requests`);
    state.requestIds = requests.body.items.map((item) => item.id);
    assert.equal(state.requestIds.length, 2);
  });

  test(
    'a sample picked in one browser is pinned, and a second browser context opens the builder on it',
    withFailureShot('pin', async () => {
      const { page } = env;
      const older = state.requestIds[1];
      await page.goto(`${env.base}/workflows/${state.workflow.id}/edit`);
      const picker = page.getByRole('combobox', { name: 'Sample request' });
      await picker.waitFor();
      await picker.selectOption(older);
      await page.getByText('This sample is pinned for everyone who opens this workflow').waitFor();
      const pinned = await env.request<{ sample: { requestId: string } | null }>('GET', `/api/workflows/${state.workflow.id}/sample`);
      assert.equal(pinned.body.sample?.requestId, older);

      const second = await env.browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'en-US' });
      try {
        await env.signInContext(second);
        const other = await second.newPage();
        await other.goto(`${env.base}/workflows/${state.workflow.id}/edit`);
        const otherPicker = other.getByRole('combobox', { name: 'Sample request' });
        await otherPicker.waitFor();
        await other.getByText('This sample is pinned for everyone who opens this workflow').waitFor();
        assert.equal(await otherPicker.inputValue(), older, 'the second browser designs against the pinned sample');
        await other.locator('summary', { hasText: 'Sample data' }).click();
        await other.getByText('"ada"').first().waitFor();
      } finally {
        await second.close();
      }

      // Unpinned, the sample stays in this browser only, and can be pinned again.
      await page.getByRole('button', { name: 'Unpin' }).click();
      await page.getByText('This sample is only in your browser.').waitFor();
      await page.getByRole('button', { name: 'Pin for everyone' }).click();
      await page.getByText('This sample is pinned for everyone who opens this workflow').waitFor();
    }),
  );

  test(
    'a path to a field the sample lacks names the nearest one; template and expression fields are told apart',
    withFailureShot('fields', async () => {
      const { page } = env;
      const card = page.locator('li[data-step-id="message"]');
      await openCard(card);
      await card.locator('.sy-field-kind--expression').getByText('Expression').waitFor();
      await replaceEditorText(page, card.getByRole('textbox', { name: 'Output', exact: true }), '$count(trigger.body.comits)');
      await card.getByText('The sample has no field “comits” in trigger.body: did you mean “commits”?').waitFor();

      // Leave the draft as it was: the change is not saved.
      await openCard(card);
      await replaceEditorText(
        page,
        card.getByRole('textbox', { name: 'Output', exact: true }),
        'trigger.body.pusher.name & " pushed " & $string($count(trigger.body.commits)) & " commits"',
      );
      const post = page.locator('li[data-step-id="slack_1"]');
      await openCard(post);
      await post.locator('.sy-field-kind--template').first().getByText('Text with data').waitFor();
      await post.locator('.sy-field-kind--expression').first().waitFor();
      await post.getByText('ada pushed 2 commits').first().waitFor();
      await env.screenshot('builder-field-kinds.png', { locator: post });
      assert.deepEqual(await seriousAxeViolations(page), []);
    }),
  );

  test(
    'runs name the failed step by its name; "Open in builder" opens it; the replay menu explains its choices',
    withFailureShot('run', async () => {
      const { page } = env;
      page.once('dialog', (dialog) => void dialog.accept());
      await page.goto(`${env.base}/runs`);
      const table = page.getByRole('table', { name: 'Runs of every workflow' });
      await table.getByText('Post to Slack').filter({ visible: true }).first().waitFor();

      await page.goto(`${env.base}/runs/${state.runId}`);
      await page.getByRole('heading', { name: 'Step ‘Post to Slack’ failed' }).waitFor();
      await page.locator('#step-slack_1').getByRole('heading', { level: 3, name: 'Post to Slack' }).waitFor();
      await page.locator('#step-message').getByRole('heading', { level: 3, name: 'Write the message' }).waitFor();

      await page.getByRole('button', { name: 'Replay' }).click();
      const menu = page.getByRole('menu');
      await menu.getByText('Keeps what worked and runs the rest on the workflow as it is now: use it after a fix.').waitFor();
      await menu.getByText(/Keeps what worked and tries the rest again unchanged/).waitFor();
      await menu.getByText('Runs every step again, the ones that worked too, on the workflow as it is now.').waitFor();
      await menu.getByText(/Runs every step again, the ones that worked too, exactly as before/).waitFor();
      await page.keyboard.press('Escape');

      await page.getByRole('link', { name: 'Open ‘Post to Slack’ in the builder' }).click();
      await page.waitForURL((url) => url.pathname.endsWith('/edit') && url.searchParams.get('step') === 'slack_1');
      const toggle = page.getByRole('button', { name: /Post to Slack/ }).first();
      await page.waitForFunction(
        () => document.querySelector('li[data-step-id="slack_1"] .sy-step-card__toggle')?.getAttribute('aria-expanded') === 'true',
      );
      assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
      const box = await page.locator('li[data-step-id="slack_1"]').boundingBox();
      const viewport = page.viewportSize();
      assert.ok(box && viewport && box.y < viewport.height && box.y + Math.min(box.height, 200) > 0, 'the failing step is in view');
    }),
  );
});
