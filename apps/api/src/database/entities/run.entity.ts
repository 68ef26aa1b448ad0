import type { RunStatus } from '@switchyard/contract';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { InboundRequestEntity } from './inbound-request.entity';
import { WorkflowVersionEntity } from './workflow-version.entity';
import { WorkflowEntity } from './workflow.entity';

@Entity({ name: 'runs' })
@Index('idx_runs_workflow', ['workflowId', 'id'])
@Index('idx_runs_workflow_status', ['workflowId', 'status', 'id'])
@Index('idx_runs_pending', ['id'], { where: `status IN ('queued', 'running')` })
@Index('idx_runs_request', ['requestId'])
@Index('idx_runs_waiting', ['resumeAt'], { where: `status = 'waiting'` })
@Index('idx_runs_auto_replay', ['autoReplayAt'], { where: `auto_replay_at IS NOT NULL` })
@Index('idx_runs_dead_letter', ['workflowId', 'id'], { where: `dead_lettered_at IS NOT NULL` })
@Index('idx_runs_replay_of', ['replayOf'], { where: `replay_of IS NOT NULL` })
@Index('uq_runs_parent_step', ['parentRunId', 'parentStepKey'], { unique: true, where: `parent_run_id IS NOT NULL` })
@Index('uq_runs_error_of', ['errorOf'], { unique: true, where: `error_of IS NOT NULL` })
export class RunEntity {
  /** UUIDv7: time-ordered, so `id DESC` is newest first and ids serve as cursors. */
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ type: 'uuid', name: 'workspace_id' })
  workspaceId!: string;

  @Column({ type: 'uuid', name: 'workflow_id' })
  workflowId!: string;

  @ManyToOne(() => WorkflowEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'workflow_id' })
  workflow?: WorkflowEntity;

  @Column({ type: 'uuid', name: 'version_id' })
  versionId!: string;

  @ManyToOne(() => WorkflowVersionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'version_id' })
  workflowVersion?: WorkflowVersionEntity;

  @Column({ type: 'uuid', name: 'request_id' })
  requestId!: string;

  @ManyToOne(() => InboundRequestEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'request_id' })
  request?: InboundRequestEntity;

  @Column({ type: 'text' })
  status!: RunStatus;

  @Column({ type: 'uuid', name: 'replay_of', nullable: true })
  replayOf!: string | null;

  /** A failed run: the replay that succeeded for it (directly or down its chain of replays). */
  @Column({ type: 'uuid', name: 'resolved_by', nullable: true })
  resolvedBy!: string | null;

  /**
   * The run whose id side-effecting steps put in their idempotency keys; null: this run's own. A
   * replay takes its original's, so receivers recognise a repeat (unless fresh keys were asked for).
   */
  @Column({ type: 'uuid', name: 'idempotency_root', nullable: true })
  idempotencyRoot!: string | null;

  @Column({ type: 'jsonb', nullable: true })
  error!: Record<string, unknown> | null;

  /** How many times a worker claimed this run (above 1 means it was resumed). */
  @Column({ type: 'integer', default: 0 })
  claims!: number;

  @Column({ type: 'text', name: 'worker_id', nullable: true })
  workerId!: string | null;

  /** A running run whose lease has passed belongs to a dead worker and is resumed by the sweeper. */
  @Column({ type: 'timestamptz', name: 'lease_until', nullable: true })
  leaseUntil!: Date | null;

  /** When a `waiting` run (a delay step) is due to go on; the sweeper dispatches it then. */
  @Column({ type: 'timestamptz', name: 'resume_at', nullable: true })
  resumeAt!: Date | null;

  /** 0 for a run started by a request or by hand; n for the n-th automatic replay of a failed run. */
  @Column({ type: 'integer', name: 'auto_replay_attempt', default: 0 })
  autoReplayAttempt!: number;

  /** When this failed run is replayed automatically (the workflow's auto-replay schedule). */
  @Column({ type: 'timestamptz', name: 'auto_replay_at', nullable: true })
  autoReplayAt!: Date | null;

  /** Set when the auto-replay schedule is exhausted: the run is a dead letter. */
  @Column({ type: 'timestamptz', name: 'dead_lettered_at', nullable: true })
  deadLetteredAt!: Date | null;

  /** What became of the dead-letter alert: `{ at, status }`, `{ at, error }` or `{ at, skipped }`. */
  @Column({ type: 'jsonb', nullable: true })
  alert!: Record<string, unknown> | null;

  /**
   * W3C `traceparent` of the ingest request that queued the run, with tracing on
   * (docs/operations.md#traces): each execution's span is its child, in the request's trace.
   */
  @Column({ type: 'text', name: 'trace_parent', nullable: true })
  traceParent!: string | null;

  /** A run started by a `subworkflow` step: the calling run and the step's journal key (ADR 0022). */
  @Column({ type: 'uuid', name: 'parent_run_id', nullable: true })
  parentRunId!: string | null;

  @Column({ type: 'text', name: 'parent_step_key', nullable: true })
  parentStepKey!: string | null;

  /** How many calls deep this run is: 0 for a run its trigger started, the caller's + 1 for a child. */
  @Column({ type: 'integer', name: 'call_depth', default: 0 })
  callDepth!: number;

  /** A child its caller waits for: when the caller stops waiting. */
  @Column({ type: 'timestamptz', name: 'call_timeout_at', nullable: true })
  callTimeoutAt!: Date | null;

  /** A run of an error workflow: the failed run it was started for (once per failed run). */
  @Column({ type: 'uuid', name: 'error_of', nullable: true })
  errorOf!: string | null;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt!: Date;

  /** Set at the first claim and kept on resume: it is also what `$now()` returns in the run. */
  @Column({ type: 'timestamptz', name: 'started_at', nullable: true })
  startedAt!: Date | null;

  @Column({ type: 'timestamptz', name: 'finished_at', nullable: true })
  finishedAt!: Date | null;
}
