import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { WorkflowDefinition } from '@switchyard/engine';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import { ApiError } from '../common/api-error';
import { isUuid, newId } from '../common/ids';
import { parseInput } from '../common/parse-input';
import { InboundRequestEntity } from '../database/entities/inbound-request.entity';
import { RUN_STATUSES, RunEntity, TERMINAL_RUN_STATUSES } from '../database/entities/run.entity';
import { StepRunEntity } from '../database/entities/step-run.entity';
import { WorkflowVersionEntity } from '../database/entities/workflow-version.entity';
import { WorkflowEntity } from '../database/entities/workflow.entity';
import { DISPATCHER, type Dispatcher } from '../dispatch/dispatcher';
import { parseBodyLenient } from '../hooks/parse-body';

export const listRunsQuerySchema = z.strictObject({
  status: z.enum(RUN_STATUSES).optional(),
  limit: z.coerce.number().int('must be a whole number').min(1, 'must be at least 1').max(100, 'must be at most 100').default(20),
  cursor: z
    .string()
    .refine((c) => isUuid(c), 'is not a cursor returned by this endpoint')
    .optional(),
});

const ms = (from: Date | null, to: Date | null) => (from && to ? to.getTime() - from.getTime() : null);

@Injectable()
export class RunsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(DISPATCHER) private readonly dispatcher: Dispatcher,
  ) {}

  async listForWorkflow(workspaceId: string, workflowId: string, query: unknown) {
    const q = parseInput(listRunsQuerySchema, query, 'query string');
    const exists = await this.dataSource.getRepository(WorkflowEntity).existsBy({ id: workflowId, workspaceId });
    if (!exists) throw ApiError.notFound('Workflow', workflowId);
    const builder = this.dataSource
      .getRepository(RunEntity)
      .createQueryBuilder('r')
      .where('r.workflow_id = :workflowId AND r.workspace_id = :workspaceId', { workflowId, workspaceId })
      .orderBy('r.id', 'DESC')
      .limit(q.limit + 1);
    if (q.status) builder.andWhere('r.status = :status', { status: q.status });
    if (q.cursor) builder.andWhere('r.id < :cursor', { cursor: q.cursor });
    const rows = await builder.getMany();
    const page = rows.slice(0, q.limit);
    return {
      items: page.map((r) => this.summary(r)),
      nextCursor: rows.length > q.limit ? page[page.length - 1].id : null,
    };
  }

  async get(workspaceId: string, runId: string) {
    const run = await this.dataSource.getRepository(RunEntity).findOneBy({ id: runId, workspaceId });
    if (!run) throw ApiError.notFound('Run', runId);
    const [request, version, stepRows] = await Promise.all([
      this.dataSource.getRepository(InboundRequestEntity).findOneByOrFail({ id: run.requestId }),
      this.dataSource.getRepository(WorkflowVersionEntity).findOneByOrFail({ id: run.versionId }),
      this.dataSource.getRepository(StepRunEntity).find({ where: { runId }, order: { position: 'ASC' } }),
    ]);
    const definition = version.definition as unknown as WorkflowDefinition;
    const byId = new Map(stepRows.map((s) => [s.stepId, s]));
    const terminal = TERMINAL_RUN_STATUSES.includes(run.status);
    const body = parseBodyLenient(request.body, request.contentType);
    return {
      ...this.summary(run),
      versionId: run.versionId,
      version: version.version,
      replayOf: run.replayOf,
      trigger: {
        requestId: request.id,
        method: request.method,
        headers: request.headers,
        query: request.query,
        contentType: request.contentType,
        body: body.value,
        bodyEncoding: body.kind === 'binary' ? 'base64' : undefined,
        receivedAt: request.receivedAt.toISOString(),
        size: request.size,
      },
      steps: definition.steps.map((step) => {
        const row = byId.get(step.id);
        if (!row) return { id: step.id, type: step.type, name: step.name, status: terminal ? 'skipped' : 'pending', attempts: 0 };
        return {
          id: step.id,
          type: step.type,
          name: step.name,
          status: row.status,
          input: row.input,
          output: row.output,
          error: row.error,
          attempts: row.attempts,
          startedAt: row.startedAt.toISOString(),
          finishedAt: row.finishedAt.toISOString(),
          durationMs: row.durationMs,
        };
      }),
    };
  }

  /** A new run of the same stored request, on the workflow's current version. */
  async replay(workspaceId: string, runId: string): Promise<{ runId: string }> {
    const run = await this.dataSource.getRepository(RunEntity).findOneBy({ id: runId, workspaceId });
    if (!run) throw ApiError.notFound('Run', runId);
    const workflow = await this.dataSource.getRepository(WorkflowEntity).findOneByOrFail({ id: run.workflowId });
    const id = newId();
    await this.dataSource.getRepository(RunEntity).insert({
      id,
      workspaceId,
      workflowId: run.workflowId,
      versionId: workflow.currentVersionId as string,
      requestId: run.requestId,
      status: 'queued',
      replayOf: run.id,
    });
    this.dispatcher.dispatch([id]);
    return { runId: id };
  }

  private summary(r: RunEntity) {
    return {
      id: r.id,
      workflowId: r.workflowId,
      status: r.status,
      createdAt: r.createdAt.toISOString(),
      startedAt: r.startedAt?.toISOString() ?? null,
      finishedAt: r.finishedAt?.toISOString() ?? null,
      durationMs: ms(r.startedAt, r.finishedAt),
      error: r.error,
    };
  }
}
