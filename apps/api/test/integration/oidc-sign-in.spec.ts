import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_OWNER } from '../support/client';
import { RedirectWalker, TestOidcProvider } from '../support/oidc-test-provider';
import { SessionClient } from '../support/session-client';
import { useSwitchyard, type SwitchyardFixture } from '../support/use-switchyard';

/** A real OpenID Connect provider on loopback, registered with the Switchyard instance of the block. */
function useProvider(extraEnv: Record<string, string>) {
  const provider = new TestOidcProvider({
    ada: { email: 'ada@example.com', name: 'Ada Lovelace', groups: ['switchyard-admins', 'staff'] },
    bob: { email: 'bob@example.com', name: 'Bob', groups: ['staff'] },
    eve: { email: 'eve@elsewhere.test', name: 'Eve', groups: ['switchyard-admins'] },
  });
  beforeAll(() => provider.listen());
  const sy = useSwitchyard({
    env: () => ({
      SWITCHYARD_OIDC_ISSUER: provider.issuer,
      SWITCHYARD_OIDC_CLIENT_ID: provider.clientId,
      SWITCHYARD_OIDC_CLIENT_SECRET: provider.clientSecret,
      SWITCHYARD_OIDC_NAME: 'Test IdP',
      SWITCHYARD_OIDC_ALLOWED_DOMAINS: 'example.com',
      SWITCHYARD_OIDC_GROUP_ROLES: 'switchyard-admins=admin, switchyard-editors=editor',
      ...extraEnv,
    }),
  });
  beforeAll(() => provider.configure(`http://localhost:${new URL(sy.url).port}/api/auth/oidc/callback`));
  afterAll(() => provider.close());
  return { provider, sy };
}

/** Starts at Switchyard, signs in at the provider's own login and consent pages, and stops at Switchyard's callback answer. */
async function signInAtProvider(sy: SwitchyardFixture, walker: RedirectWalker, accountId: string): Promise<Response> {
  const start = await walker.request(`${sy.url}/api/auth/oidc/start?next=/workflows`);
  expect(start.status).toBe(302);
  let location = new URL(start.headers.get('location')!);
  const authorize = location.searchParams;
  expect(authorize.get('code_challenge_method')).toBe('S256');
  expect(authorize.get('state')).toBeTruthy();
  expect(authorize.get('nonce')).toBeTruthy();
  expect(authorize.get('redirect_uri')).toBe(`http://localhost:${new URL(sy.url).port}/api/auth/oidc/callback`);
  for (let hops = 0; hops < 12 && location.pathname !== '/api/auth/oidc/callback'; hops++) {
    let res: Response;
    if (location.pathname.startsWith('/interaction/')) {
      const page = await (await walker.request(location.toString())).text();
      const form: Record<string, string> = page.includes('name="prompt" value="login"')
        ? { prompt: 'login', login: accountId, password: 'any' }
        : { prompt: 'consent' };
      res = await walker.request(location.toString(), { method: 'POST', form });
    } else {
      res = await walker.request(location.toString());
    }
    expect(res.status, `${location} answered ${res.status}`).toBeGreaterThanOrEqual(300);
    location = new URL(res.headers.get('location')!, location);
  }
  expect(location.pathname).toBe('/api/auth/oidc/callback');
  return walker.request(location.toString());
}

async function stateOf(sy: SwitchyardFixture, walker: RedirectWalker): Promise<any> {
  const res = await fetch(`${sy.url}/api/auth/state`, { headers: { cookie: `sy_session=${walker.cookie(sy.url, 'sy_session')}` } });
  return (await res.json()) as unknown;
}

describe('single sign-on with OpenID Connect', () => {
  const { provider, sy } = useProvider({});

  it('offers the provider on the sign-in page', async () => {
    const state = (await (await fetch(`${sy.url}/api/auth/state`)).json()) as { sso?: unknown };
    expect(state).toEqual({ setupRequired: false, user: null, workspaces: [], sso: { name: 'Test IdP', passwordSignIn: true } });
  });

  it('signs a new user in with code + PKCE + state + nonce, creates the membership and maps groups to a role', async () => {
    const walker = new RedirectWalker();
    const callback = await signInAtProvider(sy, walker, 'ada');
    expect(callback.status).toBe(302);
    expect(callback.headers.get('location')).toBe('/workflows');
    expect(walker.cookie(sy.url, 'sy_oidc')).toBeUndefined();
    const state = await stateOf(sy, walker);
    expect(state.user).toMatchObject({ email: 'ada@example.com', name: 'Ada Lovelace' });
    expect(state.workspaces).toEqual([expect.objectContaining({ role: 'admin' })]);
    const [user] = await sy.db.query<{ password_hash: string | null; oidc_subject: string }>(
      `SELECT password_hash, oidc_subject FROM users WHERE email = 'ada@example.com'`,
    );
    expect(user).toEqual({ password_hash: null, oidc_subject: 'ada' });
    const audit = await sy.db.query<{ action: string }>(
      `SELECT action FROM audit_events WHERE target_name = 'ada@example.com' ORDER BY id`,
    );
    expect(audit.map((a) => a.action)).toEqual(['member.added', 'user.signed-in-sso']);
    // A user without a password cannot sign in with one.
    const password = await new SessionClient(sy.url).request('POST', '/api/auth/login', {
      email: 'ada@example.com',
      password: 'anything-at-all',
    });
    expect(password.status).toBe(401);
  });

  it('gives the default role without a mapped group, and follows the groups on the next sign-in', async () => {
    const first = new RedirectWalker();
    expect((await signInAtProvider(sy, first, 'bob')).headers.get('location')).toBe('/workflows');
    expect((await stateOf(sy, first)).workspaces).toEqual([expect.objectContaining({ role: 'viewer' })]);

    provider.accounts.bob.groups = ['switchyard-editors'];
    const second = new RedirectWalker();
    expect((await signInAtProvider(sy, second, 'bob')).headers.get('location')).toBe('/workflows');
    expect((await stateOf(sy, second)).workspaces).toEqual([expect.objectContaining({ role: 'editor' })]);
    const [{ count }] = await sy.db.query<{ count: string }>(`SELECT count(*) FROM users WHERE email = 'bob@example.com'`);
    expect(Number(count)).toBe(1);
  });

  it('refuses an e-mail domain that is not allowed, and creates nobody', async () => {
    const walker = new RedirectWalker();
    const callback = await signInAtProvider(sy, walker, 'eve');
    expect(callback.status).toBe(302);
    expect(callback.headers.get('location')).toBe('/sign-in?sso_error=sso_domain_refused');
    expect(walker.cookie(sy.url, 'sy_session')).toBeUndefined();
    expect(await sy.db.query(`SELECT id FROM users WHERE email = 'eve@elsewhere.test'`)).toEqual([]);
  });

  it('refuses a callback whose state does not match the attempt, or that has no attempt', async () => {
    const walker = new RedirectWalker();
    expect((await walker.request(`${sy.url}/api/auth/oidc/start`)).status).toBe(302);
    const forged = await walker.request(`${sy.url}/api/auth/oidc/callback?code=forged&state=not-the-state`);
    expect(forged.headers.get('location')).toBe('/sign-in?sso_error=sso_failed');
    const stranger = await new RedirectWalker().request(`${sy.url}/api/auth/oidc/callback?code=forged&state=x`);
    expect(stranger.headers.get('location')).toBe('/sign-in?sso_error=sso_state_missing');
  });
});

describe('password sign-in turned off', () => {
  const { sy } = useProvider({ SWITCHYARD_PASSWORD_SIGNIN: 'off', SWITCHYARD_BREAK_GLASS_EMAIL: TEST_OWNER.email });

  it('says so on the sign-in page', async () => {
    const state = (await (await fetch(`${sy.url}/api/auth/state`)).json()) as { sso?: unknown };
    expect(state.sso).toEqual({ name: 'Test IdP', passwordSignIn: false });
  });

  it('refuses passwords for everyone but the break-glass owner, and SSO still signs in', async () => {
    const refused = await new SessionClient(sy.url).request('POST', '/api/auth/login', {
      email: 'someone@example.com',
      password: 'whatever-it-is',
    });
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('password_signin_disabled');
    const owner = await new SessionClient(sy.url).request('POST', '/api/auth/login', {
      email: TEST_OWNER.email,
      password: TEST_OWNER.password,
    });
    expect(owner.status).toBe(200);
    expect(owner.body.workspaces).toEqual([expect.objectContaining({ role: 'owner' })]);

    const walker = new RedirectWalker();
    expect((await signInAtProvider(sy, walker, 'ada')).headers.get('location')).toBe('/workflows');
    const again = await new SessionClient(sy.url).request('POST', '/api/auth/login', {
      email: 'ada@example.com',
      password: 'whatever-it-is',
    });
    expect(again.body.error.code).toBe('password_signin_disabled');
  });
});
