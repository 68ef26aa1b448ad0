import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { WorkflowEntity } from './workflow.entity';

/** A rehearsal of a workflow's draft on its recent requests (issue 16): progress and, per request, what differs. */
@Entity({ name: 'rehearsals' })
@Index('idx_rehearsals_workflow', ['workflowId', 'id'])
export class RehearsalEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ type: 'uuid', name: 'workspace_id' })
  workspaceId!: string;

  @Column({ type: 'uuid', name: 'workflow_id' })
  workflowId!: string;

  @ManyToOne(() => WorkflowEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'workflow_id' })
  workflow?: WorkflowEntity;

  /** `running`, `done` or `failed`. */
  @Column({ type: 'text' })
  status!: string;

  @Column({ type: 'integer' })
  total!: number;

  @Column({ type: 'integer', default: 0 })
  completed!: number;

  @Column({ type: 'integer', name: 'published_version' })
  publishedVersion!: number;

  @Column({ type: 'integer', name: 'draft_revision' })
  draftRevision!: number;

  /** The comparison of each request rehearsed so far, in the order rehearsed. */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  items!: unknown[];

  @Column({ type: 'text', nullable: true })
  error!: string | null;

  @Column({ type: 'text', name: 'started_by', nullable: true })
  startedBy!: string | null;

  @Column({ type: 'timestamptz', name: 'started_at' })
  startedAt!: Date;

  @Column({ type: 'timestamptz', name: 'finished_at', nullable: true })
  finishedAt!: Date | null;
}
