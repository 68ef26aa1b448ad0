import { describe, expect, it } from 'vitest';
import { DEFINITION_UPGRADES, upgradeDefinition } from './upgrade-definition';
import { CURRENT_SCHEMA_VERSION } from './workflow-definition.schema';

describe('upgradeDefinition', () => {
  it("stamps the current version on a definition without one (a client's)", () => {
    expect(upgradeDefinition({ trigger: { type: 'webhook' }, steps: [] })).toEqual({
      trigger: { type: 'webhook' },
      steps: [],
      schemaVersion: CURRENT_SCHEMA_VERSION,
    });
  });

  it('keeps a current definition as it is, without modifying the input', () => {
    const input = { schemaVersion: CURRENT_SCHEMA_VERSION, steps: [] };
    const output = upgradeDefinition(input);
    expect(output).toEqual(input);
    expect(output).not.toBe(input);
  });

  it('refuses a version newer than this build', () => {
    expect(() => upgradeDefinition({ schemaVersion: CURRENT_SCHEMA_VERSION + 1 })).toThrow(
      `Definition schemaVersion ${CURRENT_SCHEMA_VERSION + 1} is newer than this Switchyard (${CURRENT_SCHEMA_VERSION})`,
    );
  });

  it('has no upgrade steps while version 1 is the only format', () => {
    expect(CURRENT_SCHEMA_VERSION).toBe(1);
    expect(DEFINITION_UPGRADES).toEqual([]);
  });
});
