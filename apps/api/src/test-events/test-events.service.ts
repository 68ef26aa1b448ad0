import { Injectable } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { InjectDataSource } from '@nestjs/typeorm';
import type { TestEventResult } from '@switchyard/contract';
import type { FastifyInstance } from 'fastify';
import { DataSource } from 'typeorm';
import { ApiError } from '../common/api-error';
import { RequestsService } from '../history/requests.service';
import { TriggerCache } from '../ingest/trigger-cache';
import { buildTestEvent } from './sample-events';

/**
 * "Send a test event": builds the trigger's provider-shaped sample event, signs it with the first
 * stored secret, and sends it through the trigger URL's own route (in process, no network), so that
 * it is verified, recorded in the Inbox and run exactly like a delivery from the provider.
 */
@Injectable()
export class TestEventsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly triggers: TriggerCache,
    private readonly requests: RequestsService,
    private readonly adapter: HttpAdapterHost,
  ) {}

  async send(workspaceId: string, workflowId: string): Promise<TestEventResult> {
    const rows = await this.dataSource.query(`SELECT token FROM workflows WHERE id = $1 AND workspace_id = $2`, [workflowId, workspaceId]);
    if (!rows[0]) throw ApiError.notFound('Workflow', workflowId);
    const token: string = rows[0].token;
    const trigger = await this.triggers.get(token);
    const scheme = trigger?.trigger.verify?.scheme ?? null;
    const secret = trigger?.secrets[0] ?? null;
    const event = buildTestEvent({ scheme, secret });
    const before = Date.now();
    const fastify = this.adapter.httpAdapter.getInstance<FastifyInstance>();
    const answer = await fastify.inject({ method: 'POST', url: `/hooks/${token}`, headers: event.headers, payload: event.body });
    const page = await this.requests.list(workspaceId, workflowId, { limit: 5 });
    const request = page.items.find((item) => Date.parse(item.receivedAt) >= before - 1000 && item.trigger.body !== undefined) ?? null;
    return { label: event.label, scheme, signed: scheme !== null && secret !== null, statusCode: answer.statusCode, request };
  }
}
