import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SwitchyardInstance } from '../../src/bootstrap';
import { DrainState } from '../../src/lifecycle/drain-state';
import type { ApiClient } from '../support/client';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { startTestSwitchyard } from '../support/switchyard';

describe('draining before a shutdown', () => {
  let db: TestDatabase;
  let instance: SwitchyardInstance;
  let api: ApiClient;

  beforeAll(async () => {
    db = await createTestDatabase();
    const started = await startTestSwitchyard({ databaseUrl: db.url });
    instance = started.instance;
    api = started.api as ApiClient;
  });

  afterAll(async () => {
    await instance?.close();
    await db?.drop();
  });

  it('turns readiness to 503 and closes connections after each answer, while still serving requests', async () => {
    const ready = await api.request('GET', '/api/health/ready');
    expect(ready.status).toBe(200);
    expect(ready.headers.get('connection')).not.toBe('close');

    instance.app.get(DrainState).draining = true;
    const draining = await api.request('GET', '/api/health/ready');
    expect(draining.status).toBe(503);
    expect(draining.body).toMatchObject({ status: 'draining' });
    expect(draining.headers.get('connection')).toBe('close');
    // The requests that still arrive are answered, so that nothing in flight is cut off.
    const live = await api.request('GET', '/api/health/live');
    expect(live.status).toBe(200);
    expect(live.headers.get('connection')).toBe('close');
  });

  it('stops listening on close and refuses new connections', async () => {
    await instance.close();
    await expect(fetch(`${api.baseUrl}/api/health/live`)).rejects.toThrow();
  });
});
