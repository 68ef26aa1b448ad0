import { Injectable, Module, type OnApplicationBootstrap } from '@nestjs/common';
import { RuntimeLifecycle } from '../runtime/runtime-lifecycle';
import { RuntimeModule } from '../runtime/runtime.module';
import { ComposeModule } from '../compose/compose.module';

/** Takes runs from the queue (with REDIS_URL; without it, the in-process dispatcher executes them). */
@Injectable()
class ConsumeRuns implements OnApplicationBootstrap {
  constructor(private readonly runtime: RuntimeLifecycle) {}

  onApplicationBootstrap(): void {
    this.runtime.consumeQueue();
  }
}

/** The executing side (`--role=worker`, and half of `all`): claims and executes runs. No HTTP. */
@Module({
  imports: [RuntimeModule, ComposeModule],
  providers: [ConsumeRuns],
})
export class WorkerRootModule {}
