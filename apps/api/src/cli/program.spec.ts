import { describe, expect, it } from 'vitest';
import { EXIT, runSwitchyard } from './program';

async function run(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runSwitchyard(argv, { env: {}, out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('the switchyard command line', () => {
  it('lists its commands in the help, exit 0', async () => {
    const help = await run(['--help']);
    expect(help.code).toBe(EXIT.ok);
    for (const command of ['backup', 'restore', 'rotate-key']) expect(help.out).toContain(command);
  });

  it('answers wrong usage with exit 2 and says what is wrong', async () => {
    expect(await run(['nonsense'])).toMatchObject({ code: EXIT.usage, err: expect.stringContaining("unknown command 'nonsense'") });
    expect(await run(['restore'])).toMatchObject({ code: EXIT.usage, err: expect.stringContaining("missing required argument 'file'") });
    expect(await run(['backup', '--bogus'])).toMatchObject({ code: EXIT.usage, err: expect.stringContaining("unknown option '--bogus'") });
  });

  it('reports a failed operation with exit 1 and its reason', async () => {
    const missing = await run(['restore', '/nonexistent/backup.tar.gz']);
    expect(missing).toMatchObject({ code: EXIT.failed, err: 'switchyard: /nonexistent/backup.tar.gz does not exist' });
    const nowhere = await run(['backup', '--out', '/nonexistent/dir/backup.tar.gz']);
    expect(nowhere).toMatchObject({ code: EXIT.failed, err: expect.stringContaining('/nonexistent/dir does not exist') });
  });
});
