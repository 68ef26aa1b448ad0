import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  type Credential,
  CREDENTIAL_TYPES,
  createCredentialSchema,
  type CredentialTypeDescriptor,
  updateCredentialSchema,
  type WorkflowRef,
} from '@switchyard/contract';
import type { WorkflowDefinition } from '@switchyard/engine';
import type { Pool } from 'pg';
import { DataSource, type EntityManager, In } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { AuditService } from '../accounts/audit.service';
import type { Actor } from '../accounts/auth-context';
import { ApiError, type ErrorDetail } from '../common/api-error';
import { isUuid, newId } from '../common/ids';
import { LOGGER, type Logger } from '../common/logger';
import { parseInput } from '../common/parse-input';
import { APP_CONFIG, type AppConfig } from '../config/config.schema';
import { CredentialEntity } from '../database/entities/credential.entity';
import { reencryptSecrets, SEALED_TABLES } from '../secrets/reencrypt-secrets';
import { SECRET_BOX, type SecretBoxProvider } from '../secrets/trigger-secrets.service';
import { credentialHints, parseCredentialData } from './credential-data';
import { openCredentialSecrets, sealCredentialSecrets } from './credential-seal';
import { findCredentialReferences } from './find-credential-references';

/** What the audit log keeps of a credential: never its secrets, nor their hints. */
function auditView(row: CredentialEntity): { name: string; type: string; public: Record<string, string> } {
  return { name: row.name, type: row.type, public: row.publicFields };
}

/** Stored credentials of a workspace: secrets sealed with the master key, returned only as hints. */
@Injectable()
export class CredentialsService implements OnApplicationBootstrap {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(SECRET_BOX) private readonly box: SecretBoxProvider,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly audit: AuditService,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.role === 'worker') {
      try {
        this.box();
      } catch (err) {
        this.logger.warn({ err: (err as Error).message }, 'this worker has no master key: steps that use stored credentials will fail');
      }
      return;
    }
    if (!this.config.SWITCHYARD_SECRET_KEY_PREVIOUS) return;
    const pool = (this.dataSource.driver as PostgresDriver).master as Pool;
    const counts = (
      await reencryptSecrets(
        pool,
        this.box(),
        SEALED_TABLES.filter((t) => t.table === 'credentials'),
      )
    ).credentials;
    if (counts.reencrypted > 0)
      this.logger.info({ count: counts.reencrypted }, 're-encrypted credentials with the current SWITCHYARD_SECRET_KEY');
    for (const f of counts.failed) this.logger.error({ credentialId: f.id, reason: f.reason }, 'could not re-encrypt a credential');
  }

  types(): { items: CredentialTypeDescriptor[] } {
    return { items: [...CREDENTIAL_TYPES] };
  }

  async list(workspaceId: string): Promise<Credential[]> {
    const rows = await this.dataSource.getRepository(CredentialEntity).find({ where: { workspaceId }, order: { name: 'ASC' } });
    const usage = await this.usage(this.dataSource.manager, workspaceId);
    return rows.map((row) => this.toDto(row, usage.get(row.id) ?? []));
  }

  async get(workspaceId: string, id: string): Promise<Credential> {
    const row = await this.find(this.dataSource.manager, workspaceId, id);
    return this.toDto(row, (await this.usage(this.dataSource.manager, workspaceId, id)).get(id) ?? []);
  }

  async create(workspaceId: string, body: unknown, actor?: Actor): Promise<Credential> {
    const input = parseInput(createCredentialSchema, body);
    const parsed = parseCredentialData({ type: input.type, data: input.data });
    if (!parsed.ok) throw invalid(parsed.details);
    const id = newId();
    const repo = this.dataSource.getRepository(CredentialEntity);
    const row = repo.create({
      id,
      workspaceId,
      name: input.name,
      type: input.type,
      publicFields: parsed.fields.public,
      ciphertext: sealCredentialSecrets(this.box(), id, parsed.fields.secret),
      hints: credentialHints(parsed.fields.secret),
    });
    await saveUniqueName(() => repo.save(row), input.name);
    await this.audit.record({
      workspaceId,
      actor,
      action: 'credential.created',
      target: { type: 'credential', id, name: input.name },
      after: auditView(row),
    });
    const created = this.toDto(await repo.findOneByOrFail({ id }), []);
    const givenSecret = (input.data as Record<string, unknown> | undefined)?.secret;
    const generated = input.type === 'webhook-signing-secret' && (typeof givenSecret !== 'string' || givenSecret.trim() === '');
    const notices = parsed.notices.length > 0 ? { notices: parsed.notices } : {};
    return generated ? { ...created, generatedSecret: parsed.fields.secret.secret, ...notices } : { ...created, ...notices };
  }

  async update(workspaceId: string, id: string, body: unknown, actor?: Actor): Promise<Credential> {
    const input = parseInput(updateCredentialSchema, body);
    return this.dataSource.transaction(async (tx) => {
      const row = await this.find(tx, workspaceId, id, true);
      const before = auditView(row);
      let notices: ErrorDetail[] = [];
      if (input.data !== undefined) {
        const existing = { public: row.publicFields, secret: openCredentialSecrets(this.box(), row.id, row.ciphertext) };
        const parsed = parseCredentialData({ type: row.type, data: input.data, existing });
        if (!parsed.ok) throw invalid(parsed.details);
        row.publicFields = parsed.fields.public;
        row.ciphertext = sealCredentialSecrets(this.box(), row.id, parsed.fields.secret);
        row.hints = credentialHints(parsed.fields.secret);
        notices = parsed.notices;
      }
      if (input.name !== undefined) row.name = input.name;
      // Always a new updated_at: it keys the OAuth2 token cache, so an edit fetches a fresh token.
      row.updatedAt = new Date();
      await saveUniqueName(() => tx.getRepository(CredentialEntity).save(row), row.name);
      await this.audit.record(
        {
          workspaceId,
          actor,
          action: 'credential.updated',
          target: { type: 'credential', id, name: row.name },
          before,
          after: { ...auditView(row), secretsChanged: input.data !== undefined },
        },
        tx,
      );
      const updated = this.toDto(row, (await this.usage(tx, workspaceId, id)).get(id) ?? []);
      return notices.length > 0 ? { ...updated, notices } : updated;
    });
  }

  /** Deletes a credential, or refuses (409) while the current version of a workflow uses it. */
  async remove(workspaceId: string, id: string, actor?: Actor): Promise<void> {
    await this.dataSource.transaction(async (tx) => {
      // The row lock orders this against a workflow save that references it (see assertCredentialsExist).
      const row = await this.find(tx, workspaceId, id, true);
      const workflows = (await this.usage(tx, workspaceId, id)).get(id) ?? [];
      if (workflows.length > 0) {
        const message = `credential "${row.name}" is used by ${workflows.length} workflow${workflows.length === 1 ? '' : 's'}: ${workflows.map((w) => w.name).join(', ')}`;
        throw new ApiError(409, 'credential_in_use', message, [{ path: 'workflows', message }], { workflows });
      }
      await tx.getRepository(CredentialEntity).delete({ id, workspaceId });
      await this.audit.record(
        { workspaceId, actor, action: 'credential.deleted', target: { type: 'credential', id, name: row.name }, before: auditView(row) },
        tx,
      );
    });
  }

  /** Workflows whose current version references each credential anywhere in its definition. */
  private async usage(manager: EntityManager, workspaceId: string, credentialId?: string): Promise<Map<string, WorkflowRef[]>> {
    const rows: Array<{ credential_id: string; id: string; name: string }> = await manager.query(
      `SELECT DISTINCT ref.credential_id, w.id, w.name
         FROM workflows w
         JOIN workflow_versions v ON v.id = w.current_version_id
         CROSS JOIN LATERAL (
           SELECT r #>> '{}' AS credential_id FROM jsonb_path_query(v.definition, 'strict $.steps.**.credentialId', '{}', true) r
         ) ref
        WHERE w.workspace_id = $1 AND ($2::text IS NULL OR ref.credential_id = $2)
        ORDER BY w.name, w.id`,
      [workspaceId, credentialId ?? null],
    );
    const usage = new Map<string, WorkflowRef[]>();
    for (const r of rows) usage.set(r.credential_id, [...(usage.get(r.credential_id) ?? []), { id: r.id, name: r.name }]);
    return usage;
  }

  private async find(manager: EntityManager, workspaceId: string, id: string, lock = false): Promise<CredentialEntity> {
    const row = isUuid(id)
      ? await manager
          .getRepository(CredentialEntity)
          .findOne({ where: { id, workspaceId }, lock: lock ? { mode: 'pessimistic_write' } : undefined })
      : null;
    if (!row) throw ApiError.notFound('Credential', id);
    return row;
  }

  private toDto(row: CredentialEntity, usedBy: WorkflowRef[]): Credential {
    return {
      id: row.id,
      name: row.name,
      type: row.type,
      public: row.publicFields,
      hints: row.hints,
      usedBy,
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
    };
  }
}

/**
 * Refuses (400, naming each path) a definition whose steps reference credentials that do not exist
 * in the workspace. Call it inside the transaction that saves the version: the shared row lock
 * makes a concurrent delete wait and then see the new reference.
 */
export async function assertCredentialsExist(
  manager: EntityManager,
  workspaceId: string,
  definition: Pick<WorkflowDefinition, 'steps'>,
): Promise<void> {
  const refs = findCredentialReferences(definition);
  if (refs.length === 0) return;
  const ids = [...new Set(refs.map((r) => r.credentialId).filter(isUuid))];
  const found =
    ids.length === 0
      ? []
      : await manager
          .getRepository(CredentialEntity)
          .find({ select: ['id'], where: { workspaceId, id: In(ids) }, lock: { mode: 'pessimistic_read' } });
  const known = new Set(found.map((c) => c.id));
  const details = refs
    .filter((r) => !known.has(r.credentialId))
    .map((r) => ({ path: r.path, message: `credential ${r.credentialId} does not exist` }));
  if (details.length > 0)
    throw new ApiError(400, 'validation_failed', `The workflow is invalid: ${details[0].path} ${details[0].message}`, details);
}

function invalid(details: Array<{ path: string; message: string }>): ApiError {
  return new ApiError(400, 'validation_failed', `The credential is invalid: ${details[0].path} ${details[0].message}`, details);
}

async function saveUniqueName<T>(save: () => Promise<T>, name: string): Promise<T> {
  try {
    return await save();
  } catch (err) {
    if ((err as { code?: string }).code === '23505') {
      throw new ApiError(409, 'name_taken', `a credential named "${name}" already exists`, [
        { path: 'name', message: 'is already used by another credential' },
      ]);
    }
    throw err;
  }
}
