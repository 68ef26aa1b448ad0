import { credentialAssociatedData } from '../credentials/credential-seal';
import { SSO_SECRET_AAD } from '../settings/settings-store';
import type { SecretBox } from './secret-box';

/** What the re-encryption needs of a database client (a pg Pool or Client). */
export interface Queryable {
  query<R extends Record<string, unknown>>(sql: string, params?: unknown[]): Promise<{ rows: R[]; rowCount: number | null }>;
}

/** A table of sealed secrets: where the ciphertext is and what its associated data is. */
export interface SealedTable {
  table: 'trigger_secrets' | 'credentials' | 'connections' | 'instance_settings';
  idColumn: string;
  /** The sealed column (`ciphertext` unless said); rows where it is null hold no secret. */
  column?: string;
  associatedData(id: string): string;
}

/** The sealed column of a table. */
export const sealedColumn = (spec: SealedTable): string => spec.column ?? 'ciphertext';

export const SEALED_TABLES: ReadonlyArray<SealedTable> = [
  { table: 'trigger_secrets', idColumn: 'workflow_id', associatedData: (id) => id },
  { table: 'credentials', idColumn: 'id', associatedData: credentialAssociatedData },
  { table: 'connections', idColumn: 'id', associatedData: (id) => `connection:${id}` },
  // The single sign-on client secret kept in Settings (one row, id 1).
  { table: 'instance_settings', idColumn: 'id', column: 'sso_client_secret', associatedData: () => SSO_SECRET_AAD },
];

export interface ReencryptCounts {
  /** Rows sealed again with the current key. */
  reencrypted: number;
  /** Rows already sealed with it. */
  current: number;
  /** Rows no key in the box decrypts (they stay as they are). */
  failed: Array<{ id: string; reason: string }>;
}

/**
 * Seals every row of the given tables that is not sealed with the box's current key again with
 * it, one row at a time: each update is atomic, rows under any key of the box stay readable, so
 * an interrupted run loses nothing and can be run again. A row changed meanwhile is read again.
 */
export async function reencryptSecrets(
  db: Queryable,
  box: SecretBox,
  tables: ReadonlyArray<SealedTable> = SEALED_TABLES,
): Promise<Record<string, ReencryptCounts>> {
  const out: Record<string, ReencryptCounts> = {};
  for (const spec of tables) {
    const counts: ReencryptCounts = { reencrypted: 0, current: 0, failed: [] };
    out[spec.table] = counts;
    const exists = await db.query<{ t: string | null }>(`SELECT to_regclass($1) AS t`, [`public.${spec.table}`]);
    if (!exists.rows[0]?.t) continue;
    const column = sealedColumn(spec);
    const ids = await db.query<{ id: string }>(`SELECT ${spec.idColumn} AS id FROM ${spec.table} WHERE ${column} IS NOT NULL ORDER BY 1`);
    for (const { id } of ids.rows) {
      for (let attempt = 0; ; attempt++) {
        const { rows } = await db.query<{ ciphertext: Buffer | null }>(
          `SELECT ${column} AS ciphertext FROM ${spec.table} WHERE ${spec.idColumn} = $1`,
          [id],
        );
        if (!rows[0]?.ciphertext) break;
        const sealed = rows[0].ciphertext;
        if (!box.isStale(sealed)) {
          counts.current++;
          break;
        }
        let resealed: Buffer;
        try {
          resealed = box.encrypt(box.decrypt(sealed, spec.associatedData(id)), spec.associatedData(id));
        } catch (err) {
          counts.failed.push({ id, reason: (err as Error).message });
          break;
        }
        const updated = await db.query(`UPDATE ${spec.table} SET ${column} = $2 WHERE ${spec.idColumn} = $1 AND ${column} = $3`, [
          id,
          resealed,
          sealed,
        ]);
        if (updated.rowCount === 1) {
          counts.reencrypted++;
          break;
        }
        if (attempt >= 5) {
          counts.failed.push({ id, reason: 'changed while being re-encrypted; run the command again' });
          break;
        }
      }
    }
  }
  return out;
}
