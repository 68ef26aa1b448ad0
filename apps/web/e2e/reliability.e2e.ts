// Browser test of the reliability settings (issue 7): a user sets a concurrency limit, switches on
// auto-replay with a short schedule and a dead-letter alert, and finds the run that used up its
// schedule under "Dead letters only", marked "Dead letter", while the alert reached its URL.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { PageResponse, RunSummary, Workflow } from './support/contract.ts';
import { eventually } from './support/eventually.ts';
import { browserSkipReason, type Environment, sleep, startEnvironment, failureShots } from './support/environment.ts';

let env: Environment;
/** Filled by the first test, read by the second. */
const state = {} as { workflow: Workflow; runId: string };

const withFailureShot = failureShots(() => env, 'reliability-');

describe('reliability settings and dead letters in Chromium', { skip: browserSkipReason() }, () => {
  before(async () => {
    env = await startEnvironment({ name: 'reliability_e2e' });
  });

  after(async () => {
    await env?.stop();
  });

  test(
    'sets a concurrency limit, auto-replay and an alert on the workflow page',
    withFailureShot('settings', async () => {
      const { status, body } = await env.request<Workflow>('POST', '/api/workflows', {
        name: 'Flaky partner',
        trigger: { type: 'webhook' },
        steps: [
          {
            id: 'notify',
            type: 'http',
            method: 'POST',
            url: `${env.sinkBase}/fail/partner`,
            body: 'trigger.body',
            retry: { maxAttempts: 1 },
          },
        ],
      });
      assert.equal(status, 201);
      state.workflow = body;
      const page = env.page;
      await page.goto(`${env.base}/workflows/${body.id}`);
      const card = page.locator('#workflow-reliability');
      await card.getByRole('heading', { name: 'Reliability' }).waitFor();

      // A limit of 0 is refused with the API's message under the field.
      await card.getByLabel('Concurrent runs').fill('0');
      await card.getByRole('button', { name: 'Save reliability settings' }).click();
      await card.getByText('must be at least 1').waitFor();

      // This server has no SMTP relay: the alert e-mail field is off and says why.
      const email = card.getByLabel('Dead-letter alert e-mail');
      assert.ok(await email.isDisabled(), 'the e-mail field is disabled without SMTP');
      await card.getByText(/this server has no SMTP server configured/).waitFor();

      await card.getByLabel('Concurrent runs').fill('2');
      await card.getByLabel('Replay failed runs automatically').check();
      await card.getByLabel('Replay schedule').fill('1s');
      await card.getByLabel('Dead-letter alert URL').fill(`${env.sinkBase}/alerts`);
      await card.getByRole('button', { name: 'Save reliability settings' }).click();
      await card.getByText('Saved.').waitFor();

      const saved = await env.request<Workflow>('GET', `/api/workflows/${body.id}`);
      assert.equal(saved.body.concurrency, 2);
      assert.deepEqual(saved.body.autoReplay, { enabled: true, schedule: ['1s'] });
      assert.deepEqual(saved.body.alerts, { webhookUrl: `${env.sinkBase}/alerts`, minIntervalMinutes: 60 });
    }),
  );

  test(
    'a run that fails twice is a dead letter: filtered, badged, and alerted once',
    withFailureShot('dead-letter', async () => {
      const response = await fetch(`${env.base}/hooks/${state.workflow.trigger.token}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"order":1}',
      });
      assert.equal(response.status, 202);
      const deadline = Date.now() + 30_000;
      let letters: RunSummary[] = [];
      while (letters.length === 0 && Date.now() < deadline) {
        letters = (await env.request<PageResponse<RunSummary>>('GET', `/api/workflows/${state.workflow.id}/runs?deadLetter=true`)).body
          .items;
        if (letters.length === 0) await sleep(200);
      }
      assert.equal(letters.length, 1, 'the replayed run became a dead letter');
      state.runId = letters[0].id;

      const page = env.page;
      await page.goto(`${env.base}/workflows/${state.workflow.id}`);
      const table = page.getByRole('table').first();
      await table.getByText('Dead letter', { exact: true }).first().waitFor();
      // The box follows the URL, which the click changes: it shows checked once the list has navigated.
      const deadLettersOnly = page.getByLabel('Dead letters only');
      await deadLettersOnly.click();
      await eventually(() => deadLettersOnly.isChecked(), true, 'Dead letters only is checked');
      await table.getByRole('link', { name: new RegExp(`^Run ${state.runId}`) }).waitFor();
      assert.match(page.url(), /deadLetter=true/);
      await table.getByRole('link', { name: new RegExp(`^Run ${state.runId}`) }).click();
      await page.locator('#run-summary').getByText('Dead letter', { exact: true }).waitFor();

      assert.equal(env.received.filter((r) => r.url === '/alerts').length, 1);
      assert.equal((env.received.find((r) => r.url === '/alerts')!.body as { event: string }).event, 'run.dead_lettered');
      assert.deepEqual(env.pageErrors, []);
    }),
  );
});
