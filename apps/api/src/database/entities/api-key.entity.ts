import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { Role } from './workspace-member.entity';
import { WorkspaceEntity } from './workspace.entity';

/** A workspace's API key for `Authorization: Bearer`; stored as the SHA-256 of the key. */
@Entity({ name: 'api_keys' })
@Index('idx_api_keys_workspace', ['workspaceId', 'id'])
export class ApiKeyEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ type: 'uuid', name: 'workspace_id' })
  workspaceId!: string;

  @ManyToOne(() => WorkspaceEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'workspace_id' })
  workspace?: WorkspaceEntity;

  @Column({ type: 'text' })
  name!: string;

  /** The first characters of the key, to recognise it in the list (`sy_AbCd…`). */
  @Column({ type: 'text' })
  prefix!: string;

  @Index('uq_api_keys_key_hash', { unique: true })
  @Column({ type: 'text', name: 'key_hash' })
  keyHash!: string;

  @Column({ type: 'text' })
  role!: Role;

  /** The user who created it (null when seeded from SWITCHYARD_OWNER_API_KEY or the user is gone). */
  @Column({ type: 'uuid', name: 'created_by', nullable: true })
  createdBy!: string | null;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', name: 'last_used_at', nullable: true })
  lastUsedAt!: Date | null;

  @Column({ type: 'timestamptz', name: 'revoked_at', nullable: true })
  revokedAt!: Date | null;
}
