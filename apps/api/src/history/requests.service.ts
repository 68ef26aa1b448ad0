import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type InboundRequestPage, listRequestsQuerySchema } from '@switchyard/contract';
import { DataSource } from 'typeorm';
import { ApiError } from '../common/api-error';
import { parseInput } from '../common/parse-input';
import { InboundRequestEntity } from '../database/entities/inbound-request.entity';
import { RunEntity } from '../database/entities/run.entity';
import { WorkflowEntity } from '../database/entities/workflow.entity';
import { parseBodyLenient } from '../inbound/parse-body';

/** The request log of a workflow: every request its trigger URL received, runs or not. */
@Injectable()
export class RequestsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(workspaceId: string, workflowId: string, query: unknown): Promise<InboundRequestPage> {
    const q = parseInput(listRequestsQuerySchema, query, 'query string');
    const exists = await this.dataSource.getRepository(WorkflowEntity).existsBy({ id: workflowId, workspaceId });
    if (!exists) throw ApiError.notFound('Workflow', workflowId);
    const builder = this.dataSource
      .getRepository(InboundRequestEntity)
      .createQueryBuilder('q')
      .where('q.workflow_id = :workflowId AND q.workspace_id = :workspaceId', { workflowId, workspaceId })
      .orderBy('q.id', 'DESC')
      .limit(q.limit + 1);
    if (q.verdict) builder.andWhere('q.verdict = :verdict', { verdict: q.verdict });
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
      items: page.map((r) => {
        const body = parseBodyLenient(r.body, r.contentType, r.headers['content-encoding']);
        return {
          id: r.id,
          method: r.method,
          contentType: r.contentType,
          size: r.size,
          receivedAt: r.receivedAt.toISOString(),
          verdict: r.verdict,
          reason: r.reason,
          statusCode: r.statusCode,
          runId: runByRequest.get(r.id) ?? null,
          bodyEncoding: body.kind === 'binary' ? ('base64' as const) : undefined,
          trigger: { body: body.value, headers: r.headers, query: r.query, method: r.method, receivedAt: r.receivedAt.toISOString() },
        };
      }),
      nextCursor: rows.length > q.limit ? page[page.length - 1].id : null,
    };
  }
}
