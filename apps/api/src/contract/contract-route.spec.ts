import { Controller, Delete, Get, Post } from '@nestjs/common';
import { describe, expect, it } from 'vitest';
import { contractRouteOf, routeKeyOf } from './contract-route';

@Controller('api/workflows')
class Workflows {
  @Get()
  list() {}

  @Get(':id/runs')
  runs() {}

  @Delete(':id')
  remove() {}

  helper() {}
}

@Controller('api')
class Elsewhere {
  @Post('nowhere')
  nowhere() {}
}

describe('contract routes of controller methods', () => {
  it('names a method’s route as Nest registers it', () => {
    expect(routeKeyOf(Workflows, Workflows.prototype.list)).toBe('GET /api/workflows');
    expect(routeKeyOf(Workflows, Workflows.prototype.runs)).toBe('GET /api/workflows/:id/runs');
    expect(routeKeyOf(Workflows, Workflows.prototype.remove)).toBe('DELETE /api/workflows/:id');
    expect(routeKeyOf(Workflows, Workflows.prototype.helper)).toBeUndefined();
  });

  it('finds the route’s spec in the contract, or nothing', () => {
    expect(contractRouteOf(Workflows, Workflows.prototype.remove)).toMatchObject({
      key: 'DELETE /api/workflows/:id',
      access: { kind: 'action', action: 'workflow.delete' },
      status: 204,
    });
    expect(contractRouteOf(Elsewhere, Elsewhere.prototype.nowhere)).toBeNull();
  });
});
