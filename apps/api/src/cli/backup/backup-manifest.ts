import { z } from 'zod';

/** The folder every archive entry sits in, so `tar xzf` never spills files into the current directory. */
export const ARCHIVE_ROOT = 'switchyard-backup';
export const MANIFEST_FILE = 'manifest.json';
export const FORMAT_VERSION = 1;

/**
 * manifest.json of a backup archive (docs/operations.md#backup-and-restore). Read back with this
 * schema: an archive from a newer format, or a damaged one, is refused before anything is written.
 */
export const backupManifestSchema = z.object({
  format: z.literal('switchyard-backup'),
  formatVersion: z.number().int().positive(),
  createdAt: z.string(),
  switchyardVersion: z.string(),
  source: z.object({ kind: z.enum(['url', 'embedded']), serverVersion: z.string() }),
  /** The schema the data fits: TypeORM migrations applied in the source database, in order. */
  migrations: z.array(z.object({ timestamp: z.string(), name: z.string() })),
  tables: z.array(
    z.object({
      name: z.string(),
      columns: z.array(z.string()).min(1),
      rows: z.number().int().nonnegative(),
      /** COPY text format, relative to the archive root. */
      file: z.string(),
    }),
  ),
  masterKey: z.object({
    /** data-dir: key files in keys/; environment: SWITCHYARD_SECRET_KEY, kept by the operator; excluded: --no-key. */
    source: z.enum(['data-dir', 'environment', 'excluded', 'none']),
    /** sha256 of the key that seals new secrets, to recognise the right key on restore. */
    fingerprint: z.string().nullable(),
    /** Key files in the archive, relative to its root (secret.key, and secret.key.next mid-rotation). */
    files: z.array(z.string()),
  }),
});

export type BackupManifest = z.infer<typeof backupManifestSchema>;

/** Reads manifest.json text; throws a message an operator can act on. */
export function parseBackupManifest(text: string): BackupManifest {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new Error('manifest.json is not JSON: this is not a Switchyard backup, or it is damaged');
  }
  const version = (json as { formatVersion?: unknown } | null)?.formatVersion;
  if (typeof version === 'number' && version > FORMAT_VERSION)
    throw new Error(
      `This backup has format ${version}, newer than this Switchyard reads (${FORMAT_VERSION}): restore it with a newer Switchyard`,
    );
  const parsed = backupManifestSchema.safeParse(json);
  if (!parsed.success)
    throw new Error(
      `manifest.json is not a Switchyard backup manifest: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  return parsed.data;
}
