import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../common/logger';
import { loadMasterKeys } from './master-key';

const logger = createLogger('silent');
const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'sy-key-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('loadMasterKeys', () => {
  it('uses SWITCHYARD_SECRET_KEY and previous keys', () => {
    const key = randomBytes(32);
    const old = randomBytes(32);
    const keys = loadMasterKeys({
      secretKey: key.toString('base64'),
      previousKeys: old.toString('base64'),
      dataDir: tempDir(),
      logger,
      shared: false,
    });
    expect(keys.key.equals(key)).toBe(true);
    expect(keys.previous[0].equals(old)).toBe(true);
  });
  it('rejects a key of the wrong size', () => {
    expect(() => loadMasterKeys({ secretKey: randomBytes(16).toString('base64'), dataDir: tempDir(), logger, shared: false })).toThrow(
      /exactly 32 bytes/,
    );
  });
  it('generates <dataDir>/secret.key with mode 0600 once, then reuses it', () => {
    const dir = join(tempDir(), 'nested');
    const first = loadMasterKeys({ dataDir: dir, logger, shared: false });
    const file = join(dir, 'secret.key');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(Buffer.from(readFileSync(file, 'utf8').trim(), 'base64').equals(first.key)).toBe(true);
    expect(loadMasterKeys({ dataDir: dir, logger, shared: false }).key.equals(first.key)).toBe(true);
  });
});

describe('loadMasterKeys during a rotation', () => {
  it('never generates a key when told not to (workers)', () => {
    expect(() => loadMasterKeys({ dataDir: tempDir(), logger, shared: true, generate: false })).toThrow(/same SWITCHYARD_SECRET_KEY/);
  });

  it('also decrypts with secret.key.next left by rotate-master-key', () => {
    const dir = tempDir();
    const first = loadMasterKeys({ dataDir: dir, logger, shared: false });
    const next = randomBytes(32);
    writeFileSync(join(dir, 'secret.key.next'), `${next.toString('base64')}\n`);
    const keys = loadMasterKeys({ dataDir: dir, logger, shared: false });
    expect(keys.key.equals(first.key)).toBe(true);
    expect(keys.previous.some((k) => k.equals(next))).toBe(true);
  });
});
