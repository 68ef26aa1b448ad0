import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type PinnedSample, type PinnedSampleResult, type TriggerSample, pinSampleSchema } from '@switchyard/contract';
import { DataSource } from 'typeorm';
import type { Actor } from '../accounts/auth-context';
import { ApiError } from '../common/api-error';
import { parseInput } from '../common/parse-input';
import { InboundRequestEntity } from '../database/entities/inbound-request.entity';
import { parseBodyLenient } from '../inbound/parse-body';

interface SampleRow {
  source: 'request' | 'template' | 'manual';
  request_id: string | null;
  trigger: TriggerSample;
  pinned_by: string | null;
  pinned_at: Date;
}

/**
 * The sample a workflow is designed against (issue 14 item 5), kept with the workflow: a copy of a
 * recorded request (so it outlives the request log's retention) or of a template's sample. Every
 * teammate and device opening the builder previews and tests against it.
 */
@Injectable()
export class PinnedSamplesService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async get(workspaceId: string, workflowId: string): Promise<PinnedSampleResult> {
    await this.assertWorkflow(workspaceId, workflowId);
    const rows: SampleRow[] = await this.dataSource.query(
      `SELECT source, request_id, trigger, pinned_by, pinned_at FROM workflow_samples WHERE workflow_id = $1 AND workspace_id = $2`,
      [workflowId, workspaceId],
    );
    return { sample: rows[0] ? toDto(rows[0]) : null };
  }

  async pin(workspaceId: string, workflowId: string, actor: Actor | undefined, body: unknown): Promise<PinnedSample> {
    const input = parseInput(pinSampleSchema, body);
    await this.assertWorkflow(workspaceId, workflowId);
    let trigger: TriggerSample;
    let requestId: string | null = null;
    if (input.source === 'request') {
      const request = await this.dataSource
        .getRepository(InboundRequestEntity)
        .findOneBy({ id: input.requestId as string, workflowId, workspaceId });
      if (!request) {
        throw new ApiError(400, 'validation_failed', 'The request body is invalid', [
          { path: 'requestId', message: 'is not a request recorded for this workflow (it may have been pruned)' },
        ]);
      }
      const parsed = parseBodyLenient(request.body, request.contentType, request.headers['content-encoding']);
      trigger = {
        body: parsed.value,
        headers: request.headers,
        query: request.query,
        method: request.method,
        receivedAt: request.receivedAt.toISOString(),
      };
      requestId = request.id;
    } else {
      trigger = input.trigger as TriggerSample;
    }
    const pinnedBy = actor ? actor.name || (actor.type === 'user' ? actor.email : null) : null;
    const rows: SampleRow[] = await this.dataSource.query(
      `INSERT INTO workflow_samples (workflow_id, workspace_id, source, request_id, trigger, pinned_by, pinned_at)
       VALUES ($1, $2, $3, $4, $5::jsonb, $6, now())
       ON CONFLICT (workflow_id) DO UPDATE SET source = EXCLUDED.source, request_id = EXCLUDED.request_id,
         trigger = EXCLUDED.trigger, pinned_by = EXCLUDED.pinned_by, pinned_at = EXCLUDED.pinned_at
       RETURNING source, request_id, trigger, pinned_by, pinned_at`,
      [workflowId, workspaceId, input.source, requestId, JSON.stringify(trigger), pinnedBy],
    );
    return toDto(rows[0]);
  }

  async unpin(workspaceId: string, workflowId: string): Promise<void> {
    await this.assertWorkflow(workspaceId, workflowId);
    await this.dataSource.query(`DELETE FROM workflow_samples WHERE workflow_id = $1 AND workspace_id = $2`, [workflowId, workspaceId]);
  }

  private async assertWorkflow(workspaceId: string, workflowId: string): Promise<void> {
    const rows = await this.dataSource.query(`SELECT 1 FROM workflows WHERE id = $1 AND workspace_id = $2`, [workflowId, workspaceId]);
    if (!rows[0]) throw ApiError.notFound('Workflow', workflowId);
  }
}

function toDto(row: SampleRow): PinnedSample {
  return {
    source: row.source,
    requestId: row.request_id,
    trigger: row.trigger,
    pinnedBy: row.pinned_by,
    pinnedAt: new Date(row.pinned_at).toISOString(),
  };
}
