// The benchmark scripts start servers on fresh databases: they seed the owner account and an API key
// through the automated-setup variables (see docs/accounts.md) and call /api with that key.
import { randomBytes } from 'node:crypto';

export const BENCH_API_KEY = `sy_bench_${randomBytes(24).toString('base64url')}`;

/** Environment that seeds the owner and BENCH_API_KEY on a server's first start. */
export const BENCH_OWNER_ENV = {
  SWITCHYARD_OWNER_EMAIL: 'bench@switchyard.test',
  SWITCHYARD_OWNER_PASSWORD: `bench-${randomBytes(12).toString('hex')}`,
  SWITCHYARD_OWNER_API_KEY: BENCH_API_KEY,
};

export const BENCH_AUTH_HEADERS = { authorization: `Bearer ${BENCH_API_KEY}` };
