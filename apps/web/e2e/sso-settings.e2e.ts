// Browser test of single sign-on configured in Settings: an owner fills in the Single sign-on tab
// against a real OpenID Connect provider (the `oidc-provider` package) on loopback, tests its
// discovery, saves, and people sign in with it: a group mapped to a role, a refused domain.
// Run: `node --test apps/web/e2e/dist/e2e/sso-settings.e2e.js`.
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import Provider from 'oidc-provider';
import type { BrowserContext, Page } from 'playwright-core';
import { browserSkipReason, type Environment, startEnvironment } from './support/environment.ts';

const CLIENT_SECRET = 'e2e-settings-client-secret-0123456789';
const ACCOUNTS: Record<string, { email: string; name: string; groups: string[] }> = {
  linus: { email: 'linus@example.com', name: 'Linus', groups: ['switchyard-editors'] },
  mallory: { email: 'mallory@elsewhere.test', name: 'Mallory', groups: ['switchyard-editors'] },
};

const state = {} as { env: Environment; server: Server; issuer: string; provider: Provider | null };

/** Only loopback: the provider's development pages import a web font. */
async function loopbackOnly(context: BrowserContext): Promise<void> {
  await context.route('**/*', (route) =>
    /^https?:\/\/(127\.0\.0\.1|localhost)(:\d+)?\//.test(route.request().url()) ? route.continue() : route.abort(),
  );
}

async function signInAtProvider(page: Page, accountId: string): Promise<void> {
  const { base } = state.env;
  await page.goto(`${base}/sign-in`);
  await page.getByRole('link', { name: 'Sign in with Company IdP' }).click();
  await page.waitForURL(`${state.issuer}/interaction/**`);
  await page.getByPlaceholder('Enter any login').fill(accountId);
  await page.getByPlaceholder('and password').fill('anything');
  await page.getByRole('button', { name: 'Sign-in' }).click();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.waitForURL(`${base}/**`);
}

describe('single sign-on configured in Settings, in Chromium', { skip: browserSkipReason() }, () => {
  before(async () => {
    state.provider = null;
    state.server = createServer((req, res) => {
      if (state.provider) state.provider.callback()(req, res);
      else res.writeHead(503).end();
    });
    await new Promise<void>((resolve) => state.server.listen(0, '127.0.0.1', resolve));
    state.issuer = `http://127.0.0.1:${(state.server.address() as AddressInfo).port}`;
    // No SWITCHYARD_OIDC_*: the owner configures everything in Settings.
    state.env = await startEnvironment({ name: 'sso_settings_e2e' });
    await loopbackOnly(state.env.context);
  });

  after(async () => {
    await state.env?.stop();
    await new Promise<void>((resolve) => state.server?.close(() => resolve()));
  });

  test('the owner configures the provider in Settings: redirect URL, Test discovery, secret shown only as set', async () => {
    const { page, base } = state.env;
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${base}/settings/sso`);
    await page.getByText('Not configured').waitFor();
    const redirectUrl = (await page.locator('code').filter({ hasText: '/api/auth/oidc/callback' }).textContent())!.trim();
    assert.equal(redirectUrl, `${base}/api/auth/oidc/callback`);
    state.provider = new Provider(state.issuer, {
      clients: [
        {
          client_id: 'switchyard',
          client_secret: CLIENT_SECRET,
          redirect_uris: [redirectUrl],
          grant_types: ['authorization_code'],
          response_types: ['code'],
          token_endpoint_auth_method: 'client_secret_post',
        },
      ],
      claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name', 'groups'] },
      findAccount: async (_ctx, id) => {
        const account = ACCOUNTS[id];
        if (!account) return undefined;
        return { accountId: id, claims: async () => ({ sub: id, email_verified: true, ...account }) };
      },
      pkce: { required: () => true },
      cookies: { keys: ['e2e-settings-cookie-key'] },
      features: { devInteractions: { enabled: true } },
    });

    await page.getByLabel('Issuer URL').fill(state.issuer);
    await page.getByRole('button', { name: 'Test discovery' }).click();
    await page.getByRole('status').filter({ hasText: 'The issuer answers' }).waitFor();
    await page.getByLabel('Client ID').fill('switchyard');
    await page.getByLabel('Client secret').fill(CLIENT_SECRET);
    await page.getByLabel('Button label').fill('Company IdP');
    await page.getByLabel('Allowed e-mail domains').fill('example.com');
    await page.getByLabel('Group to role mapping').fill('switchyard-editors = editor');
    await page.getByRole('button', { name: 'Save single sign-on' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved: single sign-on uses these settings now.' }).waitFor();
    await page.getByText('Set here').waitFor();
    await page.getByText('A secret is set (never shown)').waitFor();
    assert.equal(await page.getByLabel('Client secret').inputValue(), '');
    const html = await page.content();
    assert.ok(!html.includes(CLIENT_SECRET), 'the secret is never sent back to the page');
    await state.env.screenshot('settings-sso.png', { fullPage: true });

    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByRole('button', { name: 'Save single sign-on' }).waitFor();
    const { overflow, wide } = await page.evaluate(() => {
      const width = document.documentElement.clientWidth;
      const wide = [...document.querySelectorAll('body *')]
        .filter((el) => el.getBoundingClientRect().right > width + 1)
        .slice(-3)
        .map((el) => `${el.tagName.toLowerCase()}.${el.className}`);
      return { overflow: document.documentElement.scrollWidth - width, wide };
    });
    assert.ok(overflow <= 1, `the page scrolls sideways by ${overflow}px at 390 px: ${wide.join(', ')}`);
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  test('a person signs in with it and gets the role of their group; another domain is refused', async () => {
    const { browser, base } = state.env;
    const context = await browser.newContext();
    await loopbackOnly(context);
    try {
      const page = await context.newPage();
      await signInAtProvider(page, 'linus');
      await page.getByRole('heading', { level: 1, name: 'Workflows' }).waitFor();
      const me = await page.evaluate(async () => (await fetch('/api/auth/state')).json());
      assert.equal(me.user.email, 'linus@example.com');
      assert.equal(me.workspaces[0].role, 'editor');

      await context.clearCookies();
      await signInAtProvider(page, 'mallory');
      await page.waitForURL(`${base}/sign-in?sso_error=sso_domain_refused`);
      await page.getByRole('alert').waitFor();
      const nobody = await page.evaluate(async () => (await fetch('/api/auth/state')).json());
      assert.equal(nobody.user, null);
    } finally {
      await context.close();
    }
  });
});
