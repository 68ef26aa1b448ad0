import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  type InboundRequest,
  type InboundRequestPage,
  listAllRequestsQuerySchema,
  listRequestsQuerySchema,
  REFUSED_VERDICTS,
  type RefusedCount,
  type WorkspaceRequestPage,
} from '@switchyard/contract';
import { DataSource } from 'typeorm';
import { ApiError } from '../common/api-error';
import { parseInput } from '../common/parse-input';
import { InboundRequestEntity } from '../database/entities/inbound-request.entity';
import { RunEntity } from '../database/entities/run.entity';
import { WorkflowEntity } from '../database/entities/workflow.entity';
import { parseBodyLenient } from '../inbound/parse-body';
import { uuidV7Floor } from '../common/uuid-v7-floor';

const DAY_MS = 24 * 3600 * 1000;

/** The request log of a workflow, or of every workflow: every request a trigger URL received, runs or not. */
@Injectable()
export class RequestsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(workspaceId: string, workflowId: string, query: unknown): Promise<InboundRequestPage> {
    const q = parseInput(listRequestsQuerySchema, query, 'query string');
    await this.assertWorkflow(workspaceId, workflowId);
    const page = await this.page(workspaceId, { ...q, workflowId });
    return { items: page.items.map(({ workflowId: _, ...item }) => item), nextCursor: page.nextCursor };
  }

  /** Requests of every workflow (or one, `workflowId`), with every verdict, reason and the status answered. */
  async listAll(workspaceId: string, query: unknown): Promise<WorkspaceRequestPage> {
    return this.page(workspaceId, parseInput(listAllRequestsQuerySchema, query, 'query string'));
  }

  /** How many requests the workflow's trigger URL refused in the last 24 hours (an id range: UUIDv7). */
  async refusedCount(workspaceId: string, workflowId: string): Promise<RefusedCount> {
    await this.assertWorkflow(workspaceId, workflowId);
    const since = new Date(Date.now() - DAY_MS);
    const rows: Array<{ count: number }> = await this.dataSource.query(
      `SELECT count(*)::int AS count FROM inbound_requests
        WHERE workflow_id = $1 AND workspace_id = $2 AND id >= $3 AND verdict = ANY($4::text[])`,
      [workflowId, workspaceId, uuidV7Floor(since.getTime()), [...REFUSED_VERDICTS]],
    );
    return { count: rows[0].count, since: since.toISOString() };
  }

  private async assertWorkflow(workspaceId: string, workflowId: string): Promise<void> {
    const exists = await this.dataSource.getRepository(WorkflowEntity).existsBy({ id: workflowId, workspaceId });
    if (!exists) throw ApiError.notFound('Workflow', workflowId);
  }

  private async page(
    workspaceId: string,
    q: { workflowId?: string; verdict?: string; refused?: 'true' | 'false'; limit: number; cursor?: string },
  ): Promise<WorkspaceRequestPage> {
    const builder = this.dataSource
      .getRepository(InboundRequestEntity)
      .createQueryBuilder('q')
      .where('q.workspace_id = :workspaceId', { workspaceId })
      .orderBy('q.id', 'DESC')
      .limit(q.limit + 1);
    if (q.workflowId) builder.andWhere('q.workflow_id = :workflowId', { workflowId: q.workflowId });
    if (q.verdict) builder.andWhere('q.verdict = :verdict', { verdict: q.verdict });
    if (q.refused !== undefined)
      builder.andWhere(q.refused === 'true' ? 'q.verdict IN (:...refused)' : 'q.verdict NOT IN (:...refused)', {
        refused: [...REFUSED_VERDICTS],
      });
    if (q.cursor) builder.andWhere('q.id < :cursor', { cursor: q.cursor });
    const rows = await builder.getMany();
    const page = rows.slice(0, q.limit);
    const runs = page.length
      ? await this.dataSource
          .getRepository(RunEntity)
          .createQueryBuilder('r')
          .select(['r.id', 'r.requestId'])
          .where('r.request_id IN (:...ids) AND r.replay_of IS NULL', { ids: page.map((r) => r.id) })
          .getMany()
      : [];
    const runByRequest = new Map(runs.map((r) => [r.requestId, r.id]));
    return {
      items: page.map((r): InboundRequest & { workflowId: string } => {
        const body = parseBodyLenient(r.body, r.contentType, r.headers['content-encoding']);
        return {
          id: r.id,
          workflowId: r.workflowId,
          method: r.method,
          contentType: r.contentType,
          size: r.size,
          receivedAt: r.receivedAt.toISOString(),
          verdict: r.verdict,
          reason: r.reason,
          statusCode: r.statusCode,
          runId: runByRequest.get(r.id) ?? r.handledByRunId ?? null,
          bodyEncoding: body.kind === 'binary' ? ('base64' as const) : undefined,
          trigger: { body: body.value, headers: r.headers, query: r.query, method: r.method, receivedAt: r.receivedAt.toISOString() },
        };
      }),
      nextCursor: rows.length > q.limit ? page[page.length - 1].id : null,
    };
  }
}
