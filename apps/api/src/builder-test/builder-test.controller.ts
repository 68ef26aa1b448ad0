import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { BuilderTestService } from './builder-test.service';

@Controller('api/test')
export class BuilderTestController {
  constructor(private readonly tests: BuilderTestService) {}

  @Post('step')
  @HttpCode(200)
  step(@Body() body: unknown) {
    return this.tests.testStep(body);
  }

  @Post('workflow')
  @HttpCode(200)
  workflow(@Body() body: unknown) {
    return this.tests.testWorkflow(body);
  }
}
