import { randomBytes } from 'node:crypto';
import { startSwitchyard, type SwitchyardInstance } from '../../src/bootstrap';
import type { Role } from '../../src/config/config.schema';
import { ApiClient, TEST_OWNER_ENV } from './client';

/**
 * Starts Switchyard in this process on a test database, listening on a free loopback port, seeded
 * with the test owner (TEST_OWNER); `api` calls with the owner's API key. Pass
 * `env: { SWITCHYARD_OWNER_EMAIL: '' , ... }` to start without an owner (setup tests).
 */
export async function startTestSwitchyard(options: {
  databaseUrl: string;
  redisUrl?: string;
  role?: Role;
  queuePrefix?: string;
  env?: Record<string, string>;
}) {
  const instance: SwitchyardInstance = await startSwitchyard({
    role: options.role ?? 'all',
    env: {
      PORT: '0',
      HOST: '127.0.0.1',
      DATABASE_URL: options.databaseUrl,
      REDIS_URL: options.redisUrl,
      SWITCHYARD_EGRESS_ALLOW: '127.0.0.1/32',
      SWITCHYARD_QUEUE_PREFIX: options.queuePrefix ?? `sy-test-${randomBytes(4).toString('hex')}`,
      SWITCHYARD_SWEEP_INTERVAL_MS: '300',
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent',
      // Every answer is parsed with the shared contract: drift fails the test that met it.
      SWITCHYARD_CONTRACT_CHECK: 'strict',
      ...TEST_OWNER_ENV,
      ...options.env,
    },
  });
  return { instance, api: instance.url ? new ApiClient(instance.url) : null };
}
