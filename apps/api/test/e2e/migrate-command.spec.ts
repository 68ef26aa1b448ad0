import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../src/database/migrations';
import { runCli, SWITCHYARD_CLI } from '../support/cli-process';
import { createTestDatabase, type TestDatabase } from '../support/database';

// What the Kubernetes init containers of every api and worker pod do at once on a new database.
describe('switchyard migrate', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    expect(existsSync(SWITCHYARD_CLI), 'build the api first (npm run build)').toBe(true);
    db = await createTestDatabase();
  });

  afterAll(async () => {
    await db?.drop();
  });

  it('migrates a new database once when several processes start together, then finds nothing to do', async () => {
    const runs = await Promise.all([1, 2, 3].map(() => runCli(['migrate'], { DATABASE_URL: db.url })));
    for (const run of runs) expect(run.code, run.output).toBe(0);
    expect(runs.filter((r) => r.stdout.startsWith('Migrated PostgreSQL at DATABASE_URL'))).toHaveLength(1);
    expect(runs.filter((r) => r.stdout.includes('is up to date'))).toHaveLength(2);
    const applied = await db.query<{ name: string }>('SELECT name FROM migrations ORDER BY id');
    expect(applied.map((m) => m.name)).toEqual(MIGRATIONS.map((m) => (new m() as { name: string }).name));

    const again = await runCli(['migrate'], { DATABASE_URL: db.url });
    expect(again.stdout).toContain(`is up to date (${MIGRATIONS.length} migrations)`);
  });
});
