import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { WorkflowEntity } from './workflow.entity';

/**
 * The one draft of a workflow: what the builder edits. It never runs; publishing copies it into a new
 * immutable version. `revision` grows on every change, so a save based on an older revision is refused.
 */
@Entity({ name: 'workflow_drafts' })
export class WorkflowDraftEntity {
  @PrimaryColumn({ type: 'uuid', name: 'workflow_id' })
  workflowId!: string;

  @OneToOne(() => WorkflowEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'workflow_id' })
  workflow?: WorkflowEntity;

  @Column({ type: 'uuid', name: 'workspace_id' })
  workspaceId!: string;

  /** `{ schemaVersion, trigger, steps }` as edited; may not validate yet (it is checked on publish). */
  @Column({ type: 'jsonb' })
  definition!: Record<string, unknown>;

  @Column({ type: 'integer', default: 1 })
  revision!: number;

  /** The version the draft was started from (the published one, or a restored one). */
  @Column({ type: 'uuid', name: 'based_on_version_id', nullable: true })
  basedOnVersionId!: string | null;

  @Column({ type: 'text', name: 'updated_by', nullable: true })
  updatedBy!: string | null;

  /** The outcome of the last "Test workflow" or preview of this draft: `{ status, at }`. */
  @Column({ type: 'jsonb', name: 'last_test', nullable: true })
  lastTest!: { status: string; at: string } | null;

  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at' })
  updatedAt!: Date;
}
