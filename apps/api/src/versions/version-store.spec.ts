import type { Pool } from 'pg';
import { describe, expect, it } from 'vitest';
import { InvalidStoredVersionError, VersionStore } from './version-store';

const stored = { schemaVersion: 1, trigger: { type: 'webhook' }, steps: [{ type: 'map', expression: '{ "a": 1 }' }] };

function fakePool(rows: Record<string, Record<string, unknown>>) {
  const reads: string[] = [];
  const pool = {
    query: async (_sql: string, [id]: [string]) => {
      reads.push(id);
      return { rows: rows[id] ? [{ definition: rows[id] }] : [] };
    },
  } as unknown as Pool;
  return { pool, reads };
}

describe('VersionStore', () => {
  it('reads, validates (ids assigned) and caches a version', async () => {
    const { pool, reads } = fakePool({ v1: stored });
    const store = new VersionStore(pool);
    const definition = await store.get('v1');
    expect(definition.steps[0]).toMatchObject({ id: 'map_1', type: 'map' });
    expect(await store.get('v1')).toBe(definition);
    expect(reads).toEqual(['v1']);
  });

  it('decodes a row already read without a query, and upgrades a definition without schemaVersion', () => {
    const { pool, reads } = fakePool({});
    const store = new VersionStore(pool);
    const { schemaVersion: _omitted, ...legacy } = stored;
    expect(store.decode('v2', legacy).schemaVersion).toBe(1);
    expect(reads).toEqual([]);
  });

  it('refuses a stored version that does not validate, and a missing one', async () => {
    const store = new VersionStore(fakePool({ bad: { trigger: { type: 'webhook' }, steps: [{ type: 'nope' }] } }).pool);
    await expect(store.get('bad')).rejects.toBeInstanceOf(InvalidStoredVersionError);
    await expect(store.get('gone')).rejects.toThrow(/missing/);
  });

  it('refuses a definition from a newer Switchyard', () => {
    const store = new VersionStore(fakePool({}).pool);
    expect(() => store.decode('v9', { ...stored, schemaVersion: 99 })).toThrow(/newer than this Switchyard/);
  });

  it('remembers a definition just written', async () => {
    const { pool, reads } = fakePool({});
    const store = new VersionStore(pool);
    const definition = store.decode('tmp', stored);
    store.remember('v3', definition);
    expect(await store.get('v3')).toBe(definition);
    expect(reads).toEqual([]);
  });
});
