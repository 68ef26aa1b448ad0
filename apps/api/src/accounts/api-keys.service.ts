import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from './audit.service';
import { ApiError } from '../common/api-error';
import { newId } from '../common/ids';
import { parseInput } from '../common/parse-input';
import type { Actor } from './auth-context';
import { type ApiKey, createApiKeySchema, type CreatedApiKey } from '@switchyard/contract';
import { type Role, roleAtLeast } from './roles';
import { apiKeyPrefix, newApiKey, sha256 } from './tokens';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- rows of raw SQL
type Row = Record<string, any>;

function toDto(r: Row): ApiKey {
  return {
    id: r.id,
    name: r.name,
    prefix: r.prefix,
    role: r.role,
    createdAt: new Date(r.created_at).toISOString(),
    lastUsedAt: r.last_used_at ? new Date(r.last_used_at).toISOString() : null,
    createdBy: r.created_by ? { id: r.created_by, email: r.creator_email } : null,
  };
}

/** Workspace API keys: shown once at creation, stored as SHA-256, revocable. */
@Injectable()
export class ApiKeysService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** The key's actor, or null when it is unknown or revoked. Touches last_used_at at most once a minute. */
  async authenticate(key: string): Promise<Extract<Actor, { type: 'api-key' }> | null> {
    const [row] = await this.dataSource.query(
      `SELECT id, name, workspace_id, role, last_used_at FROM api_keys WHERE key_hash = $1 AND revoked_at IS NULL`,
      [sha256(key)],
    );
    if (!row) return null;
    if (!row.last_used_at || Date.now() - new Date(row.last_used_at).getTime() > 60_000) {
      await this.dataSource.query(
        `UPDATE api_keys SET last_used_at = now() WHERE id = $1 AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')`,
        [row.id],
      );
    }
    return { type: 'api-key', id: row.id, name: row.name, workspaceId: row.workspace_id, role: row.role };
  }

  async list(workspaceId: string): Promise<ApiKey[]> {
    const rows = await this.dataSource.query(
      `SELECT k.*, u.email AS creator_email FROM api_keys k LEFT JOIN users u ON u.id = k.created_by WHERE k.workspace_id = $1 AND k.revoked_at IS NULL ORDER BY k.id DESC`,
      [workspaceId],
    );
    return rows.map(toDto);
  }

  async create(workspaceId: string, actor: Actor, callerRole: Role, body: unknown): Promise<CreatedApiKey> {
    const input = parseInput(createApiKeySchema, body);
    const role = input.role ?? 'editor';
    if (!roleAtLeast({ role: callerRole, min: role }))
      throw new ApiError(403, 'forbidden', `A ${callerRole} cannot create a key with the role ${role}`);
    const key = newApiKey();
    const id = newId();
    const createdBy = actor.type === 'user' ? actor.id : null;
    await this.dataSource.transaction(async (tx) => {
      await tx.query(
        `INSERT INTO api_keys (id, workspace_id, name, prefix, key_hash, role, created_by) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [id, workspaceId, input.name, apiKeyPrefix(key), sha256(key), role, createdBy],
      );
      await this.audit.record(
        {
          workspaceId,
          actor,
          action: 'api-key.created',
          target: { type: 'api-key', id, name: input.name },
          after: { name: input.name, role },
        },
        tx,
      );
    });
    const [row] = await this.dataSource.query(
      `SELECT k.*, u.email AS creator_email FROM api_keys k LEFT JOIN users u ON u.id = k.created_by WHERE k.id = $1`,
      [id],
    );
    return { ...toDto(row), key };
  }

  async revoke(workspaceId: string, actor: Actor, id: string): Promise<void> {
    await this.dataSource.transaction(async (tx) => {
      // TypeORM answers an UPDATE with [rows, count].
      const [[row]] = await tx.query(
        `UPDATE api_keys SET revoked_at = now() WHERE id = $1 AND workspace_id = $2 AND revoked_at IS NULL RETURNING name`,
        [id, workspaceId],
      );
      if (!row) throw ApiError.notFound('API key', id);
      await this.audit.record({ workspaceId, actor, action: 'api-key.revoked', target: { type: 'api-key', id, name: row.name } }, tx);
    });
  }
}
