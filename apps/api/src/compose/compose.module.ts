import { Inject, Injectable, Module, type OnModuleInit } from '@nestjs/common';
import type { Pool } from 'pg';
import { LOGGER, type Logger } from '../common/logger';
import { APP_CONFIG, type AppConfig } from '../config/config.schema';
import { CredentialsModule } from '../credentials/credentials.module';
import { PG_POOL } from '../database/database.module';
import { DISPATCHER, type Dispatcher } from '../runtime/dispatch/dispatcher';
import { EnginePortsFactory } from '../runtime/engine-ports';
import { RunLedger } from '../runtime/ledger/run-ledger';
import { isTerminal } from '../runtime/ledger/run-status';
import { RunEvents } from '../runtime/run-events';
import { RuntimeModule } from '../runtime/runtime.module';
import { SECRET_BOX, type SecretBoxProvider } from '../secrets/trigger-secrets.service';
import { ErrorWorkflows } from './error-workflows';
import { WaitStore } from './wait-store';
import { WorkflowCalls } from './workflow-calls';

/** A run dispatched from its own run-finished listener is still in flight: let that execution end first. */
const SELF_DISPATCH_DELAY_MS = 50;

/** Binds waits and workflow calls to every executed run, and reacts to runs that end or start waiting. */
@Injectable()
class ComposeWiring implements OnModuleInit {
  constructor(
    private readonly ports: EnginePortsFactory,
    private readonly events: RunEvents,
    private readonly waits: WaitStore,
    private readonly calls: WorkflowCalls,
    private readonly errors: ErrorWorkflows,
    @Inject(DISPATCHER) private readonly dispatcher: Dispatcher,
  ) {}

  onModuleInit(): void {
    this.ports.addRunPorts((run) => ({ waits: this.waits.portFor(run), workflows: this.calls.portFor(run) }));
    this.events.onFinished(async (event) => {
      if (event.status === 'waiting') {
        // Answered (or a child ended) while this execution ran: go on now rather than at the timeout.
        if (await this.waits.wakeIfAnswered(event.runId)) {
          setTimeout(() => this.dispatcher.dispatch([event.runId]), SELF_DISPATCH_DELAY_MS).unref();
        }
        return;
      }
      if (!isTerminal(event.status)) return;
      // Only a called run can have a caller; the others skip the statement (and its commit).
      const caller = event.called ? await this.calls.wakeCaller(event.runId) : null;
      if (caller) this.dispatcher.dispatch([caller]);
      await this.errors.onFinished(event);
    });
  }
}

/**
 * Composition of workflows (ADR 0022): `wait` steps (one-time resume URLs and approval pages),
 * `subworkflow` steps (child runs linked to their caller) and error workflows. In every process:
 * workers execute the steps, HTTP processes also serve the links (registered in bootstrap.ts).
 */
@Module({
  imports: [RuntimeModule, CredentialsModule],
  providers: [
    {
      provide: WaitStore,
      useFactory: (pool: Pool, secrets: SecretBoxProvider, config: AppConfig) => new WaitStore(pool, secrets, () => config.publicUrl),
      inject: [PG_POOL, SECRET_BOX, APP_CONFIG],
    },
    {
      provide: WorkflowCalls,
      useFactory: (pool: Pool, ledger: RunLedger, dispatcher: Dispatcher) =>
        new WorkflowCalls(pool, ledger, (ids) => dispatcher.dispatch(ids)),
      inject: [PG_POOL, RunLedger, DISPATCHER],
    },
    {
      provide: ErrorWorkflows,
      useFactory: (pool: Pool, ledger: RunLedger, dispatcher: Dispatcher, config: AppConfig, logger: Logger) =>
        new ErrorWorkflows(
          pool,
          ledger,
          (ids) => dispatcher.dispatch(ids),
          () => config.publicUrl,
          logger,
        ),
      inject: [PG_POOL, RunLedger, DISPATCHER, APP_CONFIG, LOGGER],
    },
    ComposeWiring,
  ],
  exports: [WaitStore, WorkflowCalls],
})
export class ComposeModule {}
