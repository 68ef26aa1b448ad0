import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import type { ResponseOf } from '@switchyard/contract';
import type { FastifyReply } from 'fastify';
import { type Actor, CurrentActor } from '../accounts/auth-context';
import { CurrentWorkspace } from '../common/current-workspace.decorator';
import { RunsService } from './runs.service';

const uuid = new ParseUUIDPipe({ errorHttpStatusCode: 404 });

@Controller('api')
export class RunsController {
  constructor(private readonly runs: RunsService) {}

  @Get('workflows/:id/runs')
  list(
    @CurrentWorkspace() workspaceId: string,
    @Param('id', uuid) workflowId: string,
    @Query() query: Record<string, unknown>,
  ): Promise<ResponseOf<'GET /api/workflows/:id/runs'>> {
    return this.runs.listForWorkflow(workspaceId, workflowId, query);
  }

  /** Runs of every workflow: `?workflowId=&status=&since=&until=&limit=&cursor=`. */
  @Get('runs')
  listAll(@CurrentWorkspace() workspaceId: string, @Query() query: Record<string, unknown>): Promise<ResponseOf<'GET /api/runs'>> {
    return this.runs.listAll(workspaceId, query);
  }

  @Post('runs/replay')
  bulkReplay(
    @CurrentWorkspace() workspaceId: string,
    @Body() body: unknown,
    @CurrentActor() actor: Actor,
  ): Promise<ResponseOf<'POST /api/runs/replay'>> {
    return this.runs.bulkReplay(workspaceId, body, actor);
  }

  @Get('runs/:id')
  get(@CurrentWorkspace() workspaceId: string, @Param('id', uuid) id: string): Promise<ResponseOf<'GET /api/runs/:id'>> {
    return this.runs.get(workspaceId, id);
  }

  @Get('runs/:id/steps/:stepId/output')
  async stepOutput(
    @CurrentWorkspace() workspaceId: string,
    @Param('id', uuid) id: string,
    @Param('stepId') stepId: string,
  ): Promise<ResponseOf<'GET /api/runs/:id/steps/:stepId/output'>> {
    return { output: await this.runs.stepOutput(workspaceId, id, stepId) };
  }

  @Get('runs/:id/steps/:stepId/items')
  loopItems(
    @CurrentWorkspace() workspaceId: string,
    @Param('id', uuid) id: string,
    @Param('stepId') stepId: string,
    @Query() query: unknown,
  ): Promise<ResponseOf<'GET /api/runs/:id/steps/:stepId/items'>> {
    return this.runs.loopItems(workspaceId, id, stepId, query);
  }

  @Post('runs/:id/replay')
  replay(
    @CurrentWorkspace() workspaceId: string,
    @Param('id', uuid) id: string,
    @Body() body: unknown,
    @CurrentActor() actor: Actor,
  ): Promise<ResponseOf<'POST /api/runs/:id/replay'>> {
    return this.runs.replay(workspaceId, id, body, actor);
  }

  @Post('requests/:id/replay')
  runRequest(
    @CurrentWorkspace() workspaceId: string,
    @Param('id', uuid) id: string,
    @CurrentActor() actor: Actor,
  ): Promise<ResponseOf<'POST /api/requests/:id/replay'>> {
    return this.runs.runRequest(workspaceId, id, actor);
  }

  @Get('requests/:id/body')
  async requestBody(@CurrentWorkspace() workspaceId: string, @Param('id', uuid) id: string, @Res() reply: FastifyReply) {
    const { body, contentType } = await this.runs.requestBody(workspaceId, id);
    // Served as an attachment, never rendered: the bytes came from a stranger.
    return reply
      .header('content-type', contentType)
      .header('content-disposition', 'attachment')
      .header('x-content-type-options', 'nosniff')
      .send(body);
  }
}
