import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import type { ResponseOf } from '@switchyard/contract';
import { CurrentWorkspace } from '../common/current-workspace.decorator';
import { BuilderTestService } from './builder-test.service';

@Controller('api/test')
export class BuilderTestController {
  constructor(private readonly tests: BuilderTestService) {}

  @Post('step')
  @HttpCode(200)
  step(@CurrentWorkspace() workspaceId: string, @Body() body: unknown): Promise<ResponseOf<'POST /api/test/step'>> {
    return this.tests.testStep(body, workspaceId);
  }

  @Post('workflow')
  @HttpCode(200)
  workflow(@CurrentWorkspace() workspaceId: string, @Body() body: unknown): Promise<ResponseOf<'POST /api/test/workflow'>> {
    return this.tests.testWorkflow(body, workspaceId);
  }
}
