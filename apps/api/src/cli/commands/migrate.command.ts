import type { Command } from 'commander';
import { openDatabaseTarget } from '../database-target';
import { migrateDatabase } from '../migrate';
import type { CliContext } from '../cli-context';

// One paragraph: commander wraps it to the terminal.
const DESCRIPTION = `Runs the pending database migrations and exits. Switchyard also runs them when it starts; this command takes a lock first, so that processes started together (Kubernetes init containers, an upgrade step before the new version starts) migrate one at a time. Uses DATABASE_URL, or the embedded PostgreSQL of SWITCHYARD_DATA_DIR (stop Switchyard first).`;

/** `switchyard migrate`. */
export function registerMigrateCommand(program: Command, ctx: CliContext): void {
  program
    .command('migrate')
    .summary('run the pending database migrations (with a lock) and exit')
    .description(DESCRIPTION)
    .action(async () => {
      const target = await openDatabaseTarget(ctx.env, { running: 'refuse', initialise: false });
      try {
        const { ran, total } = await migrateDatabase(target.url);
        ctx.out(
          ran.length === 0
            ? `The schema of ${target.description} is up to date (${total} migrations).`
            : `Migrated ${target.description}: ${ran.join(', ')} (${total} migrations in all).`,
        );
      } finally {
        await target.release();
      }
    });
}
