import type { Command } from 'commander';
import { createBackup } from '../backup/create-backup';
import type { CliContext } from '../cli-context';

/** `switchyard backup [--out FILE] [--no-key] [--json]`. */
// One paragraph: commander wraps it to the terminal.
const DESCRIPTION = `Writes a backup archive (tar.gz, mode 0600) of the installation these settings point at: every table of the database, read in one snapshot (Switchyard may keep running), and the master key files of SWITCHYARD_DATA_DIR. When the key comes from SWITCHYARD_SECRET_KEY the archive holds a note instead: keep that key with the backup, separately. The archive holds the key and the encrypted secrets: store it like the key.`;

export function registerBackupCommand(program: Command, ctx: CliContext): void {
  program
    .command('backup')
    .summary('write a backup archive: every table in one snapshot, plus the master key')
    .description(DESCRIPTION)
    .option('-o, --out <file>', 'where to write the archive (default: switchyard-backup-<time>.tar.gz here)')
    .option('--no-key', 'leave the master key file out of the archive (keep it separately)')
    .option('--json', 'print the result as JSON on stdout')
    .action(async (options: { out?: string; key: boolean; json?: boolean }) => {
      const result = await createBackup({ env: ctx.env, out: options.out, includeKey: options.key });
      const { manifest } = result;
      const rows = manifest.tables.reduce((n, t) => n + t.rows, 0);
      if (options.json) {
        ctx.out(
          JSON.stringify({
            file: result.file,
            database: result.database,
            createdAt: manifest.createdAt,
            migrations: manifest.migrations.length,
            tables: Object.fromEntries(manifest.tables.map((t) => [t.name, t.rows])),
            masterKey: manifest.masterKey,
          }),
        );
        return;
      }
      ctx.out(`Backed up ${result.database} to ${result.file}`);
      ctx.out(`  ${rows} row${rows === 1 ? '' : 's'} in ${manifest.tables.length} tables (${describeTables(manifest.tables)})`);
      ctx.out(`  schema: ${manifest.migrations.length} migrations, the last ${manifest.migrations.at(-1)?.name ?? 'none'}`);
      ctx.out(`  master key: ${describeKey(manifest.masterKey)}`);
    });
}

const TELLING = ['workflows', 'runs', 'credentials', 'users'];

export function describeTables(tables: Array<{ name: string; rows: number }>): string {
  return tables
    .filter((t) => TELLING.includes(t.name))
    .map((t) => `${t.rows} ${t.name}`)
    .join(', ');
}

function describeKey(key: { source: string; fingerprint: string | null; files: string[] }): string {
  switch (key.source) {
    case 'data-dir':
      return `included (${key.files.join(', ')}; ${key.fingerprint})`;
    case 'environment':
      return `from SWITCHYARD_SECRET_KEY, NOT included: keep that key with this backup (${key.fingerprint})`;
    case 'excluded':
      return `left out (--no-key): keep secret.key with this backup (${key.fingerprint})`;
    default:
      return 'none found: the database holds no secret this backup could decrypt';
  }
}
