import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXIT, runSwitchyard } from '../program';
import { REMOTE_EXIT } from './remote-client';

async function run(argv: string[], env: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runSwitchyard(argv, { env, out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** A loopback port nothing listens on. */
function closedPort(): Promise<number> {
  return new Promise((res) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => res(port));
    });
  });
}

describe('the commands that talk to a server', () => {
  it('are in the help, with their options', async () => {
    const help = await run(['--help']);
    for (const command of ['export', 'import', 'apply', 'runs', 'replay']) expect(help.out).toContain(command);
    expect((await run(['import', '--help'])).out).toContain('--dry-run');
    expect((await run(['runs', 'tail', '--help'])).out).toContain('--follow');
  });

  it('exit 2 without a server URL or an API key, saying which', async () => {
    expect(await run(['export'])).toMatchObject({ code: EXIT.usage, err: 'switchyard: no server: pass --url or set SWITCHYARD_URL' });
    expect(await run(['export', '--url', 'http://127.0.0.1:1'])).toMatchObject({
      code: EXIT.usage,
      err: expect.stringContaining('no API key: pass --api-key or set SWITCHYARD_API_KEY'),
    });
    expect(await run(['export'], { SWITCHYARD_URL: 'ftp://x', SWITCHYARD_API_KEY: 'sy_x' })).toMatchObject({ code: EXIT.usage });
    expect(await run(['import'])).toMatchObject({ code: EXIT.usage, err: expect.stringContaining("missing required argument 'file'") });
  });

  it('exit 2 for a file or folder that is not there or not a workflow file, before calling the server', async () => {
    const env = { SWITCHYARD_URL: 'http://127.0.0.1:1', SWITCHYARD_API_KEY: 'sy_x' };
    expect(await run(['import', '/nonexistent/bundle.json'], env)).toMatchObject({
      code: EXIT.usage,
      err: 'switchyard: /nonexistent/bundle.json does not exist',
    });
    const dir = mkdtempSync(join(tmpdir(), 'sy-apply-'));
    expect(await run(['apply', dir], env)).toMatchObject({
      code: EXIT.usage,
      err: expect.stringContaining('holds no .json workflow files'),
    });
    writeFileSync(join(dir, 'a.json'), '{"name":"not a bundle"}');
    expect(await run(['apply', dir], env)).toMatchObject({ code: EXIT.usage, err: expect.stringContaining('is not a workflow file') });
  });

  it(`exit ${REMOTE_EXIT.unreachable} when the server cannot be reached`, async () => {
    const port = await closedPort();
    const res = await run(['export', '--url', `http://127.0.0.1:${port}`, '--api-key', 'sy_x']);
    expect(res).toMatchObject({ code: REMOTE_EXIT.unreachable, err: expect.stringContaining(`cannot reach http://127.0.0.1:${port}`) });
  });

  it('takes the replay options after the run id', async () => {
    const port = await closedPort();
    const res = await run([
      'replay',
      'r1',
      '--original',
      '--from',
      'failed-step',
      '--url',
      `http://127.0.0.1:${port}`,
      '--api-key',
      'sy_x',
    ]);
    expect(res.code).toBe(REMOTE_EXIT.unreachable);
  });
});
