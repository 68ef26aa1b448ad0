import { Controller, Param, ParseUUIDPipe, Sse, type MessageEvent } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { interval, map, merge, type Observable } from 'rxjs';
import { DataSource } from 'typeorm';
import { ApiError } from '../common/api-error';
import { CurrentWorkspace } from '../common/current-workspace.decorator';
import { WorkflowEntity } from '../database/entities/workflow.entity';
import { EventBus } from '../events/event-bus';

const KEEP_ALIVE_MS = 15_000;

@Controller('api/workflows')
export class EventsController {
  constructor(
    private readonly events: EventBus,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /** Server-Sent Events: `request` and `run` events of one workflow, with keep-alive pings. */
  @Sse(':id/events')
  async stream(
    @CurrentWorkspace() workspaceId: string,
    @Param('id', new ParseUUIDPipe({ errorHttpStatusCode: 404 })) workflowId: string,
  ): Promise<Observable<MessageEvent>> {
    // Checked before the stream opens, so another workspace's workflow answers a plain 404.
    if (!(await this.dataSource.getRepository(WorkflowEntity).existsBy({ id: workflowId, workspaceId })))
      throw ApiError.notFound('Workflow', workflowId);
    return merge(
      this.events.forWorkflow(workflowId).pipe(map((event) => ({ type: event.type, data: event }) as MessageEvent)),
      interval(KEEP_ALIVE_MS).pipe(map(() => ({ type: 'ping', data: {} }) as MessageEvent)),
    );
  }
}
