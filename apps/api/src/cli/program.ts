import { Command, CommanderError } from 'commander';
import { registerBackupCommand } from './commands/backup.command';
import { registerMigrateCommand } from './commands/migrate.command';
import { registerRestoreCommand } from './commands/restore.command';
import { registerRotateKeyCommand } from './commands/rotate-key.command';
import { registerRemoteCommands } from './remote/remote.commands';
import { type CliContext, EXIT } from './cli-context';
import { switchyardVersion } from './version';

export { type CliContext, EXIT } from './cli-context';

/**
 * The `switchyard` command line. Each command lives in commands/<name>.command.ts and registers
 * itself here. Operator commands work on the database and the data directory directly (backup,
 * restore, rotate-key, migrate). Commands that drive a running server over HTTP with an API key (issue 16:
 * export, import, apply, runs tail, replay) register after them, with a shared `--url` /
 * `--api-key` (SWITCHYARD_URL, SWITCHYARD_API_KEY) helper of their own.
 */
export function createProgram(ctx: CliContext): Command {
  const program = new Command('switchyard')
    .description('Switchyard: webhook-triggered workflow automation, operator and API commands')
    .version(switchyardVersion(), '-v, --version')
    .configureOutput({ writeOut: (s) => ctx.out(s.trimEnd()), writeErr: (s) => ctx.err(s.trimEnd()) })
    .showHelpAfterError('(add --help for usage)')
    .exitOverride();
  program.addHelpText(
    'after',
    `
Settings come from the environment, as for the server: DATABASE_URL, or the embedded PostgreSQL in
SWITCHYARD_DATA_DIR (default ./.switchyard), and SWITCHYARD_SECRET_KEY.
export, import, apply, runs tail and replay talk to a running server: --url and --api-key, or
SWITCHYARD_URL and SWITCHYARD_API_KEY (docs/cli.md).
Exit codes: 0 done, 1 refused or failed, 2 wrong usage, 3 server unreachable. See docs/cli.md.`,
  );
  registerBackupCommand(program, ctx);
  registerRestoreCommand(program, ctx);
  registerRotateKeyCommand(program, ctx);
  registerMigrateCommand(program, ctx);
  registerRemoteCommands(program, ctx);
  for (const command of [...program.commands, ...program.commands.flatMap((c) => c.commands)]) command.exitOverride();
  return program;
}

/** Runs `argv` (the arguments after the script name); resolves to the exit code. */
export async function runSwitchyard(argv: string[], io: Partial<Pick<CliContext, 'env' | 'out' | 'err'>> = {}): Promise<number> {
  let code: number = EXIT.ok;
  const ctx: CliContext = {
    env: io.env ?? process.env,
    out: io.out ?? ((line) => process.stdout.write(`${line}\n`)),
    err: io.err ?? ((line) => process.stderr.write(`${line}\n`)),
    setExitCode: (c) => (code = c),
  };
  try {
    await createProgram(ctx).parseAsync(argv, { from: 'user' });
    return code;
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode === 0 ? EXIT.ok : EXIT.usage;
    ctx.err(`switchyard: ${err instanceof Error ? err.message : String(err)}`);
    return EXIT.failed;
  }
}
