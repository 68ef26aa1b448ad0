// Browser test of accounts: first-start setup, sign-in and sign-out, a viewer invited by link who can
// read runs but not change anything or reach secrets, the lockout shown on the sign-in page, and no
// Content-Security-Policy violation on the way. Run: `node --test apps/web/e2e/accounts.mjs`.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import path from 'node:path';
import type { Page } from 'playwright-core';
import type { CreatedInvite, ErrorBody, Workflow } from './support/contract.ts';
import { browserSkipReason, type Environment, SCREENSHOTS, startEnvironment } from './support/environment.ts';

const OWNER = { name: 'Olga Owner', email: 'olga@example.com', password: 'olga-password-123' };
const VIEWER = { email: 'vic@example.com', password: 'vic-password-1234' };

/** `env` is set before the tests; the rest is filled by the earlier tests and read by the later ones. */
const state = { cspViolations: [] as string[] } as { env: Environment; cspViolations: string[]; workflow: Workflow; runId: string };

/** A cookie-keeping HTTP client for the test process, as a second browser would be. */
function cookieClient(base: string) {
  const jar = new Map<string, string>();
  return {
    jar,
    async call<T = unknown>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
      const headers: Record<string, string> = { cookie: [...jar].map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('; ') };
      const csrf = jar.get('sy_csrf');
      if (method !== 'GET' && csrf !== undefined) headers['x-csrf-token'] = csrf;
      if (body !== undefined) headers['content-type'] = 'application/json';
      const response = await fetch(`${base}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
      for (const line of response.headers.getSetCookie()) {
        const [pair] = line.split(';');
        const eq = pair.indexOf('=');
        jar.set(pair.slice(0, eq), decodeURIComponent(pair.slice(eq + 1)));
      }
      const text = await response.text();
      return { status: response.status, body: text ? JSON.parse(text) : null };
    },
  };
}

function watchCsp(page: Page) {
  page.on('console', (message) => {
    if (/Content Security Policy|Content-Security-Policy/i.test(message.text())) state.cspViolations.push(message.text());
  });
}

describe('accounts in Chromium', { skip: browserSkipReason() }, () => {
  before(async () => {
    state.env = await startEnvironment({ name: 'accounts_e2e', seedOwner: false });
    watchCsp(state.env.page);
  });

  after(async () => {
    await state.env?.stop();
  });

  test('a fresh start asks for the owner account, and the API answers nothing else meanwhile', async () => {
    const { page, base } = state.env;
    const blocked = await state.env.request<ErrorBody>('GET', '/api/workflows', undefined, { apiKey: null });
    assert.equal(blocked.status, 403);
    assert.equal(blocked.body.error.code, 'setup_required');
    await page.goto(`${base}/runs`);
    await page.waitForURL('**/setup');
    await page.getByRole('heading', { name: 'Create the owner account' }).waitFor();
    await state.env.screenshot('accounts-setup.png', { fullPage: false });
    await page.getByLabel('Your name').fill(OWNER.name);
    await page.getByLabel('Email').fill(OWNER.email);
    await page.getByLabel('Password', { exact: true }).fill(OWNER.password);
    await page.getByLabel('Repeat the password').fill('something else');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByText('The passwords differ').waitFor();
    await page.getByLabel('Repeat the password').fill(OWNER.password);
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByRole('heading', { level: 1, name: 'Workflows' }).waitFor();
    await page.getByText(OWNER.email).waitFor();
  });

  test('signs out, refuses a wrong password, and signs in again', async () => {
    const { page, base } = state.env;
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL('**/sign-in');
    await page.goto(`${base}/runs`);
    await page.waitForURL('**/sign-in?next=%2Fruns');
    await page.getByLabel('Email').fill(OWNER.email);
    await page.getByLabel('Password').fill('wrong-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').filter({ hasText: 'The email or the password is wrong.' }).waitFor();
    await page.getByLabel('Password').fill(OWNER.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL('**/runs');
    await page.getByRole('heading', { level: 1, name: 'Runs' }).waitFor();
  });

  test('the owner invites a viewer, who sees runs but cannot change anything or reach secrets', async () => {
    const { base, browser } = state.env;
    const owner = cookieClient(base);
    assert.equal((await owner.call('POST', '/api/auth/login', { email: OWNER.email, password: OWNER.password })).status, 200);
    const created = await owner.call<Workflow>('POST', '/api/workflows', {
      name: 'Viewer can read me',
      trigger: { type: 'webhook' },
      steps: [{ id: 'shape', type: 'map', expression: '{ "n": trigger.body.n }' }],
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    state.workflow = created.body;
    const hook = await fetch(`${base}/hooks/${created.body.trigger.token}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"n": 7}',
    });
    state.runId = (await hook.json()).runId;
    const key = await owner.call('POST', '/api/api-keys', { name: 'deploys' });
    assert.equal(key.status, 201);

    const invite = await owner.call<CreatedInvite>('POST', '/api/workspaces/current/invites', { role: 'viewer', email: VIEWER.email });
    assert.equal(invite.status, 201);
    const inviteUrl = invite.body.url!;
    assert.ok(inviteUrl.startsWith(`${base}/invite/`), inviteUrl);
    const token = inviteUrl.split('/invite/')[1];
    const guest = cookieClient(base);
    const accepted = await guest.call('POST', `/api/invites/${token}/accept`, { email: VIEWER.email, password: VIEWER.password });
    assert.equal(accepted.status, 200, JSON.stringify(accepted.body));

    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
    const page = await context.newPage();
    watchCsp(page);
    try {
      await page.goto(`${base}/sign-in`);
      await page.getByLabel('Email').fill(VIEWER.email);
      await page.getByLabel('Password').fill(VIEWER.password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('heading', { level: 1, name: 'Workflows' }).waitFor();
      await page.getByRole('link', { name: 'Viewer can read me', exact: true }).waitFor();
      await page.getByRole('link', { name: 'Runs', exact: true }).click();
      await page.getByRole('heading', { level: 1, name: 'Runs' }).waitFor();
      await page.goto(`${base}/runs/${state.runId}`);
      await page.getByText('Succeeded').first().waitFor();

      // The UI's own client (session cookie + CSRF header) is refused every change and every secret.
      const answers = await page.evaluate(
        async ({ workflowId, runId }) => {
          const csrf = document.cookie.match(/sy_csrf=([^;]+)/)?.[1] ?? '';
          const call = async (method: string, path: string, body?: unknown) =>
            (
              await fetch(path, {
                method,
                headers: { 'content-type': 'application/json', 'x-csrf-token': decodeURIComponent(csrf) },
                body: body === undefined ? undefined : JSON.stringify(body),
              })
            ).status;
          return {
            read: await call('GET', `/api/runs/${runId}`),
            edit: await call('PATCH', `/api/workflows/${workflowId}`, { active: false }),
            create: await call('POST', '/api/workflows', { name: 'x', trigger: { type: 'webhook' }, steps: [] }),
            replay: await call('POST', `/api/runs/${runId}/replay`, {}),
            test: await call('POST', '/api/test/step', { step: { id: 's', type: 'map', expression: '1' } }),
            keys: await call('GET', '/api/api-keys'),
            members: await call('GET', '/api/workspaces/current/members'),
            audit: await call('GET', '/api/audit'),
          };
        },
        { workflowId: state.workflow.id, runId: state.runId },
      );
      assert.deepEqual(answers, { read: 200, edit: 403, create: 403, replay: 403, test: 403, keys: 403, members: 403, audit: 403 });
      const still = await owner.call<Workflow>('GET', `/api/workflows/${state.workflow.id}`);
      assert.equal(still.body.active, true, 'the viewer did not switch the workflow off');
    } finally {
      await context.close();
    }
  });

  test('repeated failed sign-ins lock the account, and the page says until when', async () => {
    const { browser, base } = state.env;
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
    const page = await context.newPage();
    watchCsp(page);
    try {
      await page.goto(`${base}/sign-in`);
      await page.getByLabel('Email').fill(VIEWER.email);
      for (let i = 0; i < 5; i++) {
        await page.getByLabel('Password').fill(`wrong-${i}-password`);
        await page.getByRole('button', { name: 'Sign in' }).click();
        await page.getByRole('button', { name: 'Sign in' }).and(page.locator(':not([aria-busy])')).waitFor();
      }
      const alert = page.getByRole('alert').filter({ hasText: 'Sign-in is locked until' });
      await alert.waitFor();
      assert.match(await alert.innerText(), /locked until \d{1,2}:\d{2}/);
      await page.screenshot({ path: path.join(SCREENSHOTS, 'accounts-locked.png'), animations: 'disabled' });
    } finally {
      await context.close();
    }
  });

  test('the builder (CodeMirror, the engine) loads under the Content-Security-Policy', async () => {
    const { page, base } = state.env;
    await page.goto(`${base}/workflows/${state.workflow.id}/edit`);
    await page.getByRole('textbox', { name: 'Workflow name' }).waitFor();
    await page.locator('.cm-editor').first().waitFor({ state: 'attached' });
    await page.waitForLoadState('networkidle');
  });

  test('the UI ran under the Content-Security-Policy without violations or errors', () => {
    assert.deepEqual(state.cspViolations, []);
    assert.deepEqual(state.env.pageErrors, []);
  });
});
