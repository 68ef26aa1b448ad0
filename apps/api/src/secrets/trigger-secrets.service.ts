import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, In } from 'typeorm';
import { LOGGER, type Logger } from '../common/logger';
import { APP_CONFIG, type AppConfig } from '../config/config.schema';
import { TriggerSecretEntity } from '../database/entities/trigger-secret.entity';
import { maskSecret } from './mask-secret';
import type { SecretBox } from './secret-box';

/** The master-key box, loaded on first use (workers load it only to decrypt credentials). */
export const SECRET_BOX = Symbol('SECRET_BOX');
export type SecretBoxProvider = () => SecretBox;

/** Stores trigger secrets encrypted, one row per workflow, and reads back hints or (for ingest) the secrets. */
@Injectable()
export class TriggerSecretsService implements OnApplicationBootstrap {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(SECRET_BOX) private readonly box: SecretBoxProvider,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.role === 'worker') return;
    this.box();
    if (this.config.SWITCHYARD_SECRET_KEY_PREVIOUS) await this.reencryptStale();
  }

  /** Replaces a workflow's secrets (`[]` deletes them); returns their hints. */
  async save(manager: EntityManager, workspaceId: string, workflowId: string, secrets: string[]): Promise<string[]> {
    const repo = manager.getRepository(TriggerSecretEntity);
    if (secrets.length === 0) {
      await repo.delete({ workflowId });
      return [];
    }
    const hints = secrets.map(maskSecret);
    await repo.upsert({ workflowId, workspaceId, ciphertext: this.box().encryptJson(secrets, workflowId), hints }, ['workflowId']);
    return hints;
  }

  async hints(manager: EntityManager, workflowIds: string[]): Promise<Map<string, string[]>> {
    if (workflowIds.length === 0) return new Map();
    const rows = await manager
      .getRepository(TriggerSecretEntity)
      .find({ where: { workflowId: In(workflowIds) }, select: ['workflowId', 'hints'] });
    return new Map(rows.map((r) => [r.workflowId, r.hints]));
  }

  /** Decrypts a stored ciphertext for the ingest path. */
  decrypt(workflowId: string, ciphertext: Buffer): string[] {
    return this.box().decryptJson<string[]>(ciphertext, workflowId);
  }

  /** Re-encrypts, with the current master key, every row still sealed with a previous one. */
  async reencryptStale(): Promise<number> {
    const box = this.box();
    const repo = this.dataSource.getRepository(TriggerSecretEntity);
    let count = 0;
    for (const row of await repo.find()) {
      if (!box.isStale(row.ciphertext)) continue;
      try {
        const ciphertext = box.encryptJson(box.decryptJson(row.ciphertext, row.workflowId), row.workflowId);
        await repo.update({ workflowId: row.workflowId }, { ciphertext });
        count++;
      } catch (err) {
        this.logger.error({ err, workflowId: row.workflowId }, 'could not re-encrypt trigger secrets');
      }
    }
    if (count > 0) this.logger.info({ count }, 're-encrypted trigger secrets with the current SWITCHYARD_SECRET_KEY');
    return count;
  }
}
