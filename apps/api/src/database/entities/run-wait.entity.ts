import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { RunEntity } from './run.entity';

/**
 * The wait of a `wait` step (ADR 0022): its one-time token (only its SHA-256 is stored), its
 * timeout, and once it ended how (`resumed`, `approved`, `rejected`, `timed_out`), when and by whom.
 */
@Entity({ name: 'run_waits' })
@Index('uq_run_waits_step', ['runId', 'stepKey'], { unique: true })
@Index('uq_run_waits_token', ['tokenHash'], { unique: true })
@Index('idx_run_waits_open', ['workspaceId', 'createdAt'], { where: `resolved_at IS NULL` })
export class RunWaitEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ type: 'uuid', name: 'workspace_id' })
  workspaceId!: string;

  @Column({ type: 'uuid', name: 'run_id' })
  runId!: string;

  @ManyToOne(() => RunEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'run_id' })
  run?: RunEntity;

  @Column({ type: 'text', name: 'step_key' })
  stepKey!: string;

  /** `callback` or `approval`. */
  @Column({ type: 'text' })
  mode!: string;

  @Column({ type: 'bytea', name: 'token_hash' })
  tokenHash!: Buffer;

  @Column({ type: 'timestamptz', name: 'timeout_at' })
  timeoutAt!: Date;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', name: 'resolved_at', nullable: true })
  resolvedAt!: Date | null;

  @Column({ type: 'text', nullable: true })
  outcome!: string | null;

  /** A callback's JSON body. */
  @Column({ type: 'jsonb', nullable: true })
  body!: unknown;

  @Column({ type: 'text', name: 'decided_by', nullable: true })
  decidedBy!: string | null;
}
