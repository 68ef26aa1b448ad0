import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { WorkspaceEntity } from './workspace.entity';

@Entity({ name: 'workflows' })
@Index('idx_workflows_workspace', ['workspaceId', 'createdAt'])
@Index('uq_workflows_external_id', ['workspaceId', 'externalId'], { unique: true, where: 'external_id IS NOT NULL' })
export class WorkflowEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ type: 'uuid', name: 'workspace_id' })
  workspaceId!: string;

  @ManyToOne(() => WorkspaceEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'workspace_id' })
  workspace?: WorkspaceEntity;

  @Column({ type: 'text' })
  name!: string;

  /** The secret part of the trigger URL (`/hooks/<token>`): 192 random bits, base64url. */
  @Index('uq_workflows_token', { unique: true })
  @Column({ type: 'text' })
  token!: string;

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  /** The key bundles match it by across installations (null: its id serves); see docs/bundle-format.md. */
  @Column({ type: 'text', name: 'external_id', nullable: true })
  externalId!: string | null;

  /** The workflow started with a summary when a run of this one finally fails (ADR 0022). */
  @Column({ type: 'uuid', name: 'error_workflow_id', nullable: true })
  errorWorkflowId!: string | null;

  /** Number of the current version (1, 2, ...). */
  @Column({ type: 'integer', default: 1 })
  version!: number;

  /** Days requests and runs are kept; null = SWITCHYARD_RETENTION_DAYS. */
  @Column({ type: 'integer', name: 'retention_days', nullable: true })
  retentionDays!: number | null;

  /** Most runs of this workflow executing at once, across all workers; null = no limit. */
  @Column({ type: 'integer', nullable: true })
  concurrency!: number | null;

  /** Failed runs replayed on a schedule, then dead-lettered (see workflows/auto-replay-settings.ts); null = off. */
  @Column({ type: 'jsonb', name: 'auto_replay', nullable: true })
  autoReplay!: { enabled: boolean; schedule: string[] } | null;

  /** Where to say that a run was dead-lettered; null = nowhere. */
  @Column({ type: 'jsonb', nullable: true })
  alerts!: { webhookUrl?: string; minIntervalMinutes: number } | null;

  /** The last dead-letter alert sent, for the rate limit. */
  @Column({ type: 'timestamptz', name: 'last_alert_at', nullable: true })
  lastAlertAt!: Date | null;

  @Column({ type: 'uuid', name: 'current_version_id', nullable: true })
  currentVersionId!: string | null;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at' })
  updatedAt!: Date;
}
