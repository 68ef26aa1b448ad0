import { Controller, Get } from '@nestjs/common';
import type { ResponseOf } from '@switchyard/contract';
import { CurrentWorkspace } from '../../common/current-workspace.decorator';
import { UpcomingService } from './upcoming.service';

@Controller('api')
export class UpcomingController {
  constructor(private readonly upcoming: UpcomingService) {}

  @Get('triggers/upcoming')
  list(@CurrentWorkspace() workspaceId: string): Promise<ResponseOf<'GET /api/triggers/upcoming'>> {
    return this.upcoming.list(workspaceId);
  }
}
