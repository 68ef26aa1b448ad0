import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { WorkspaceEntity } from './workspace.entity';

/**
 * A stored credential (see CREDENTIAL_TYPES in the contract). Public fields are kept as they are;
 * secret fields are sealed together (AES-256-GCM, associated data = the credential id) and the API
 * only ever shows their masked hints.
 */
@Entity({ name: 'credentials' })
@Index('uq_credentials_workspace_name', ['workspaceId', 'name'], { unique: true })
export class CredentialEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ type: 'uuid', name: 'workspace_id' })
  workspaceId!: string;

  @ManyToOne(() => WorkspaceEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'workspace_id' })
  workspace?: WorkspaceEntity;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  type!: string;

  /** The fields the registry marks as not secret (a username, a header name, a token URL). */
  @Column({ type: 'jsonb', name: 'public_fields' })
  publicFields!: Record<string, string>;

  /** The JSON object of secret fields, encrypted with the credential id as associated data. */
  @Column({ type: 'bytea' })
  ciphertext!: Buffer;

  /** A masked hint per secret field (`…a1b2`), the only form the API returns. */
  @Column({ type: 'jsonb' })
  hints!: Record<string, string>;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at' })
  updatedAt!: Date;
}
