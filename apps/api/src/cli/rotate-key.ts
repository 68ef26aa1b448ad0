import { randomBytes } from 'node:crypto';
import { chmodSync, closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { resolve } from 'node:path';
import { Client } from 'pg';
import { createLogger } from '../common/logger';
import { startEmbeddedDatabase, type EmbeddedDatabase } from '../database/embedded-database';
import { parseMasterKey } from '../secrets/master-key';
import { reencryptSecrets } from '../secrets/reencrypt-secrets';
import { SecretBox } from '../secrets/secret-box';

/** The help text of `switchyard rotate-key` (and of the older rotate-master-key.js entry). */
export const ROTATE_KEY_HELP = `  Database: DATABASE_URL, or the embedded PostgreSQL in SWITCHYARD_DATA_DIR (default ./.switchyard;
  stop Switchyard first, the embedded database has one user at a time).
  Keys that decrypt: SWITCHYARD_SECRET_KEY (or SWITCHYARD_DATA_DIR/secret.key), SWITCHYARD_SECRET_KEY_PREVIOUS.
  The new key:
    without SWITCHYARD_SECRET_KEY: --new-key, or a generated one, written to secret.key.next first and
      renamed to secret.key once every row is re-encrypted (processes read both meanwhile);
    with SWITCHYARD_SECRET_KEY and --new-key (or SWITCHYARD_NEW_SECRET_KEY): that key; set it as
      SWITCHYARD_SECRET_KEY everywhere afterwards;
    with SWITCHYARD_SECRET_KEY alone: SWITCHYARD_SECRET_KEY itself, finishing a rotation in which the
      old key was moved to SWITCHYARD_SECRET_KEY_PREVIOUS.
It can be interrupted and run again: rows are re-encrypted one at a time and every key still decrypts.`;

interface Plan {
  target: Buffer;
  decryptKeys: Buffer[];
  /** File mode: where the new key waits until every row is re-encrypted. */
  nextFile?: string;
  keyFile?: string;
  describe: string;
}

function plan(env: NodeJS.ProcessEnv, newKeyArg: string | undefined): Plan {
  const previous = (env.SWITCHYARD_SECRET_KEY_PREVIOUS ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((v) => parseMasterKey(v, 'SWITCHYARD_SECRET_KEY_PREVIOUS'));
  const newKey = newKeyArg ?? env.SWITCHYARD_NEW_SECRET_KEY;
  if (env.SWITCHYARD_SECRET_KEY) {
    const current = parseMasterKey(env.SWITCHYARD_SECRET_KEY, 'SWITCHYARD_SECRET_KEY');
    if (!newKey) {
      if (previous.length === 0)
        throw new Error(
          'nothing to rotate: give --new-key, or move the old key to SWITCHYARD_SECRET_KEY_PREVIOUS and set the new one as SWITCHYARD_SECRET_KEY',
        );
      return { target: current, decryptKeys: previous, describe: 'SWITCHYARD_SECRET_KEY (previous keys: SWITCHYARD_SECRET_KEY_PREVIOUS)' };
    }
    return { target: parseMasterKey(newKey, '--new-key'), decryptKeys: [current, ...previous], describe: 'the key given by --new-key' };
  }
  const keyFile = resolve(env.SWITCHYARD_DATA_DIR || './.switchyard', 'secret.key');
  const nextFile = `${keyFile}.next`;
  if (!existsSync(keyFile)) throw new Error(`${keyFile} does not exist and SWITCHYARD_SECRET_KEY is not set: there is no key to rotate`);
  const current = parseMasterKey(readFileSync(keyFile, 'utf8'), keyFile);
  if (existsSync(nextFile)) {
    // An earlier run was interrupted: finish it with the same key.
    const next = parseMasterKey(readFileSync(nextFile, 'utf8'), nextFile);
    if (newKey && !parseMasterKey(newKey, '--new-key').equals(next))
      throw new Error(`${nextFile} holds another key from an interrupted rotation: run again without --new-key to finish it`);
    return { target: next, decryptKeys: [current, ...previous], nextFile, keyFile, describe: `${nextFile} (from an interrupted run)` };
  }
  const target = newKey ? parseMasterKey(newKey, '--new-key') : randomBytes(32);
  writeKeyFile(nextFile, target);
  return {
    target,
    decryptKeys: [current, ...previous],
    nextFile,
    keyFile,
    describe: newKey ? `the key given by --new-key (in ${nextFile})` : `a new key generated into ${nextFile}`,
  };
}

/** Written and flushed before any row is sealed with it, so a crash can never lose the key. */
function writeKeyFile(file: string, key: Buffer): void {
  const fd = openSync(file, 'wx', 0o600);
  try {
    writeSync(fd, `${key.toString('base64')}\n`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  chmodSync(file, 0o600);
}

/** `switchyard rotate-key`: returns the exit code (1 when some rows could not be re-encrypted). */
export async function rotateMasterKey(options: { env: NodeJS.ProcessEnv; newKey?: string }): Promise<number> {
  const { env, newKey: newKeyArg } = options;
  const p = plan(env, newKeyArg);
  console.log(`Re-encrypting with ${p.describe}`);

  let embedded: EmbeddedDatabase | null = null;
  const url =
    env.DATABASE_URL ||
    (embedded = await startEmbeddedDatabase(env.SWITCHYARD_DATA_DIR || './.switchyard', createLogger(env.LOG_LEVEL ?? 'warn'))).url;
  const client = new Client({ connectionString: url });
  try {
    await client.connect();
    const counts = await reencryptSecrets(
      client,
      new SecretBox(
        p.target,
        p.decryptKeys.filter((k) => !k.equals(p.target)),
      ),
    );
    let failed = 0;
    for (const [table, c] of Object.entries(counts)) {
      console.log(`${table}: ${c.reencrypted} re-encrypted, ${c.current} already on the new key, ${c.failed.length} failed`);
      for (const f of c.failed) console.log(`  ${table} ${f.id}: ${f.reason}`);
      failed += c.failed.length;
    }
    if (failed > 0) {
      console.log(`${failed} rows could not be re-encrypted; nothing else changed. Fix or delete them and run the command again.`);
      return 1;
    }
    if (p.nextFile && p.keyFile) {
      // Atomic: secret.key is the old key or the new one, and every row is already under the new one.
      renameSync(p.nextFile, p.keyFile);
      console.log(`Done: ${p.keyFile} now holds the new key. Back it up with the database.`);
    } else if (newKeyArg || env.SWITCHYARD_NEW_SECRET_KEY) {
      console.log('Done: set SWITCHYARD_SECRET_KEY to the new key on every api and worker process and restart them.');
    } else {
      console.log('Done: SWITCHYARD_SECRET_KEY_PREVIOUS can now be removed from every api and worker process.');
    }
    return 0;
  } finally {
    await client.end().catch(() => undefined);
    await embedded?.stop();
  }
}
