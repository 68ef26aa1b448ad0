import type { Command } from 'commander';
import { restoreBackup } from '../backup/restore-backup';
import { EXIT, type CliContext } from '../cli-context';

/** `switchyard restore FILE [--force] [--json]`. */
// One paragraph: commander wraps it to the terminal.
const DESCRIPTION = `Restores a backup archive into the database these settings point at (DATABASE_URL, or the embedded PostgreSQL of SWITCHYARD_DATA_DIR, created when the directory is new; stop Switchyard first). The database must be empty unless --force. The master key files go to SWITCHYARD_DATA_DIR; every trigger secret and credential is then opened with the key the restored install will use. Migrations newer than the backup run when Switchyard starts.`;

export function registerRestoreCommand(program: Command, ctx: CliContext): void {
  program
    .command('restore')
    .summary('restore a backup archive on a fresh install')
    .description(DESCRIPTION)
    .argument('<file>', 'the archive written by switchyard backup')
    .option('--force', 'drop every table of a non-empty database first, and replace a different key file (kept aside)')
    .option('--json', 'print the result as JSON on stdout')
    .action(async (file: string, options: { force?: boolean; json?: boolean }) => {
      const result = await restoreBackup({ env: ctx.env, file, force: options.force === true });
      const secretsOk = result.secrets === null || result.secrets.failed.length === 0;
      if (!secretsOk) ctx.setExitCode(EXIT.failed);
      if (options.json) {
        ctx.out(
          JSON.stringify({
            file: result.file,
            database: result.database,
            backupCreatedAt: result.manifest.createdAt,
            dropped: result.dropped,
            migrations: result.migrations.length,
            tables: result.rows,
            masterKey: result.key,
            secrets: result.secrets,
          }),
        );
        return;
      }
      const { manifest } = result;
      const total = Object.values(result.rows).reduce((a, b) => a + b, 0);
      ctx.out(`Restored ${result.file} into ${result.database}`);
      ctx.out(
        `  backup made ${manifest.createdAt} by Switchyard ${manifest.switchyardVersion} from ${manifest.source.kind === 'embedded' ? 'an embedded' : 'a'} PostgreSQL ${manifest.source.serverVersion}`,
      );
      if (result.dropped.length > 0) ctx.out(`  dropped first (--force): ${result.dropped.length} tables`);
      ctx.out(`  schema: ${result.migrations.length} migrations, the last ${result.migrations.at(-1) ?? 'none'}`);
      ctx.out(
        `  ${total} row${total === 1 ? '' : 's'}: ${Object.entries(result.rows)
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([t, n]) => `${t} ${n}`)
          .join(', ')}`,
      );
      ctx.out(`  master key: ${result.key}`);
      if (result.secrets === null) ctx.out('  trigger secrets and credentials: not checked (no key yet)');
      else if (result.secrets.checked === 0) ctx.out('  trigger secrets and credentials: none stored');
      else {
        ctx.out(`  trigger secrets and credentials: ${result.secrets.decrypted} of ${result.secrets.checked} decrypt with that key`);
        for (const f of result.secrets.failed) ctx.err(`  does not decrypt: ${f.table} ${f.id}`);
      }
      ctx.out(
        secretsOk
          ? 'Start Switchyard with these settings; migrations newer than the backup run at start.'
          : 'Some secrets do not decrypt: give this install the key the backup was made with (SWITCHYARD_SECRET_KEY or secret.key), then start it.',
      );
    });
}
