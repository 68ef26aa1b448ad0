import { describe, expect, it } from 'vitest';
import { TEST_OWNER } from '../support/client';
import { SessionClient } from '../support/session-client';
import { useSwitchyard } from '../support/use-switchyard';

const NO_OWNER = { SWITCHYARD_OWNER_EMAIL: '', SWITCHYARD_OWNER_PASSWORD: '', SWITCHYARD_OWNER_API_KEY: '' };

describe('first start and setup', () => {
  const sy = useSwitchyard({ env: NO_OWNER });

  it('answers only state, setup and health until the owner exists, then sets up once', async () => {
    const browser = new SessionClient(sy.url);
    expect((await browser.request('GET', '/api/auth/state')).body).toEqual({ setupRequired: true, user: null, workspaces: [] });
    expect((await browser.request('GET', '/api/health/live')).status).toBe(200);
    const blocked = await browser.request('GET', '/api/workflows');
    expect(blocked.status).toBe(403);
    expect(blocked.body.error.code).toBe('setup_required');
    expect((await browser.request('POST', '/api/auth/login', { email: 'a@b.c', password: 'x' })).body.error.code).toBe('setup_required');

    const weak = await browser.request('POST', '/api/auth/setup', { email: 'not-an-email', password: 'short' });
    expect(weak.status).toBe(400);
    expect(weak.body.error.details.map((d: { path: string }) => d.path).sort()).toEqual(['email', 'password']);

    const setup = await browser.request('POST', '/api/auth/setup', {
      email: 'Ada@Example.com',
      password: 'correct horse battery',
      name: 'Ada',
    });
    expect(setup.status).toBe(201);
    expect(setup.body.user).toMatchObject({ email: 'ada@example.com', name: 'Ada' });
    expect(setup.body.workspaces).toEqual([expect.objectContaining({ role: 'owner' })]);
    const cookies = setup.headers.getSetCookie();
    const session = cookies.find((c) => c.startsWith('sy_session='))!;
    expect(session).toMatch(/HttpOnly/);
    expect(session).toMatch(/SameSite=Lax/);
    expect(session).not.toMatch(/Secure/);
    expect(cookies.find((c) => c.startsWith('sy_csrf='))).not.toMatch(/HttpOnly/);

    const state = await browser.request('GET', '/api/auth/state');
    expect(state.body).toMatchObject({
      setupRequired: false,
      user: { email: 'ada@example.com' },
      csrfToken: browser.cookies.get('sy_csrf'),
    });
    expect((await browser.request('GET', '/api/workflows')).status).toBe(200);

    const again = await new SessionClient(sy.url).request('POST', '/api/auth/setup', {
      email: 'eve@example.com',
      password: 'another password',
    });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('setup_done');
    // The stored hash is argon2id, never the password.
    const [user] = await sy.db.query<{ password_hash: string }>(`SELECT password_hash FROM users WHERE email = 'ada@example.com'`);
    expect(user.password_hash).toMatch(/^\$argon2id\$/);
  });
});

describe('sign-in, sessions and CSRF', () => {
  const sy = useSwitchyard();

  it('signs in, refuses a change without the CSRF header, and signs out', async () => {
    const browser = new SessionClient(sy.url);
    expect((await browser.request('GET', '/api/workflows')).status).toBe(401);
    const wrong = await browser.request('POST', '/api/auth/login', { email: TEST_OWNER.email, password: 'nope-nope-nope' });
    expect(wrong.status).toBe(401);
    expect(wrong.body.error.code).toBe('invalid_credentials');
    const unknown = await browser.request('POST', '/api/auth/login', { email: 'nobody@example.com', password: 'nope-nope-nope' });
    expect(unknown.status).toBe(401);
    expect(unknown.body.error.code).toBe('invalid_credentials');

    await browser.login(TEST_OWNER.email, TEST_OWNER.password);
    expect((await browser.request('GET', '/api/workflows')).status).toBe(200);
    browser.sendCsrf = false;
    const forged = await browser.request('POST', '/api/workflows', { name: 'x', trigger: { type: 'webhook' }, steps: [] });
    expect(forged.status).toBe(403);
    expect(forged.body.error.code).toBe('csrf_failed');
    const planted = await browser.request(
      'POST',
      '/api/workflows',
      { name: 'x', trigger: { type: 'webhook' }, steps: [] },
      { 'x-csrf-token': 'attacker-chosen' },
    );
    expect(planted.status).toBe(403);
    browser.sendCsrf = true;
    expect((await browser.request('POST', '/api/workflows', { name: 'x', trigger: { type: 'webhook' }, steps: [] })).status).toBe(201);

    const session = browser.cookieHeader();
    expect((await browser.request('POST', '/api/auth/logout')).status).toBe(204);
    expect(browser.cookies.size).toBe(0);
    // The old cookie is worthless once signed out.
    expect((await fetch(`${sy.url}/api/workflows`, { headers: { cookie: session } })).status).toBe(401);
  });

  it('changing the password signs out the other sessions and keeps this one', async () => {
    const laptop = new SessionClient(sy.url);
    const phone = new SessionClient(sy.url);
    await laptop.login(TEST_OWNER.email, TEST_OWNER.password);
    await phone.login(TEST_OWNER.email, TEST_OWNER.password);
    const bad = await laptop.request('POST', '/api/auth/password', {
      currentPassword: 'wrong-password',
      newPassword: 'a brand new password',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0].path).toBe('currentPassword');
    expect(
      (await laptop.request('POST', '/api/auth/password', { currentPassword: TEST_OWNER.password, newPassword: 'a brand new password' }))
        .status,
    ).toBe(204);
    expect((await laptop.request('GET', '/api/workflows')).status).toBe(200);
    expect((await phone.request('GET', '/api/workflows')).status).toBe(401);
    expect(
      (await new SessionClient(sy.url).request('POST', '/api/auth/login', { email: TEST_OWNER.email, password: TEST_OWNER.password }))
        .status,
    ).toBe(401);
    await new SessionClient(sy.url).login(TEST_OWNER.email, 'a brand new password');
    expect(
      (await laptop.request('POST', '/api/auth/password', { currentPassword: 'a brand new password', newPassword: TEST_OWNER.password }))
        .status,
    ).toBe(204);
  });

  it('slows down and locks repeated failures, visibly, and across processes through PostgreSQL', async () => {
    const email = 'locked@example.com';
    await sy.db.query(
      `INSERT INTO users (id, email, name, password_hash) SELECT gen_random_uuid(), $1, 'L', password_hash FROM users WHERE email = $2`,
      [email, TEST_OWNER.email],
    );
    const browser = new SessionClient(sy.url);
    const started = Date.now();
    for (let i = 0; i < 4; i++)
      expect((await browser.request('POST', '/api/auth/login', { email, password: 'wrong-password' })).status).toBe(401);
    // 0 + 200 + 400 + 800 ms of progressive delay.
    expect(Date.now() - started).toBeGreaterThanOrEqual(1400);
    const fifth = await browser.request('POST', '/api/auth/login', { email, password: 'wrong-password' });
    expect(fifth.status).toBe(429);
    expect(fifth.body.error.code).toBe('account_locked');
    const lockedUntil = new Date(fifth.body.error.lockedUntil).getTime();
    expect(lockedUntil).toBeGreaterThan(Date.now() + 14 * 60_000);
    expect(Number(fifth.headers.get('retry-after'))).toBeGreaterThan(800);
    // Locked even with the right password.
    const right = await browser.request('POST', '/api/auth/login', { email, password: TEST_OWNER.password });
    expect(right.status).toBe(429);
    // The failures are rows in PostgreSQL, which every api process reads.
    const [count] = await sy.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM login_attempts WHERE key = $1`, [`email:${email}`]);
    expect(count.n).toBe(5);
    // Another email from the same IP is not locked by this one.
    await browser.login(TEST_OWNER.email, TEST_OWNER.password);
    await sy.db.query(`DELETE FROM login_attempts`);
  }, 30_000);
});
