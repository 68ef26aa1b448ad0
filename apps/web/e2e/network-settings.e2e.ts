// Browser test of issue 14: a trigger URL on this machine says the internet cannot reach it and what
// to do; an HTTP step to a private address is flagged while its URL is typed; an admin allows the
// range in Settings → Network and the step then passes without a restart; a public base URL set there
// changes the trigger URLs at once; "Send a test event" lands a signed GitHub push that becomes the
// sample, while an unsigned request is refused and does not; `.length` gets the JSONata spelling.
// The pages pass an axe-core check (no serious or critical violations).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import type { Workflow } from './support/contract.ts';
import { seriousAxeViolations } from './support/axe.ts';
import { browserSkipReason, type Environment, failureShots, startEnvironment } from './support/environment.ts';

let env: Environment;
const withFailureShot = failureShots(() => env, 'network-');

function card(page: Page, stepId: string): Locator {
  return page.locator(`li.sy-step-card[data-step-id="${stepId}"]`);
}

async function expectNoSeriousViolations(page: Page, where: string) {
  const violations = await seriousAxeViolations(page);
  assert.deepEqual(violations, [], `axe-core: serious or critical violations on ${where}`);
}

describe('network settings (issue 14)', { skip: browserSkipReason() }, () => {
  let workflow: Workflow;

  before(async () => {
    // No environment allow-list: the sink on 127.0.0.1 is refused until the workspace allows it.
    env = await startEnvironment({ name: 'network', extraEnv: { SWITCHYARD_EGRESS_ALLOW: '' } });
    const created = await env.request<Workflow>('POST', '/api/workflows', {
      name: 'Post to the LAN chat',
      active: false,
      trigger: { type: 'webhook' },
      steps: [{ id: 'post', name: 'Post to chat', type: 'http', method: 'POST', url: `${env.sinkBase}/chat`, body: '{"text": "hi"}' }],
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    workflow = created.body;
  });

  after(async () => {
    await env?.stop();
  });

  test(
    'a trigger URL on this machine says the internet cannot reach it, and what to do',
    withFailureShot('reachability', async () => {
      const { page } = env;
      await page.goto(`${env.base}/workflows/${workflow.id}/edit`);
      const note = page.getByRole('note', { name: 'Trigger URL not reachable from the internet' });
      await note.getByText('127.0.0.1 means “this computer”').waitFor();
      await note.getByText('ngrok http 3000').waitFor();
      await note.getByRole('link', { name: 'open the Network page' }).waitFor();
      await env.screenshot('builder-reachability.png', { locator: page.locator('.sy-trigger-card') });
      // The workflow page says it too.
      await page.goto(`${env.base}/workflows/${workflow.id}`);
      await page.getByRole('note', { name: 'Trigger URL not reachable from the internet' }).waitFor();
      await expectNoSeriousViolations(page, 'the workflow page');
    }),
  );

  test(
    'an HTTP step to a refused address is flagged; allowed in Settings, it passes at once',
    withFailureShot('egress', async () => {
      const { page } = env;
      await page.goto(`${env.base}/workflows/${workflow.id}/edit`);
      const http = card(page, 'post');
      const warning = http.getByRole('alert').filter({ hasText: 'Switchyard will refuse to call this URL' });
      await warning.getByText(/127\.0\.0\.1 is a loopback address/).waitFor();
      await expectNoSeriousViolations(page, 'the builder');

      // A sample from "Send a test event" (recorded while the workflow is off), so that the step can be tested.
      await page.getByRole('button', { name: 'Send a test event' }).click();
      await page.getByText(/Sent a sample JSON test event to the trigger URL: recorded \(the workflow is off, so no run\)/).waitFor();

      // Before: the test fails with the guard's refusal.
      await http.getByRole('button', { name: 'Test this step' }).click();
      await http
        .getByLabel('Test result')
        .getByText(/loopback address/)
        .first()
        .waitFor();
      assert.equal(env.received.filter((r) => r.url === '/chat').length, 0);

      await warning.getByRole('link', { name: 'allow it on the Network page' }).click();
      await page.waitForURL(/\/settings\/network$/);
      await page.getByRole('heading', { name: 'Allowed private hosts' }).waitFor();
      await page.getByLabel('Hosts and ranges, one per line').fill('10.0.0.0/99');
      await page.getByRole('button', { name: 'Save allowed hosts' }).click();
      await page.getByText('“10.0.0.0/99” is not a valid CIDR range').waitFor();
      await page.getByLabel('Hosts and ranges, one per line').fill('127.0.0.0/8\nchat.lan');
      await page.getByRole('button', { name: 'Save allowed hosts' }).click();
      await page.getByRole('status').filter({ hasText: 'Saved: HTTP steps can reach them now.' }).waitFor();

      await page.getByRole('textbox', { name: 'URL', exact: true }).fill(`${env.sinkBase}/chat`);
      await page.getByRole('button', { name: 'Check' }).click();
      await page.getByText('Allowed by this workspace’s list.').waitFor();
      await expectNoSeriousViolations(page, 'Settings → Network');
      await env.screenshot('settings-network.png');

      // Back in the builder: no warning, and the step reaches the sink without a restart.
      await page.goto(`${env.base}/workflows/${workflow.id}/edit`);
      await http.getByRole('button', { name: 'Test this step' }).click();
      await http.getByLabel('Test result').getByText('Succeeded', { exact: true }).waitFor();
      assert.equal(await warning.count(), 0, 'the warning is gone');
      assert.equal(env.received.filter((r) => r.url === '/chat').length, 1);

      const audit = await env.request<{ items: Array<{ action: string; after: unknown }> }>('GET', '/api/audit?limit=20');
      assert.deepEqual(audit.body.items.find((e) => e.action === 'settings.workspace-updated')?.after, {
        egressAllow: ['127.0.0.0/8', 'chat.lan'],
      });
    }),
  );

  test(
    'Send a test event lands a signed GitHub push that becomes the sample; a refused request does not',
    withFailureShot('test-event', async () => {
      const { page } = env;
      const created = await env.request<Workflow>('POST', '/api/workflows', {
        name: 'GitHub pushes to chat',
        active: true,
        trigger: { type: 'webhook', verify: { scheme: 'github', secrets: ['e2e-gh-secret-0815'] } },
        steps: [{ id: 'message', name: 'Write the message', type: 'map', expression: 'trigger.body.commits.length' }],
      });
      assert.equal(created.status, 201);
      const gh = created.body;
      await page.goto(`${env.base}/workflows/${gh.id}/edit`);

      // An unsigned request while listening is refused (401) and does not become the sample.
      await page.getByRole('button', { name: 'Listen for a test request' }).click();
      await page.getByText('Waiting for a request to the trigger URL…').waitFor();
      const unsigned = await fetch(`${env.base}/hooks/${gh.trigger.token}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"zen":"unsigned"}',
      });
      assert.equal(unsigned.status, 401);
      await page.getByText(/A request arrived but was refused \(401/).waitFor();
      await page.getByText('Waiting for a request to the trigger URL…').waitFor();
      await page.getByRole('button', { name: 'Stop listening' }).click();

      await page.getByRole('button', { name: 'Send a test event' }).click();
      await page.getByText(/Sent a sample GitHub push, signed with this trigger’s secret, to the trigger URL: accepted \(202\)/).waitFor();
      await page.locator('.sy-trigger-card__sample-data summary').waitFor();
      const requests = await env.request<{
        items: Array<{ verdict: string; statusCode: number; trigger: { headers: Record<string, string> } }>;
      }>('GET', `/api/workflows/${gh.id}/requests`);
      const accepted = requests.body.items.filter((r) => r.verdict === 'accepted');
      assert.equal(accepted.length, 1, 'one accepted, signed delivery in the Inbox');
      assert.equal(accepted[0].trigger.headers['x-github-event'], 'push');
      assert.match(accepted[0].trigger.headers['x-hub-signature-256'], /^sha256=/);

      // The expression uses a JavaScript habit: the builder gives the JSONata spelling.
      const habits = page.getByRole('list', { name: 'JavaScript habits' });
      await habits.getByText(/JSONata has no \.length: write \$count\(list\)/).waitFor();

      // The palette: pick the commit list, then "Number of items" turns it into $count(...).
      const output = page.locator('li.sy-step-card[data-step-id="message"]').getByRole('textbox', { name: 'Output', exact: true });
      await output.click();
      await page.keyboard.press('Control+A');
      await page.keyboard.press('Backspace');
      await page.getByRole('button', { name: 'Insert trigger.body.commits', exact: true }).click();
      const palette = page.getByRole('region', { name: 'Use trigger.body.commits as' });
      await palette.getByRole('button', { name: /^Number of items/ }).click();
      await page.waitForFunction(() =>
        [...document.querySelectorAll('li.sy-step-card[data-step-id="message"] .cm-content')].some(
          (node) => node.textContent === '$count(trigger.body.commits)',
        ),
      );
      await page.locator('li.sy-step-card[data-step-id="message"]').getByLabel('Preview result').getByText('2', { exact: true }).waitFor();
      assert.equal(await habits.count(), 0, 'no habit left once $count is used');
      await expectNoSeriousViolations(page, 'the builder with a sample');
      await env.screenshot('builder-test-event.png', { locator: page.locator('.sy-trigger-card') });
    }),
  );

  test(
    'the public base URL set in Settings changes the trigger URLs at once',
    withFailureShot('public-url', async () => {
      const { page } = env;
      await page.goto(`${env.base}/settings/network`);
      await page.getByText('Not reachable from the internet').waitFor();
      await page.getByLabel('Public base URL').fill('hooks.example.com');
      await page.getByRole('button', { name: 'Save public address' }).click();
      await page.getByText('must be an absolute http(s) URL').waitFor();
      await page.getByLabel('Public base URL').fill('https://hooks.example.com/');
      await page.getByRole('button', { name: 'Save public address' }).click();
      await page.getByRole('status').filter({ hasText: 'Saved: trigger URLs use it now.' }).waitFor();

      await page.goto(`${env.base}/workflows/${workflow.id}/edit`);
      await page.locator('.sy-trigger-card').getByText(`https://hooks.example.com/hooks/${workflow.trigger.token}`).waitFor();
      assert.equal(await page.getByRole('note', { name: 'Trigger URL not reachable from the internet' }).count(), 0);
    }),
  );
});
