import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { CurrentWorkspace } from '../common/current-workspace.decorator';
import { CredentialsService } from './credentials.service';

@Controller('api')
export class CredentialsController {
  constructor(private readonly credentials: CredentialsService) {}

  @Get('credential-types')
  types() {
    return this.credentials.types();
  }

  @Get('credentials')
  async list(@CurrentWorkspace() workspaceId: string) {
    return { items: await this.credentials.list(workspaceId) };
  }

  @Post('credentials')
  create(@CurrentWorkspace() workspaceId: string, @Body() body: unknown) {
    return this.credentials.create(workspaceId, body);
  }

  @Get('credentials/:id')
  get(@CurrentWorkspace() workspaceId: string, @Param('id') id: string) {
    return this.credentials.get(workspaceId, id);
  }

  @Put('credentials/:id')
  update(@CurrentWorkspace() workspaceId: string, @Param('id') id: string, @Body() body: unknown) {
    return this.credentials.update(workspaceId, id, body);
  }

  @Delete('credentials/:id')
  @HttpCode(204)
  async remove(@CurrentWorkspace() workspaceId: string, @Param('id') id: string): Promise<void> {
    await this.credentials.remove(workspaceId, id);
  }
}
