// Browser test of single sign-on: a real OpenID Connect provider (the `oidc-provider` package) runs
// on loopback in this process; the sign-in page offers "Sign in with Test IdP", the person signs in
// at the provider's own pages and lands signed in. Run: `node --test apps/web/e2e/dist/e2e/sso.e2e.js`.
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import Provider from 'oidc-provider';
import { browserSkipReason, type Environment, startEnvironment } from './support/environment.ts';

const ACCOUNTS: Record<string, { email: string; name: string; groups: string[] }> = {
  grace: { email: 'grace@example.com', name: 'Grace Hopper', groups: ['switchyard-editors'] },
};

const state = {} as { env: Environment; server: Server; issuer: string; provider: Provider | null };

describe('single sign-on in Chromium', { skip: browserSkipReason() }, () => {
  before(async () => {
    state.provider = null;
    state.server = createServer((req, res) => {
      if (state.provider) state.provider.callback()(req, res);
      else res.writeHead(503).end();
    });
    await new Promise<void>((resolve) => state.server.listen(0, '127.0.0.1', resolve));
    state.issuer = `http://127.0.0.1:${(state.server.address() as AddressInfo).port}`;
    state.env = await startEnvironment({
      name: 'sso_e2e',
      signIn: false,
      extraEnv: {
        SWITCHYARD_OIDC_ISSUER: state.issuer,
        SWITCHYARD_OIDC_CLIENT_ID: 'switchyard',
        SWITCHYARD_OIDC_CLIENT_SECRET: 'e2e-client-secret-0123456789',
        SWITCHYARD_OIDC_NAME: 'Test IdP',
        SWITCHYARD_OIDC_ALLOWED_DOMAINS: 'example.com',
        SWITCHYARD_OIDC_GROUP_ROLES: 'switchyard-editors=editor',
      },
    });
    state.provider = new Provider(state.issuer, {
      clients: [
        {
          client_id: 'switchyard',
          client_secret: 'e2e-client-secret-0123456789',
          redirect_uris: [`${state.env.base}/api/auth/oidc/callback`],
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
      cookies: { keys: ['e2e-cookie-key'] },
      features: { devInteractions: { enabled: true } },
    });
    // The provider's development pages import a web font: nothing leaves loopback.
    await state.env.context.route('**/*', (route) =>
      /^https?:\/\/(127\.0\.0\.1|localhost)(:\d+)?\//.test(route.request().url()) ? route.continue() : route.abort(),
    );
  });

  after(async () => {
    await state.env?.stop();
    await new Promise<void>((resolve) => state.server?.close(() => resolve()));
  });

  test('"Sign in with Test IdP", log in at the provider, land signed in with the mapped role', async () => {
    const { page, base } = state.env;
    await page.goto(`${base}/sign-in`);
    await page.getByRole('link', { name: 'Sign in with Test IdP' }).click();
    await page.waitForURL(`${state.issuer}/interaction/**`);
    await page.getByPlaceholder('Enter any login').fill('grace');
    await page.getByPlaceholder('and password').fill('anything');
    await page.getByRole('button', { name: 'Sign-in' }).click();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.waitForURL(`${base}/**`);
    await page.getByRole('heading', { level: 1, name: 'Workflows' }).waitFor();
    await page.getByText('grace@example.com').first().waitFor();
    const me = await page.evaluate(async () => (await fetch('/api/auth/state')).json());
    assert.equal(me.user.email, 'grace@example.com');
    assert.equal(me.workspaces[0].role, 'editor');
  });

  test('a refused sign-on comes back to the sign-in page with the reason', async () => {
    const { page, base } = state.env;
    await page.context().clearCookies();
    await page.goto(`${base}/api/auth/oidc/callback?code=forged&state=forged`);
    await page.waitForURL(`${base}/sign-in?sso_error=sso_state_missing`);
    await page.getByRole('alert').filter({ hasText: 'expired or was started in another tab' }).waitFor();
  });
});
