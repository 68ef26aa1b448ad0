import type { RequestVerdict } from '@switchyard/contract';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { WorkflowEntity } from './workflow.entity';

/** What we decided about an inbound request (REQUEST_VERDICTS, with their words, in the contract). */
export { REQUEST_VERDICTS, type RequestVerdict } from '@switchyard/contract';

/** Every request that reached a known trigger URL, stored before we answered it. */
@Entity({ name: 'inbound_requests' })
@Index('idx_inbound_requests_workflow', ['workflowId', 'id'])
@Index('idx_inbound_requests_body_json', { synchronize: false })
@Index('idx_inbound_requests_body_words', { synchronize: false })
export class InboundRequestEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ type: 'uuid', name: 'workspace_id' })
  workspaceId!: string;

  @Column({ type: 'uuid', name: 'workflow_id' })
  workflowId!: string;

  @ManyToOne(() => WorkflowEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'workflow_id' })
  workflow?: WorkflowEntity;

  @Column({ type: 'text' })
  method!: string;

  @Column({ type: 'jsonb' })
  query!: Record<string, string | string[]>;

  @Column({ type: 'jsonb' })
  headers!: Record<string, string | string[]>;

  @Column({ type: 'text', name: 'content_type', nullable: true })
  contentType!: string | null;

  /** The raw body bytes exactly as received (null when it was not read, e.g. too large). */
  @Column({ type: 'bytea', nullable: true })
  body!: Buffer | null;

  @Column({ type: 'integer' })
  size!: number;

  @Column({ type: 'timestamptz', name: 'received_at' })
  receivedAt!: Date;

  @Column({ type: 'text' })
  verdict!: RequestVerdict;

  @Column({ type: 'text', nullable: true })
  reason!: string | null;

  @Column({ type: 'integer', name: 'status_code' })
  statusCode!: number;

  /** For a request flow control marked `debounced` or `batched`: the run that handled it (ADR 0024). */
  @Column({ type: 'uuid', name: 'handled_by_run_id', nullable: true })
  handledByRunId!: string | null;

  /**
   * The parsed body of accepted JSON and form requests, for payload search (GIN index
   * `idx_inbound_requests_body_json`, created by migration: TypeORM cannot describe a GIN index).
   */
  @Column({ type: 'jsonb', name: 'body_json', nullable: true, select: false })
  bodyJson?: unknown;
}
