import { CURRENT_SCHEMA_VERSION } from './workflow-definition.schema';

/** An upgrade from one stored definition format to the next, applied when a definition is read. */
export interface DefinitionUpgrade {
  from: number;
  up(definition: Record<string, unknown>): Record<string, unknown>;
}

/**
 * Upgrades, in order. Empty while version 1 is the only format; a change of format adds a file
 * `v<N>-to-v<N+1>.ts` here instead of rewriting stored rows.
 */
export const DEFINITION_UPGRADES: ReadonlyArray<DefinitionUpgrade> = [];

/**
 * Brings a stored definition (or a client's, which may omit `schemaVersion`) to the current format.
 * Throws when the version is newer than this build understands.
 */
export function upgradeDefinition(definition: Record<string, unknown>): Record<string, unknown> {
  let current = { ...definition };
  let version = typeof current.schemaVersion === 'number' ? current.schemaVersion : CURRENT_SCHEMA_VERSION;
  if (version > CURRENT_SCHEMA_VERSION) {
    throw new Error(`Definition schemaVersion ${version} is newer than this Switchyard (${CURRENT_SCHEMA_VERSION})`);
  }
  for (const upgrade of DEFINITION_UPGRADES) {
    if (upgrade.from === version) {
      current = upgrade.up(current);
      version = upgrade.from + 1;
    }
  }
  return { ...current, schemaVersion: version };
}
