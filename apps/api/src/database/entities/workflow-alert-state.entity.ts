import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { WorkflowEntity } from './workflow.entity';

/**
 * Where a workflow's watch alert (`quiet`, `refused_spike`) stands: `activeSince` is set while its
 * condition holds (one episode, alerted once) and cleared when it stops; `lastSentAt` rate-limits.
 */
@Entity({ name: 'workflow_alert_state' })
export class WorkflowAlertStateEntity {
  @PrimaryColumn({ type: 'uuid', name: 'workflow_id' })
  workflowId!: string;

  @ManyToOne(() => WorkflowEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'workflow_id' })
  workflow?: WorkflowEntity;

  @PrimaryColumn({ type: 'text' })
  kind!: string;

  @Column({ type: 'timestamptz', name: 'active_since', nullable: true })
  activeSince!: Date | null;

  @Column({ type: 'timestamptz', name: 'last_sent_at', nullable: true })
  lastSentAt!: Date | null;

  /** What became of the last alert of this kind: `{ at, ...webhook, email }` or `{ at, skipped }`. */
  @Column({ type: 'jsonb', name: 'last_result', nullable: true })
  lastResult!: Record<string, unknown> | null;
}
