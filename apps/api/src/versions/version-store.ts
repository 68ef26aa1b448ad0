import { validateDefinition, type WorkflowDefinition } from '@switchyard/engine';
import { LRUCache } from 'lru-cache';
import type { Pool } from 'pg';

/** A stored version that does not validate after its upgrade: a format change that lacks its upgrade. */
export class InvalidStoredVersionError extends Error {
  constructor(versionId: string, detail: string) {
    super(`stored workflow version ${versionId} is invalid: ${detail}`);
    this.name = 'InvalidStoredVersionError';
  }
}

/**
 * Every reader's way to a workflow version's definition: reads `workflow_versions`, upgrades the
 * stored format to the current `schemaVersion` (packages/engine upgrade-definition.ts), validates,
 * and caches by version id. Versions are immutable rows, so an entry never goes stale. Readers
 * that already loaded the row (with a join) pass its JSON to `decode` and pay no query.
 * Definitions handed out are shared: treat them as read-only.
 */
export class VersionStore {
  private readonly cache = new LRUCache<string, WorkflowDefinition>({ max: 1000 });

  constructor(private readonly pool: Pool) {}

  async get(versionId: string): Promise<WorkflowDefinition> {
    const cached = this.cache.get(versionId);
    if (cached) return cached;
    const { rows } = await this.pool.query<{ definition: Record<string, unknown> }>(
      `SELECT definition FROM workflow_versions WHERE id = $1`,
      [versionId],
    );
    if (!rows[0]) throw new Error(`workflow version ${versionId} is missing`);
    return this.decode(versionId, rows[0].definition);
  }

  /** The definition of a version row already read: upgraded and validated once, then from the cache. */
  decode(versionId: string, stored: Record<string, unknown>): WorkflowDefinition {
    const cached = this.cache.get(versionId);
    if (cached) return cached;
    const result = validateDefinition(stored);
    if (!result.ok) throw new InvalidStoredVersionError(versionId, `${result.issues[0].path} ${result.issues[0].message}`);
    this.cache.set(versionId, result.definition);
    return result.definition;
  }

  /** A version just written from a validated definition: cached as it is, with no second validation. */
  remember(versionId: string, definition: WorkflowDefinition): void {
    this.cache.set(versionId, definition);
  }
}
