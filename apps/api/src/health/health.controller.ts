import { Controller, Get, HttpException, Inject } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Readiness, ResponseOf } from '@switchyard/contract';
import { DataSource } from 'typeorm';
import { DISPATCHER, type Dispatcher } from '../runtime/dispatch/dispatcher';
import { DrainState } from '../lifecycle/drain-state';

@Controller('api/health')
export class HealthController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(DISPATCHER) private readonly dispatcher: Dispatcher,
    private readonly drain: DrainState,
  ) {}

  /** The process is up (for restarts). */
  @Get('live')
  live(): ResponseOf<'GET /api/health/live'> {
    return { status: 'ok' };
  }

  /** PostgreSQL and the queue answer (for load balancers). 503 while either is out, and once a shutdown began. */
  @Get('ready')
  async ready(): Promise<ResponseOf<'GET /api/health/ready'>> {
    if (this.drain.draining)
      throw new HttpException(
        { status: 'draining', database: 'unknown', queue: { kind: this.dispatcher.kind, status: 'unknown' } } satisfies Readiness,
        503,
      );
    const database = await this.dataSource
      .query('SELECT 1')
      .then(() => 'up' as const)
      .catch(() => 'down' as const);
    const queue = (await this.dispatcher.healthy()) ? 'up' : 'down';
    const body: Readiness = {
      status: database === 'up' && queue === 'up' ? 'ok' : 'unavailable',
      database,
      queue: { kind: this.dispatcher.kind, status: queue },
    };
    if (body.status !== 'ok') throw new HttpException(body, 503);
    return body;
  }
}
