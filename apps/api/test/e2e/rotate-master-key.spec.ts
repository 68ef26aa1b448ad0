import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { credentialAssociatedData } from '../../src/credentials/credential-seal';
import { SecretBox } from '../../src/secrets/secret-box';
import type { ApiClient } from '../support/client';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { startSink, type Sink } from '../support/sink';
import { startTestSwitchyard } from '../support/switchyard';

const CLI = resolve(__dirname, '../../dist/cli/rotate-master-key.js');
const TRIGGER_SECRET = 'whsec_trigger_secret_value_0001';
const TOKEN = 'bearer-token-to-rotate-0001';

/** Runs the BUILT command as an operator would. */
function rotate(env: Record<string, string>, args: string[] = []): Promise<{ code: number | null; output: string }> {
  return new Promise((res) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      res({ code, output });
    });
  });
}

const key = () => randomBytes(32);

describe('rotate-master-key', () => {
  let sink: Sink;
  const dirs: string[] = [];
  const dbs: TestDatabase[] = [];

  beforeAll(async () => {
    if (!existsSync(CLI)) throw new Error(`${CLI} is not built: run npx nx run api:build`);
    sink = await startSink();
  });

  afterAll(async () => {
    await sink?.close();
    for (const db of dbs) await db.drop();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  /** A workflow with a trigger secret and an http step using a bearer credential, made by the running server. */
  async function seed(env: Record<string, string>) {
    const db = await createTestDatabase();
    dbs.push(db);
    const { instance, api } = await startTestSwitchyard({ databaseUrl: db.url, env });
    try {
      const cred = await (api as ApiClient).request('POST', '/api/credentials', { name: 'Token', type: 'bearer', data: { token: TOKEN } });
      const wf = await (api as ApiClient).createWorkflow({
        name: 'Signed',
        trigger: { type: 'webhook', verify: { scheme: 'github', secrets: [TRIGGER_SECRET] } },
        steps: [{ id: 'call', type: 'http', url: `${sink.url}/rotated`, credentialId: cred.body.id }],
      });
      return { db, workflowId: wf.id as string, credentialId: cred.body.id as string };
    } finally {
      await instance.close();
    }
  }

  async function rows(db: TestDatabase) {
    const [trigger] = await db.query<{ workflow_id: string; ciphertext: Buffer }>('SELECT workflow_id, ciphertext FROM trigger_secrets');
    const [credential] = await db.query<{ id: string; ciphertext: Buffer }>('SELECT id, ciphertext FROM credentials');
    return {
      decryptWith: (box: SecretBox) => ({
        trigger: box.decryptJson(trigger.ciphertext, trigger.workflow_id),
        credential: box.decryptJson(credential.ciphertext, credentialAssociatedData(credential.id)),
      }),
    };
  }

  /** Whether a running server can still use the credential: "Test this step" against the sink. */
  async function stepWorks(db: TestDatabase, env: Record<string, string>, credentialId: string) {
    const { instance, api } = await startTestSwitchyard({ databaseUrl: db.url, env });
    try {
      const res = await (api as ApiClient).request('POST', '/api/test/step', {
        step: { id: 'call', type: 'http', url: `${sink.url}/check`, credentialId },
      });
      return res.body.status === 'succeeded' && sink.requests.at(-1)?.headers.authorization === `Bearer ${TOKEN}`;
    } finally {
      await instance.close();
    }
  }

  it('re-encrypts trigger secrets and credentials with the key given by --new-key', async () => {
    const oldKey = key();
    const newKey = key();
    const { db, credentialId } = await seed({ SWITCHYARD_SECRET_KEY: oldKey.toString('base64') });

    const run = await rotate({ DATABASE_URL: db.url, SWITCHYARD_SECRET_KEY: oldKey.toString('base64') }, [
      `--new-key=${newKey.toString('base64')}`,
    ]);
    expect(run.code, run.output).toBe(0);
    expect(run.output).toContain('trigger_secrets: 1 re-encrypted, 0 already on the new key, 0 failed');
    expect(run.output).toContain('credentials: 1 re-encrypted, 0 already on the new key, 0 failed');

    const stored = await rows(db);
    expect(stored.decryptWith(new SecretBox(newKey))).toEqual({ trigger: [TRIGGER_SECRET], credential: { token: TOKEN } });
    expect(() => stored.decryptWith(new SecretBox(oldKey))).toThrow(/master key/);

    const again = await rotate({
      DATABASE_URL: db.url,
      SWITCHYARD_SECRET_KEY: newKey.toString('base64'),
      SWITCHYARD_SECRET_KEY_PREVIOUS: oldKey.toString('base64'),
    });
    expect(again.code, again.output).toBe(0);
    expect(again.output).toContain('credentials: 0 re-encrypted, 1 already on the new key, 0 failed');
    expect(await stepWorks(db, { SWITCHYARD_SECRET_KEY: newKey.toString('base64') }, credentialId)).toBe(true);
  });

  it('rotates the generated secret.key, and an interrupted rotation leaves every row readable', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sy-rotate-'));
    dirs.push(dir);
    const oldKey = key();
    writeFileSync(join(dir, 'secret.key'), `${oldKey.toString('base64')}\n`, { mode: 0o600 });
    const { db, credentialId } = await seed({ SWITCHYARD_DATA_DIR: dir });

    // Interrupted after sealing the credential with the next key but before the trigger secret.
    const nextKey = key();
    writeFileSync(join(dir, 'secret.key.next'), `${nextKey.toString('base64')}\n`, { mode: 0o600 });
    const [row] = await db.query<{ id: string; ciphertext: Buffer }>('SELECT id, ciphertext FROM credentials');
    const resealed = new SecretBox(nextKey, [oldKey]);
    const aad = credentialAssociatedData(row.id);
    await db.query('UPDATE credentials SET ciphertext = $2 WHERE id = $1', [
      row.id,
      resealed.encrypt(resealed.decrypt(row.ciphertext, aad), aad),
    ]);
    expect(await stepWorks(db, { SWITCHYARD_DATA_DIR: dir }, credentialId)).toBe(true);

    const run = await rotate({ DATABASE_URL: db.url, SWITCHYARD_DATA_DIR: dir });
    expect(run.code, run.output).toBe(0);
    expect(run.output).toContain('interrupted run');
    expect(run.output).toContain('trigger_secrets: 1 re-encrypted, 0 already on the new key, 0 failed');
    expect(run.output).toContain('credentials: 0 re-encrypted, 1 already on the new key, 0 failed');
    expect(existsSync(join(dir, 'secret.key.next'))).toBe(false);
    expect(Buffer.from(readFileSync(join(dir, 'secret.key'), 'utf8').trim(), 'base64').equals(nextKey)).toBe(true);

    const stored = await rows(db);
    expect(stored.decryptWith(new SecretBox(nextKey))).toEqual({ trigger: [TRIGGER_SECRET], credential: { token: TOKEN } });
    expect(() => stored.decryptWith(new SecretBox(oldKey))).toThrow(/master key/);

    // A fresh rotation generates a key of its own.
    const fresh = await rotate({ DATABASE_URL: db.url, SWITCHYARD_DATA_DIR: dir });
    expect(fresh.code, fresh.output).toBe(0);
    expect(fresh.output).toContain('a new key generated');
    const generated = Buffer.from(readFileSync(join(dir, 'secret.key'), 'utf8').trim(), 'base64');
    expect(generated.equals(nextKey)).toBe(false);
    expect((await rows(db)).decryptWith(new SecretBox(generated))).toEqual({ trigger: [TRIGGER_SECRET], credential: { token: TOKEN } });
    expect(await stepWorks(db, { SWITCHYARD_DATA_DIR: dir }, credentialId)).toBe(true);
  });

  it('an api started with SWITCHYARD_SECRET_KEY_PREVIOUS re-encrypts stale credentials and trigger secrets', async () => {
    const oldKey = key();
    const newKey = key();
    const { db, credentialId } = await seed({ SWITCHYARD_SECRET_KEY: oldKey.toString('base64') });
    expect(
      await stepWorks(
        db,
        { SWITCHYARD_SECRET_KEY: newKey.toString('base64'), SWITCHYARD_SECRET_KEY_PREVIOUS: oldKey.toString('base64') },
        credentialId,
      ),
    ).toBe(true);
    const stored = await rows(db);
    expect(stored.decryptWith(new SecretBox(newKey))).toEqual({ trigger: [TRIGGER_SECRET], credential: { token: TOKEN } });
    expect(() => stored.decryptWith(new SecretBox(oldKey))).toThrow(/master key/);
  });

  it('refuses to run without a key to rotate to', async () => {
    const run = await rotate({ DATABASE_URL: 'postgres://127.0.0.1:1/none', SWITCHYARD_SECRET_KEY: key().toString('base64') });
    expect(run.code).toBe(1);
    expect(run.output).toContain('nothing to rotate');
  });
});
