import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { WorkflowEntity } from './workflow.entity';

/**
 * Delivery keys already seen by a trigger. The primary key (workflow_id, key) is what guarantees
 * that two deliveries with one key never both start a run; a row past `expires_at` may be taken over.
 */
@Entity({ name: 'trigger_dedupe_keys' })
@Index('idx_trigger_dedupe_keys_expires', ['expiresAt'])
export class TriggerDedupeKeyEntity {
  @PrimaryColumn({ type: 'uuid', name: 'workflow_id' })
  workflowId!: string;

  @ManyToOne(() => WorkflowEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'workflow_id' })
  workflow?: WorkflowEntity;

  @PrimaryColumn({ type: 'text' })
  key!: string;

  /** The run the first delivery started (duplicates answer with it). */
  @Column({ type: 'uuid', name: 'run_id' })
  runId!: string;

  @Column({ type: 'uuid', name: 'request_id' })
  requestId!: string;

  @Column({ type: 'timestamptz', name: 'created_at' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', name: 'expires_at' })
  expiresAt!: Date;
}
