import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { freePort, MAIN_JS, startServerProcess, waitUntilReady, type ServerProcess } from '../support/server-process';
import { SessionClient } from '../support/session-client';

// A fresh start without SWITCHYARD_OWNER_*: the built server asks for the owner account and answers
// nothing else, then the owner signs in; a restart with the variables set adds no second owner.
describe('the built server on first start', () => {
  let db: TestDatabase;
  let server: ServerProcess | null = null;
  let port: number;

  const start = async (env: Record<string, string>) => {
    server = startServerProcess([], {
      PORT: String(port),
      DATABASE_URL: db.url,
      SWITCHYARD_OWNER_EMAIL: '',
      SWITCHYARD_OWNER_PASSWORD: '',
      SWITCHYARD_OWNER_API_KEY: '',
      ...env,
    });
    await waitUntilReady(`http://127.0.0.1:${port}/api/health/ready`, server);
  };

  beforeAll(async () => {
    expect(existsSync(MAIN_JS), 'build the api first (npm run build)').toBe(true);
    db = await createTestDatabase();
    port = await freePort();
  });

  afterAll(async () => {
    await server?.stop();
    await db?.drop();
  });

  it('asks for the owner account, then signs the owner in', async () => {
    await start({});
    const base = `http://127.0.0.1:${port}`;
    const browser = new SessionClient(base);
    expect((await browser.request('GET', '/api/auth/state')).body.setupRequired).toBe(true);
    expect((await browser.request('GET', '/api/runs')).body.error.code).toBe('setup_required');
    const page = await fetch(`${base}/setup`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(
      (await browser.request('POST', '/api/auth/setup', { email: 'first@example.com', password: 'first-owner-password' })).status,
    ).toBe(201);
    expect((await browser.request('GET', '/api/runs')).status).toBe(200);

    expect(await server!.stop('SIGTERM')).toBe(0);
    await start({
      SWITCHYARD_OWNER_EMAIL: 'second@example.com',
      SWITCHYARD_OWNER_PASSWORD: 'second-owner-password',
      SWITCHYARD_OWNER_API_KEY: `sy_${'k'.repeat(40)}`,
    });
    expect(await db.query('SELECT email FROM users')).toEqual([{ email: 'first@example.com' }]);
    const seeded = await fetch(`${base}/api/workflows`, { headers: { authorization: `Bearer sy_${'k'.repeat(40)}` } });
    expect(seeded.status).toBe(200);
    await new SessionClient(base).login('first@example.com', 'first-owner-password');
  });
});
