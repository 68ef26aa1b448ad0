import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import type { ResponseOf } from '@switchyard/contract';
import { type Actor, CurrentActor } from '../accounts/auth-context';
import { CurrentWorkspace } from '../common/current-workspace.decorator';
import { BundlesService } from './bundles.service';

@Controller('api/bundles')
export class BundlesController {
  constructor(private readonly bundles: BundlesService) {}

  /** `?workflowIds=a,b`: those workflows; none: the whole workspace. */
  @Get('export')
  export(
    @CurrentWorkspace() workspaceId: string,
    @Query() query: unknown,
    @CurrentActor() actor: Actor,
  ): Promise<ResponseOf<'GET /api/bundles/export'>> {
    return this.bundles.export(workspaceId, query, actor);
  }

  @Post('preview')
  @HttpCode(200)
  preview(@CurrentWorkspace() workspaceId: string, @Body() body: unknown): Promise<ResponseOf<'POST /api/bundles/preview'>> {
    return this.bundles.preview(workspaceId, body);
  }

  @Post('import')
  @HttpCode(200)
  import(
    @CurrentWorkspace() workspaceId: string,
    @Body() body: unknown,
    @CurrentActor() actor: Actor,
  ): Promise<ResponseOf<'POST /api/bundles/import'>> {
    return this.bundles.import(workspaceId, body, actor);
  }
}
