// Browser test of the workflow health view (issue 18): a workflow takes accepted and refused
// requests, the Health tab charts them per hour, counts its runs by status, shows the last success,
// and shows the refused-spike alert as alerting once the server's watch job has sent it.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Workflow } from './support/contract.ts';
import { eventually } from './support/eventually.ts';
import { browserSkipReason, type Environment, failureShots, startEnvironment } from './support/environment.ts';

let env: Environment;
const withFailureShot = failureShots(() => env, 'health-');

describe('workflow health view in Chromium', { skip: browserSkipReason() }, () => {
  before(async () => {
    env = await startEnvironment({ name: 'health_e2e', extraEnv: { SWITCHYARD_ALERT_INTERVAL_MS: '500' } });
  });

  after(async () => {
    await env?.stop();
  });

  test(
    'charts requests per hour by verdict, runs by status, the last success and the spike alert',
    withFailureShot('view', async () => {
      const { status, body: workflow } = await env.request<Workflow>('POST', '/api/workflows', {
        name: 'Payments from the shop',
        trigger: { type: 'webhook', verify: { scheme: 'header-token', secrets: ['shop-secret-12345'] } },
        steps: [{ id: 'shape', type: 'map', expression: 'trigger.body' }],
        alerts: { webhookUrl: `${env.sinkBase}/alerts`, refusedSpike: { count: 2, minutes: 10 } },
      });
      assert.equal(status, 201);
      const send = (token: string) =>
        fetch(`${env.base}/hooks/${workflow.trigger.token}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: token },
          body: '{"amount":12}',
        });
      const runIds: string[] = [];
      for (let i = 0; i < 3; i++) {
        const res = await send('shop-secret-12345');
        assert.equal(res.status, 202);
        runIds.push(((await res.json()) as { runId: string }).runId);
      }
      for (let i = 0; i < 2; i++) assert.equal((await send('an-old-secret')).status, 401);
      for (const id of runIds) assert.equal((await env.waitForRun(id)).status, 'succeeded');
      await eventually(
        async () =>
          env.received.filter((r) => r.url === '/alerts' && (r.body as { event?: string }).event === 'workflow.refused_spike').length,
        1,
        'the refused-spike alert reached its URL once',
      );

      const page = env.page;
      await page.goto(`${env.base}/workflows/${workflow.id}`);
      await page.getByRole('link', { name: 'Health' }).click();
      await page.waitForURL(`**/workflows/${workflow.id}/health`);
      const chart = page.getByTestId('requests-chart');
      await chart.waitFor();
      assert.match((await chart.getAttribute('aria-label')) ?? '', /^3 accepted, 2 refused, 0 other requests in the last 7 days/);
      const counted = async (kind: string) =>
        (
          await chart.locator(`rect[data-kind="${kind}"]`).evaluateAll((rects) => rects.map((r) => Number(r.getAttribute('data-count'))))
        ).reduce((a, b) => a + b, 0);
      assert.equal(await counted('accepted'), 3);
      assert.equal(await counted('refused'), 2);
      await page.getByText('Accepted 3').waitFor();
      await page.getByText('Refused 2').waitFor();

      const runs = page.getByRole('list', { name: 'Runs by status' });
      assert.match((await runs.innerText()).replace(/\s+/g, ' '), /Succeeded 3/);
      const last = page.locator('#health-last');
      assert.doesNotMatch(await last.innerText(), /Last success\s*Never/);
      await last.getByText('Refused requests spike').waitFor();
      await last.getByText('Alerting').waitFor();
      await env.screenshot('workflow-health.png', { locator: page.locator('.sy-health') });
    }),
  );
});

describe('watch alert settings in Chromium', { skip: browserSkipReason() }, () => {
  before(async () => {
    env = await startEnvironment({ name: 'health_settings_e2e' });
  });

  after(async () => {
    await env?.stop();
  });

  test(
    'sets a quiet-workflow alert on the Reliability card, which needs somewhere to send it',
    withFailureShot('settings', async () => {
      const { body: workflow } = await env.request<Workflow>('POST', '/api/workflows', {
        name: 'Daily export',
        trigger: { type: 'webhook' },
        steps: [{ id: 'shape', type: 'map', expression: 'trigger.body' }],
      });
      const page = env.page;
      await page.goto(`${env.base}/workflows/${workflow.id}`);
      const card = page.locator('#workflow-reliability');
      await card.getByLabel('Alert when quiet for (hours)').fill('24');
      await card.getByRole('button', { name: 'Save reliability settings' }).click();
      await card.getByText('needs somewhere to send the alert: set alerts.webhookUrl or alerts.email').waitFor();

      await card.getByLabel('Dead-letter alert URL').fill(`${env.sinkBase}/alerts`);
      await card.getByLabel('Alert when refused requests reach').fill('20');
      await card.getByLabel('Within (minutes)').fill('5');
      await card.getByRole('button', { name: 'Save reliability settings' }).click();
      await card.getByText('Saved.').waitFor();
      const saved = await env.request<Workflow>('GET', `/api/workflows/${workflow.id}`);
      assert.deepEqual(saved.body.alerts, {
        webhookUrl: `${env.sinkBase}/alerts`,
        minIntervalMinutes: 60,
        quietHours: 24,
        refusedSpike: { count: 20, minutes: 5 },
      });
    }),
  );
});
