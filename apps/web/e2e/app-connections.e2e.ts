// Browser test of apps and connections (issue 13): a user adds a GitLab step, connects GitLab
// through the provider's consent window (a real OAuth 2 server, oauth2-mock-server, behind a local
// "GitLab" on loopback), picks a project from a live list, and the run creates the issue; then the
// provider refuses a token refresh and the form and the run say the connection needs reconnecting.
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { OAuth2Server } from 'oauth2-mock-server';
import type { Locator } from 'playwright-core';
import type { Workflow } from './support/contract.ts';
import { browserSkipReason, type Environment, startEnvironment, failureShots } from './support/environment.ts';

let env: Environment;
const oauth = new OAuth2Server();
let gitlab: { url: string; server: Server; issues: unknown[] };

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    let text = '';
    req.on('data', (c) => (text += c));
    req.on('end', () => resolve(text));
  });
}

/** A self-managed GitLab on loopback: /oauth is the real OAuth server, /api/v4 answers to the tokens it issued. */
async function startGitLab() {
  const issued = new Set<string>();
  const issues: unknown[] = [];
  oauth.service.on('beforeResponse', (response: { body: Record<string, unknown> }) => {
    if (typeof response.body.access_token !== 'string') return;
    issued.add(response.body.access_token);
    // Tokens that expire within Switchyard's refresh margin: every use refreshes first.
    response.body.expires_in = 30;
  });
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const body = await readBody(req);
    const send = (status: number, value: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(JSON.stringify(value));
    };
    if (url.pathname === '/oauth/authorize') {
      res.writeHead(302, { location: `${oauth.issuer.url}/authorize${url.search}` });
      return res.end();
    }
    if (url.pathname === '/oauth/token') {
      const answer = await fetch(`${oauth.issuer.url}/token`, {
        method: 'POST',
        headers: { 'content-type': String(req.headers['content-type']) },
        body,
      });
      res.writeHead(answer.status, { 'content-type': 'application/json' });
      return res.end(await answer.text());
    }
    if (!issued.has((req.headers.authorization ?? '').replace(/^Bearer /, ''))) return send(401, { message: '401 Unauthorized' });
    if (url.pathname === '/api/v4/user') return send(200, { id: 1, username: 'ada', email: 'ada@example.com' });
    if (url.pathname === '/api/v4/projects')
      return url.searchParams.get('page') === '2'
        ? send(200, [{ id: 5, path_with_namespace: 'shop/api' }], { 'x-next-page': '' })
        : send(200, [{ id: 4, path_with_namespace: 'shop/web' }], { 'x-next-page': '2' });
    if (url.pathname === '/api/v4/projects/4/issues' && req.method === 'POST') {
      issues.push(JSON.parse(body));
      return send(201, { id: 84, iid: 14, web_url: 'http://gitlab.local/shop/web/issues/14' });
    }
    return send(404, { message: '404 Not found' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server, issues };
}

async function sendHook(token: string, payload: unknown) {
  const response = await fetch(`${env.base}/hooks/${token}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(payload),
  });
  return { status: response.status, body: (await response.json().catch(() => null)) as { runId: string } | null };
}

function editor(scope: Locator, name: string) {
  return scope.getByRole('textbox', { name, exact: true });
}

const withFailureShot = failureShots(() => env);

describe('apps and connections in the builder (Chromium)', { skip: browserSkipReason() }, () => {
  before(async () => {
    await oauth.issuer.keys.generate('RS256');
    await oauth.start(0, '127.0.0.1');
    gitlab = await startGitLab();
    env = await startEnvironment({ name: 'app_connections_e2e' });
  });

  after(async () => {
    await env?.stop();
    await new Promise<void>((resolve) => (gitlab ? gitlab.server.close(() => resolve()) : resolve()));
    await oauth.stop();
  });

  test(
    'connects GitLab with OAuth, picks a project from a live list, runs; a refused refresh shows "needs reconnecting"',
    withFailureShot('app-connections', async () => {
      const { page } = env;
      await page.goto(`${env.base}/workflows/new`);
      await page.getByLabel('Name').fill('Orders to GitLab');
      await page.getByRole('button', { name: 'Start blank' }).click();
      await page.waitForURL(/\/workflows\/[0-9a-f-]+\/edit$/);
      const workflowId = page.url().split('/workflows/')[1].split('/')[0];
      const { body: created } = await env.request<Workflow>('GET', `/api/workflows/${workflowId}`);

      await page.getByRole('button', { name: 'Add the first step' }).click();
      await page
        .getByRole('group', { name: 'Apps' })
        .getByRole('menuitem', { name: /^App action/ })
        .click();
      const card = page.locator('li.sy-step-card').first();
      await card.getByLabel('Search apps').fill('git');
      await card.getByRole('button', { name: /GitLab/ }).click();
      await card.getByLabel('Action', { exact: true }).selectOption('create-issue');

      // Connect: the dialog shows the redirect URL to register, then the consent window returns to Switchyard.
      await card.getByRole('button', { name: 'Connect GitLab' }).click();
      const dialog = page.getByRole('dialog', { name: 'Connect GitLab' });
      await dialog.getByTestId('oauth-redirect-url').getByText(`${env.base}/api/connections/oauth/callback`, { exact: true }).waitFor();
      await dialog.getByLabel('GitLab URL').fill(gitlab.url);
      await dialog.getByLabel('Client ID').fill('switchyard-e2e');
      await dialog.getByLabel('Client secret').fill('e2e-client-secret-value');
      const popup = page.waitForEvent('popup');
      await dialog.getByRole('button', { name: 'Sign in with GitLab' }).click();
      const consent = await popup;
      await consent.getByText('Connected to GitLab').waitFor();
      await consent.getByText('Signed in as ada <ada@example.com>.').waitFor();
      await consent.close();
      await dialog.waitFor({ state: 'detached' });
      const connection = card.getByLabel('GitLab connection', { exact: true });
      assert.match(await connection.locator('option:checked').innerText(), /GitLab account · ada <ada@example.com>/);

      // The live list reads both pages of projects; search narrows it.
      const project = card.getByLabel('Project', { exact: true });
      await project.locator('option', { hasText: 'shop/api' }).waitFor({ state: 'attached' });
      await card.getByLabel('Search Project').fill('web');
      await project.selectOption({ label: 'shop/web' });
      await editor(card, 'Title').click();
      await page.keyboard.insertText('Order {{ trigger.body.id }}');
      await page.getByRole('button', { name: 'Save', exact: true }).click();
      await page.getByText('All changes saved').waitFor();
      const { body: saved } = await env.request<Workflow>('GET', `/api/workflows/${workflowId}`);
      const step = saved.steps[0] as { type: string; app: string; action: string; input: Record<string, string>; connectionId: string };
      assert.deepEqual(
        [step.type, step.app, step.action, step.input],
        ['app', 'gitlab', 'create-issue', { project: '4', title: 'Order {{ trigger.body.id }}' }],
      );

      await page.getByRole('switch', { name: 'Workflow is off: turn it on' }).click();
      await page.getByRole('switch', { name: 'Workflow is on: turn it off' }).waitFor();
      const first = await sendHook(created.trigger.token, { id: 'B-42' });
      assert.equal(first.status, 202);
      const run = await env.waitForRun(first.body!.runId);
      assert.equal(run.status, 'succeeded', JSON.stringify(run));
      assert.deepEqual(gitlab.issues, [{ title: 'Order B-42' }]);

      // The provider refuses the next refresh: the run fails saying why, the form says "needs reconnecting".
      oauth.service.once('beforeResponse', (response: { body: Record<string, unknown>; statusCode: number }) => {
        response.body = { error: 'invalid_grant', error_description: 'refresh token revoked' };
        response.statusCode = 400;
      });
      const second = await sendHook(created.trigger.token, { id: 'B-43' });
      const failed = await env.waitForRun(second.body!.runId);
      assert.equal(failed.status, 'failed');
      assert.match(JSON.stringify(failed), /needs reconnecting/);
      await page.goto(`${env.base}/runs/${second.body!.runId}`);
      await page
        .getByText(/needs reconnecting/)
        .first()
        .waitFor();
      await page.goto(`${env.base}/workflows/${workflowId}/edit`);
      const again = page.locator('li.sy-step-card').first();
      await again
        .getByText(/^needs reconnecting: refreshing its token failed/)
        .first()
        .waitFor();
      assert.match(
        await again.getByLabel('GitLab connection', { exact: true }).locator('option:checked').innerText(),
        /\(needs reconnecting\)/,
      );
      await again.getByRole('button', { name: 'Reconnect' }).waitFor();
      assert.deepEqual(env.pageErrors, []);
    }),
  );

  test(
    'the Connections page shows why a connection needs reconnecting, and refuses to delete it while a step uses it',
    withFailureShot('connections-page', async () => {
      const { page } = env;
      await page.goto(`${env.base}/`);
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Connections' }).click();
      await page.waitForURL(/\/connections$/);
      const table = page.getByRole('table', { name: 'Connections' });
      const row = table.getByRole('row', { name: /GitLab account/ });
      await row.getByText('ada <ada@example.com>', { exact: false }).waitFor();
      await row.getByText('Needs reconnecting').waitFor();
      await row.getByText(/refreshing its token failed .*invalid_grant: refresh token revoked/).waitFor();
      await row.getByRole('link', { name: 'Orders to GitLab' }).waitFor();
      await row.getByText('(1 step)').waitFor();
      await env.screenshot('connections.png');

      await row.getByRole('button', { name: 'Delete GitLab account' }).click();
      const confirm = page.getByRole('dialog', { name: 'Delete “GitLab account”?' });
      await confirm.getByText(/Steps in Orders to GitLab use it/).waitFor();
      await confirm.getByRole('button', { name: 'Delete connection' }).click();
      await confirm
        .getByRole('alert')
        .getByText(/connection "GitLab account" is used by 1 step in 1 workflow: Orders to GitLab; change those steps first/)
        .waitFor();
      await confirm.getByRole('button', { name: 'Close' }).click();
      await confirm.waitFor({ state: 'detached' });
      await row.getByRole('button', { name: 'Test GitLab account' }).click();
      await row
        .getByRole('status')
        .getByText(/^Failed: .*needs reconnecting/)
        .waitFor();

      // Narrow window: the page still fits (no sideways scroll), the status and its reason stay visible.
      await page.setViewportSize({ width: 390, height: 844 });
      await row.getByText('Needs reconnecting', { exact: true }).waitFor();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      const wide = await page.evaluate(() =>
        [...document.querySelectorAll('body *')]
          .filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5)
          .filter((e) => {
            for (let a = e.parentElement; a && a !== document.body; a = a.parentElement)
              if (getComputedStyle(a).overflowX !== 'visible') return false;
            return true;
          })
          .slice(0, 8)
          .map((e) => `${e.tagName}.${String(e.className)} ${Math.round(e.getBoundingClientRect().right)}`),
      );
      assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow} px at 390 px: ${wide.join(', ')}`);
      await page.setViewportSize({ width: 1280, height: 800 });
      assert.deepEqual(env.pageErrors, []);
    }),
  );

  test(
    'reconnects the connection and makes a custom API call with it',
    withFailureShot('app-custom-call', async () => {
      const { page } = env;
      const { body: list } = await env.request<{ items: Array<{ id: string; name: string; trigger: { token: string } }> }>(
        'GET',
        '/api/workflows',
      );
      const workflow = list.items.find((w) => w.name === 'Orders to GitLab')!;
      await page.goto(`${env.base}/workflows/${workflow.id}/edit`);
      const card = page.locator('li.sy-step-card').first();
      await card.getByRole('button', { name: 'Reconnect' }).click();
      const dialog = page.getByRole('dialog', { name: 'Connect GitLab' });
      await dialog.getByLabel('GitLab URL').fill(gitlab.url);
      await dialog.getByLabel('Client ID').fill('switchyard-e2e');
      const popup = page.waitForEvent('popup');
      await dialog.getByRole('button', { name: 'Sign in with GitLab' }).click();
      const consent = await popup;
      await consent.getByText('Connected to GitLab').waitFor();
      await consent.close();
      await dialog.waitFor({ state: 'detached' });
      assert.doesNotMatch(
        await card.getByLabel('GitLab connection', { exact: true }).locator('option:checked').innerText(),
        /needs reconnecting/,
      );

      await card.getByLabel('Action', { exact: true }).selectOption('custom-api-call');
      await card.getByLabel('Method', { exact: true }).selectOption('GET');
      await editor(card, 'Path').click();
      await page.keyboard.insertText('/user');
      await page.getByRole('button', { name: 'Save', exact: true }).click();
      await page.getByText('All changes saved').waitFor();
      // The workflow is live: the change is saved to the draft, and published to become what the trigger runs.
      await page.getByRole('button', { name: 'Publish', exact: true }).click();
      await page
        .getByRole('dialog', { name: /^Publish version/ })
        .getByRole('button', { name: 'Publish', exact: true })
        .click();
      await page.getByText('Draft: unpublished changes.').waitFor({ state: 'detached' });
      const hook = await sendHook(workflow.trigger.token, { id: 'C-1' });
      assert.equal(hook.status, 202);
      const run = (await env.waitForRun(hook.body!.runId)) as {
        status: string;
        steps: Array<{ output: { status: number; body: unknown } }>;
      };
      assert.equal(run.status, 'succeeded', JSON.stringify(run));
      assert.equal(run.steps[0].output.status, 200);
      assert.deepEqual(run.steps[0].output.body, { id: 1, username: 'ada', email: 'ada@example.com' });
      assert.deepEqual(env.pageErrors, []);
    }),
  );
});
