import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { WorkflowEntity } from './workflow.entity';

/** An immutable snapshot of a workflow's definition; every run points at the one it was created for. */
@Entity({ name: 'workflow_versions' })
@Index('uq_workflow_versions_number', ['workflowId', 'version'], { unique: true })
export class WorkflowVersionEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ type: 'uuid', name: 'workspace_id' })
  workspaceId!: string;

  @Column({ type: 'uuid', name: 'workflow_id' })
  workflowId!: string;

  @ManyToOne(() => WorkflowEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'workflow_id' })
  workflow?: WorkflowEntity;

  @Column({ type: 'integer' })
  version!: number;

  @Column({ type: 'integer', name: 'schema_version' })
  schemaVersion!: number;

  @Column({ type: 'jsonb' })
  definition!: Record<string, unknown>;

  /** The message given when it was published (issue 16), if any. */
  @Column({ type: 'text', nullable: true })
  message!: string | null;

  /** Who published it (an e-mail, or `API key <name>`); null for versions published before drafts existed. */
  @Column({ type: 'text', name: 'published_by', nullable: true })
  publishedBy!: string | null;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt!: Date;
}
