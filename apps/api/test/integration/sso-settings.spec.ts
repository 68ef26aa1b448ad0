import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Pool } from 'pg';
import type { Logger } from '../../src/common/logger';
import { APP_CONFIG, type AppConfig } from '../../src/config/config.schema';
import { PG_POOL } from '../../src/database/database.module';
import { reencryptSecrets, SEALED_TABLES } from '../../src/secrets/reencrypt-secrets';
import { SecretBox } from '../../src/secrets/secret-box';
import { SECRET_BOX, type SecretBoxProvider } from '../../src/secrets/trigger-secrets.service';
import { SettingsStore, SSO_SECRET_AAD } from '../../src/settings/settings-store';
import { TEST_OWNER } from '../support/client';
import { RedirectWalker, signInAtProvider, TestOidcProvider } from '../support/oidc-test-provider';
import { SessionClient } from '../support/session-client';
import { useSwitchyard, type SwitchyardFixture } from '../support/use-switchyard';

const silent = { warn: () => undefined } as unknown as Logger;

async function stateOf(sy: SwitchyardFixture, walker: RedirectWalker): Promise<any> {
  const res = await fetch(`${sy.url}/api/auth/state`, { headers: { cookie: `sy_session=${walker.cookie(sy.url, 'sy_session')}` } });
  return (await res.json()) as unknown;
}

describe('single sign-on configured by an owner in Settings (against a local OpenID Connect provider)', () => {
  const provider = new TestOidcProvider({
    ada: { email: 'ada@example.com', name: 'Ada Lovelace', groups: ['switchyard-admins', 'staff'] },
    bob: { email: 'bob@example.com', name: 'Bob', groups: ['staff'] },
    eve: { email: 'eve@elsewhere.test', name: 'Eve', groups: ['switchyard-admins'] },
  });
  beforeAll(() => provider.listen());
  afterAll(() => provider.close());
  // No SWITCHYARD_OIDC_* at all: everything comes from Settings. Loopback is reachable through the
  // fixture's SWITCHYARD_EGRESS_ALLOW=127.0.0.1/32, the existing allow mechanism.
  const sy = useSwitchyard();

  const configure = (extra: Record<string, unknown> = {}) =>
    sy.api.request('PUT', '/api/settings/sso', {
      issuer: provider.issuer,
      clientId: provider.clientId,
      clientSecret: provider.clientSecret,
      name: 'Company IdP',
      allowedDomains: ['Example.com'],
      defaultRole: 'viewer',
      groupRoles: [{ group: 'switchyard-admins', role: 'admin' }],
      ...extra,
    });

  it('shows the redirect URL to register and that nothing is configured', async () => {
    const res = await sy.api.request('GET', '/api/settings/sso');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      source: 'none',
      redirectUrl: `http://localhost:${new URL(sy.url).port}/api/auth/oidc/callback`,
      settings: null,
      environment: null,
      canEdit: true,
      updatedAt: null,
    });
    provider.configure(res.body.redirectUrl);
    expect(((await (await fetch(`${sy.url}/api/auth/state`)).json()) as { sso?: unknown }).sso).toBeUndefined();
  });

  it('tests the issuer’s discovery document through the egress guard', async () => {
    const good = await sy.api.request('POST', '/api/settings/sso/discovery', { issuer: provider.issuer });
    expect(good.body).toMatchObject({
      ok: true,
      url: `${provider.issuer}/.well-known/openid-configuration`,
      authorizationEndpoint: expect.stringContaining(provider.issuer),
      tokenEndpoint: expect.stringContaining(provider.issuer),
    });
    const missing = await sy.api.request('POST', '/api/settings/sso/discovery', { issuer: `${provider.issuer}/nothing-here` });
    expect(missing.body).toMatchObject({ ok: false, problem: expect.stringMatching(/answered 404/) });
    // A private address outside the allow-list is refused by the guard, not fetched.
    const refused = await sy.api.request('POST', '/api/settings/sso/discovery', { issuer: 'http://10.255.255.1' });
    expect(refused.body.ok).toBe(false);
    expect(refused.body.problem).toMatch(/private|not allowed|refused/i);
    const invalid = await sy.api.request('POST', '/api/settings/sso/discovery', { issuer: 'not a url' });
    expect(invalid.status).toBe(400);
    expect(invalid.body.error.details[0].path).toBe('issuer');
  });

  it('stores the settings with the secret sealed and never echoed, audited, in effect without restart', async () => {
    const res = await configure();
    expect(res.status).toBe(200);
    expect(res.body.source).toBe('settings');
    expect(res.body.settings).toEqual({
      issuer: provider.issuer,
      clientId: provider.clientId,
      clientSecretSet: true,
      name: 'Company IdP',
      allowedDomains: ['example.com'],
      defaultRole: 'viewer',
      groupsClaim: 'groups',
      groupRoles: [{ group: 'switchyard-admins', role: 'admin' }],
      passwordSignIn: true,
      breakGlassEmail: null,
    });
    expect(JSON.stringify(res.body)).not.toContain(provider.clientSecret);
    const [row] = await sy.db.query<{ sso_client_secret: Buffer; sso: unknown }>(
      `SELECT sso, sso_client_secret FROM instance_settings WHERE id = 1`,
    );
    expect(row.sso_client_secret.toString('latin1')).not.toContain(provider.clientSecret);
    expect(JSON.stringify(row.sso)).not.toContain(provider.clientSecret);
    const audit = await sy.db.query<{ action: string; after: Record<string, unknown> }>(
      `SELECT action, after FROM audit_events WHERE action LIKE 'settings.sso%' ORDER BY id`,
    );
    expect(audit).toEqual([
      { action: 'settings.sso-updated', after: expect.objectContaining({ clientSecret: 'replaced', clientSecretSet: true }) },
    ]);
    expect(JSON.stringify(audit)).not.toContain(provider.clientSecret);
    const state = (await (await fetch(`${sy.url}/api/auth/state`)).json()) as { sso?: unknown };
    expect(state.sso).toEqual({ name: 'Company IdP', passwordSignIn: true });
  });

  it('re-seals the stored secret when the master key is rotated (rolled back here)', async () => {
    const box = sy.instance.app.get<SecretBoxProvider>(SECRET_BOX)();
    const rotated = new SecretBox(randomBytes(32), [(box as unknown as { key: Buffer }).key]);
    const client = await sy.instance.app.get<Pool>(PG_POOL).connect();
    try {
      await client.query('BEGIN');
      const counts = await reencryptSecrets(
        client as never,
        rotated,
        SEALED_TABLES.filter((t) => t.table === 'instance_settings'),
      );
      expect(counts.instance_settings).toEqual({ reencrypted: 1, current: 0, failed: [] });
      const [row] = (await client.query(`SELECT sso_client_secret FROM instance_settings WHERE id = 1`)).rows;
      expect(rotated.decrypt(row.sso_client_secret, SSO_SECRET_AAD).toString()).toBe(provider.clientSecret);
    } finally {
      await client.query('ROLLBACK');
      client.release();
    }
  });

  it('signs in with the stored settings: just-in-time member, group -> role mapping, refused domain', async () => {
    const ada = new RedirectWalker();
    expect((await signInAtProvider(sy.url, ada, 'ada')).headers.get('location')).toBe('/workflows');
    expect((await stateOf(sy, ada)).workspaces).toEqual([expect.objectContaining({ role: 'admin' })]);

    const bob = new RedirectWalker();
    expect((await signInAtProvider(sy.url, bob, 'bob')).headers.get('location')).toBe('/workflows');
    expect((await stateOf(sy, bob)).workspaces).toEqual([expect.objectContaining({ role: 'viewer' })]);

    const eve = new RedirectWalker();
    expect((await signInAtProvider(sy.url, eve, 'eve')).headers.get('location')).toBe('/sign-in?sso_error=sso_domain_refused');
    expect(await sy.db.query(`SELECT id FROM users WHERE email = 'eve@elsewhere.test'`)).toEqual([]);
  });

  it('keeps the secret when none is sent, and a changed mapping applies on the next sign-in', async () => {
    const res = await configure({ clientSecret: undefined, groupRoles: [{ group: 'staff', role: 'editor' }], defaultRole: 'viewer' });
    expect(res.body.settings.clientSecretSet).toBe(true);
    const bob = new RedirectWalker();
    expect((await signInAtProvider(sy.url, bob, 'bob')).headers.get('location')).toBe('/workflows');
    expect((await stateOf(sy, bob)).workspaces).toEqual([expect.objectContaining({ role: 'editor' })]);
  });

  it('turns password sign-in off except for a break-glass owner who has a password', async () => {
    const missing = await configure({ passwordSignIn: false });
    expect(missing.status).toBe(400);
    expect(missing.body.error.details).toEqual([
      { path: 'breakGlassEmail', message: expect.stringMatching(/required when password sign-in is off/) },
    ]);
    const notOwner = await configure({ passwordSignIn: false, breakGlassEmail: 'ada@example.com' });
    expect(notOwner.status).toBe(400);
    expect(notOwner.body.error.details[0]).toEqual({ path: 'breakGlassEmail', message: expect.stringMatching(/owner who has a password/) });

    expect((await configure({ passwordSignIn: false, breakGlassEmail: TEST_OWNER.email })).status).toBe(200);
    const refused = await new SessionClient(sy.url).request('POST', '/api/auth/login', {
      email: 'someone@example.com',
      password: 'whatever-it-is',
    });
    expect(refused.body.error.code).toBe('password_signin_disabled');
    const owner = await new SessionClient(sy.url).request('POST', '/api/auth/login', {
      email: TEST_OWNER.email,
      password: TEST_OWNER.password,
    });
    expect(owner.status).toBe(200);
    expect(((await (await fetch(`${sy.url}/api/auth/state`)).json()) as { sso?: unknown }).sso).toEqual({
      name: 'Company IdP',
      passwordSignIn: false,
    });
  });

  it('is read by another process from the database (no restart), and removing it falls back', async () => {
    // A second store, as another api or worker process has, sees the change on its next refresh.
    const other = new SettingsStore(sy.instance.app.get<Pool>(PG_POOL), { ...sy.instance.app.get<AppConfig>(APP_CONFIG) }, silent);
    expect((await other.refreshInstance()).sso?.passwordSignIn).toBe(false);
    const removed = await sy.api.request('DELETE', '/api/settings/sso');
    expect(removed.status).toBe(200);
    expect(removed.body).toMatchObject({ source: 'none', settings: null });
    expect((await other.refreshInstance()).sso).toBeNull();
    expect(((await (await fetch(`${sy.url}/api/auth/state`)).json()) as { sso?: unknown }).sso).toBeUndefined();
    const start = await fetch(`${sy.url}/api/auth/oidc/start`, { redirect: 'manual' });
    expect(start.status).toBe(404);
    const actions = await sy.db.query<{ action: string }>(`SELECT action FROM audit_events WHERE action LIKE 'settings.sso%' ORDER BY id`);
    expect(actions.map((a) => a.action).at(-1)).toBe('settings.sso-removed');
  });
});

describe('single sign-on from the environment as the fallback', () => {
  const provider = new TestOidcProvider({});
  beforeAll(() => provider.listen());
  afterAll(() => provider.close());
  const sy = useSwitchyard({
    env: () => ({
      SWITCHYARD_OIDC_ISSUER: provider.issuer,
      SWITCHYARD_OIDC_CLIENT_ID: provider.clientId,
      SWITCHYARD_OIDC_CLIENT_SECRET: provider.clientSecret,
      SWITCHYARD_OIDC_NAME: 'Env IdP',
      SWITCHYARD_OIDC_GROUP_ROLES: 'ops=admin',
    }),
  });

  it('says the environment is in effect, shows it without the secret, and Settings take over when saved', async () => {
    const res = await sy.api.request('GET', '/api/settings/sso');
    expect(res.body.source).toBe('environment');
    expect(res.body.environment).toMatchObject({
      issuer: provider.issuer,
      clientSecretSet: true,
      name: 'Env IdP',
      groupRoles: [{ group: 'ops', role: 'admin' }],
    });
    expect(JSON.stringify(res.body)).not.toContain(provider.clientSecret);
    const saved = await sy.api.request('PUT', '/api/settings/sso', {
      issuer: provider.issuer,
      clientId: 'other-client',
      name: 'Stored IdP',
    });
    expect(saved.body.source).toBe('settings');
    expect(saved.body.settings.clientSecretSet).toBe(false);
    expect(((await (await fetch(`${sy.url}/api/auth/state`)).json()) as { sso?: { name: string } }).sso?.name).toBe('Stored IdP');
    await sy.api.request('DELETE', '/api/settings/sso');
    expect(((await (await fetch(`${sy.url}/api/auth/state`)).json()) as { sso?: { name: string } }).sso?.name).toBe('Env IdP');
  });
});
