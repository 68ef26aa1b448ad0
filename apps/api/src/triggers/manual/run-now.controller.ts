import { Body, Controller, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import type { ResponseOf } from '@switchyard/contract';
import { type Actor, CurrentActor } from '../../accounts/auth-context';
import { CurrentWorkspace } from '../../common/current-workspace.decorator';
import { RunNowService } from './run-now.service';

const uuid = new ParseUUIDPipe({ errorHttpStatusCode: 404 });

@Controller('api')
export class RunNowController {
  constructor(private readonly runNow: RunNowService) {}

  @Post('workflows/:id/run')
  run(
    @CurrentWorkspace() workspaceId: string,
    @Param('id', uuid) workflowId: string,
    @Body() body: unknown,
    @CurrentActor() actor: Actor,
  ): Promise<ResponseOf<'POST /api/workflows/:id/run'>> {
    return this.runNow.run(workspaceId, workflowId, body, actor);
  }
}
