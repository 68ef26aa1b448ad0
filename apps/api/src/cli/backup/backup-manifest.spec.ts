import { describe, expect, it } from 'vitest';
import { FORMAT_VERSION, parseBackupManifest } from './backup-manifest';

const manifest = {
  format: 'switchyard-backup',
  formatVersion: FORMAT_VERSION,
  createdAt: '2026-01-31T12:00:00.000Z',
  switchyardVersion: '0.1.0',
  source: { kind: 'embedded', serverVersion: '17.6' },
  migrations: [{ timestamp: '1795443851893', name: 'Initial1795443851893' }],
  tables: [{ name: 'workflows', columns: ['id', 'name'], rows: 2, file: 'data/workflows.copy' }],
  masterKey: { source: 'data-dir', fingerprint: 'sha256:00', files: ['keys/secret.key'] },
};

describe('parseBackupManifest', () => {
  it('reads a manifest of this format', () => {
    expect(parseBackupManifest(JSON.stringify(manifest))).toEqual(manifest);
  });

  it('refuses a newer format with the way out', () => {
    expect(() => parseBackupManifest(JSON.stringify({ ...manifest, formatVersion: FORMAT_VERSION + 1 }))).toThrow(
      /newer than this Switchyard reads .* restore it with a newer Switchyard/,
    );
  });

  it('refuses what is not a manifest, naming the field', () => {
    expect(() => parseBackupManifest('not json')).toThrow(/not JSON/);
    expect(() => parseBackupManifest(JSON.stringify({ ...manifest, tables: [{ name: 'x' }] }))).toThrow(/tables\.0\.columns/);
  });
});
