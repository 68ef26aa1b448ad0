import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { RunEntity } from './run.entity';

/** The checkpoint of one step of one run, written as the step finishes. */
@Entity({ name: 'step_runs' })
@Index('uq_step_runs_run_step', ['runId', 'stepId'], { unique: true })
export class StepRunEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ type: 'uuid', name: 'workspace_id' })
  workspaceId!: string;

  @Column({ type: 'uuid', name: 'run_id' })
  runId!: string;

  @ManyToOne(() => RunEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'run_id' })
  run?: RunEntity;

  @Column({ type: 'text', name: 'step_id' })
  stepId!: string;

  @Column({ type: 'text', name: 'step_type' })
  stepType!: string;

  @Column({ type: 'integer' })
  position!: number;

  @Column({ type: 'text' })
  status!: 'succeeded' | 'failed';

  @Column({ type: 'jsonb', nullable: true })
  input!: unknown;

  @Column({ type: 'jsonb', nullable: true })
  output!: unknown;

  @Column({ type: 'jsonb', nullable: true })
  error!: Record<string, unknown> | null;

  @Column({ type: 'integer' })
  attempts!: number;

  /** One entry per attempt, oldest first: `{ startedAt, finishedAt, status, httpStatus?, error? }` (see step-attempt.ts). */
  @Column({ type: 'jsonb', name: 'attempt_log', nullable: true })
  attemptLog!: unknown[] | null;

  @Column({ type: 'timestamptz', name: 'started_at' })
  startedAt!: Date;

  @Column({ type: 'timestamptz', name: 'finished_at' })
  finishedAt!: Date;

  @Column({ type: 'integer', name: 'duration_ms' })
  durationMs!: number;
}
