import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../src/database/data-source-options';
import { MIGRATIONS } from '../../src/database/migrations';
import { DEFAULT_WORKSPACE_ID } from '../../src/database/entities/workspace.entity';
import { useTestDatabase } from '../support/use-switchyard';

// CI fails on drift: an entity change without its migration shows up here as pending SQL.
describe('migrations', () => {
  const db = useTestDatabase();
  let ds: DataSource;

  beforeAll(async () => {
    ds = await new DataSource(dataSourceOptions(db.current.url)).initialize();
  });

  afterAll(async () => {
    await ds?.destroy();
  });

  it('run at start, never synchronize', () => {
    expect(ds.options.synchronize).toBe(false);
    expect(ds.options.migrationsRun).toBe(true);
  });

  it('leave no difference between the entities and the schema', async () => {
    const pending = await ds.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((q) => q.query)).toEqual([]);
  });

  it('seed the default workspace, and revert cleanly', async () => {
    expect(await db.current.query('SELECT id FROM workspaces')).toEqual([{ id: DEFAULT_WORKSPACE_ID }]);
    for (let i = 0; i < MIGRATIONS.length; i++) await ds.undoLastMigration();
    expect(await db.current.query(`SELECT to_regclass('public.runs') AS t`)).toEqual([{ t: null }]);
    await ds.runMigrations();
    expect(await db.current.query(`SELECT to_regclass('public.runs') AS t`)).toEqual([{ t: 'runs' }]);
  });
});
