import type { Command } from 'commander';
import type { CliContext } from '../cli-context';
import { ROTATE_KEY_HELP, rotateMasterKey } from '../rotate-key';

/** `switchyard rotate-key [--new-key <base64>]` (also `npm run secrets:rotate-key`). */
export function registerRotateKeyCommand(program: Command, ctx: CliContext): void {
  program
    .command('rotate-key')
    .summary('re-encrypt trigger secrets and credentials with a new master key')
    .description('Re-encrypts every trigger secret and stored credential with a new master key.')
    .addHelpText('after', `\n${ROTATE_KEY_HELP}`)
    .option('--new-key <base64>', 'the key to rotate to (or SWITCHYARD_NEW_SECRET_KEY, kept out of the process list)')
    .action(async (options: { newKey?: string }) => {
      ctx.setExitCode(await rotateMasterKey({ env: ctx.env, newKey: options.newKey }));
    });
}
