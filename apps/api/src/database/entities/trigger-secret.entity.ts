import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { WorkflowEntity } from './workflow.entity';

/**
 * A workflow trigger's secrets, encrypted (AES-256-GCM, see secrets/secret-box.ts) and kept apart
 * from the immutable workflow versions, so rotating a secret neither makes a version nor leaks into one.
 */
@Entity({ name: 'trigger_secrets' })
export class TriggerSecretEntity {
  @PrimaryColumn({ type: 'uuid', name: 'workflow_id' })
  workflowId!: string;

  @OneToOne(() => WorkflowEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'workflow_id' })
  workflow?: WorkflowEntity;

  @Column({ type: 'uuid', name: 'workspace_id' })
  workspaceId!: string;

  /** The JSON array of secrets, encrypted with the workflow id as associated data. */
  @Column({ type: 'bytea' })
  ciphertext!: Buffer;

  /** Masked hints (`whsec_…a1b2`), the only form the API returns. */
  @Column({ type: 'jsonb' })
  hints!: string[];

  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at' })
  updatedAt!: Date;
}
