import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import { diffQuerySchema, type ResponseOf } from '@switchyard/contract';
import { type Actor, CurrentActor } from '../accounts/auth-context';
import { CurrentWorkspace } from '../common/current-workspace.decorator';
import { parseInput } from '../common/parse-input';
import { DraftsService } from './drafts.service';
import { RehearsalsService } from './rehearsals.service';

const uuid = new ParseUUIDPipe({ version: undefined, errorHttpStatusCode: 404 });

/** Drafts, publishing, versions, diffs, restore and rehearsals of a workflow (issue 16). */
@Controller('api/workflows/:id')
export class VersionsController {
  constructor(
    private readonly drafts: DraftsService,
    private readonly rehearsals: RehearsalsService,
  ) {}

  @Get('draft')
  getDraft(@CurrentWorkspace() workspaceId: string, @Param('id', uuid) id: string): Promise<ResponseOf<'GET /api/workflows/:id/draft'>> {
    return this.drafts.get(workspaceId, id);
  }

  @Put('draft')
  saveDraft(
    @CurrentWorkspace() workspaceId: string,
    @Param('id', uuid) id: string,
    @Body() body: unknown,
    @CurrentActor() actor: Actor,
  ): Promise<ResponseOf<'PUT /api/workflows/:id/draft'>> {
    return this.drafts.save(workspaceId, id, body, actor);
  }

  @Delete('draft')
  @HttpCode(200)
  discardDraft(
    @CurrentWorkspace() workspaceId: string,
    @Param('id', uuid) id: string,
    @CurrentActor() actor: Actor,
  ): Promise<ResponseOf<'DELETE /api/workflows/:id/draft'>> {
    return this.drafts.discard(workspaceId, id, actor);
  }

  @Post('publish')
  publish(
    @CurrentWorkspace() workspaceId: string,
    @Param('id', uuid) id: string,
    @Body() body: unknown,
    @CurrentActor() actor: Actor,
  ): Promise<ResponseOf<'POST /api/workflows/:id/publish'>> {
    return this.drafts.publish(workspaceId, id, body, actor);
  }

  @Get('versions')
  listVersions(
    @CurrentWorkspace() workspaceId: string,
    @Param('id', uuid) id: string,
  ): Promise<ResponseOf<'GET /api/workflows/:id/versions'>> {
    return this.drafts.listVersions(workspaceId, id);
  }

  @Get('versions/:versionId')
  getVersion(
    @CurrentWorkspace() workspaceId: string,
    @Param('id', uuid) id: string,
    @Param('versionId', uuid) versionId: string,
  ): Promise<ResponseOf<'GET /api/workflows/:id/versions/:versionId'>> {
    return this.drafts.getVersion(workspaceId, id, versionId);
  }

  @Post('versions/:versionId/restore')
  @HttpCode(200)
  restore(
    @CurrentWorkspace() workspaceId: string,
    @Param('id', uuid) id: string,
    @Param('versionId', uuid) versionId: string,
    @CurrentActor() actor: Actor,
  ): Promise<ResponseOf<'POST /api/workflows/:id/versions/:versionId/restore'>> {
    return this.drafts.restore(workspaceId, id, versionId, actor);
  }

  @Get('diff')
  diff(
    @CurrentWorkspace() workspaceId: string,
    @Param('id', uuid) id: string,
    @Query() query: Record<string, unknown>,
  ): Promise<ResponseOf<'GET /api/workflows/:id/diff'>> {
    return this.drafts.diff(workspaceId, id, parseInput(diffQuerySchema, query, 'query string'));
  }

  @Post('rehearsals')
  @HttpCode(202)
  startRehearsal(
    @CurrentWorkspace() workspaceId: string,
    @Param('id', uuid) id: string,
    @Body() body: unknown,
    @CurrentActor() actor: Actor,
  ): Promise<ResponseOf<'POST /api/workflows/:id/rehearsals'>> {
    return this.rehearsals.start(workspaceId, id, body, actor);
  }

  @Get('rehearsals/:rehearsalId')
  getRehearsal(
    @CurrentWorkspace() workspaceId: string,
    @Param('id', uuid) id: string,
    @Param('rehearsalId', uuid) rehearsalId: string,
  ): Promise<ResponseOf<'GET /api/workflows/:id/rehearsals/:rehearsalId'>> {
    return this.rehearsals.get(workspaceId, id, rehearsalId);
  }
}
