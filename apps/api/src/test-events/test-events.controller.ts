import { Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import type { ResponseOf } from '@switchyard/contract';
import { CurrentWorkspace } from '../common/current-workspace.decorator';
import { TestEventsService } from './test-events.service';

@Controller('api/workflows')
export class TestEventsController {
  constructor(private readonly events: TestEventsService) {}

  @Post(':id/test-event')
  @HttpCode(200)
  send(
    @CurrentWorkspace() workspaceId: string,
    @Param('id', new ParseUUIDPipe({ errorHttpStatusCode: 404 })) workflowId: string,
  ): Promise<ResponseOf<'POST /api/workflows/:id/test-event'>> {
    return this.events.send(workspaceId, workflowId);
  }
}
