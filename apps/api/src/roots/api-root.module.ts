import { Injectable, Module, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module';
import { AlertsModule } from '../alerts/alerts.module';
import { BundlesModule } from '../bundles/bundles.module';
import { CredentialsModule } from '../credentials/credentials.module';
import { HealthModule } from '../health/health.module';
import { HistoryModule } from '../history/history.module';
import { IngestModule } from '../ingest/ingest.module';
import { OpenApiModule } from '../openapi/openapi.module';
import { AutoReplayer } from '../runtime/auto-replayer';
import { RetentionPruner } from '../runtime/retention-pruner';
import { RuntimeModule } from '../runtime/runtime.module';
import { TriggersModule } from '../triggers/triggers.module';
import { ComposeModule } from '../compose/compose.module';
import { SettingsModule } from '../settings/settings.module';
import { TestEventsModule } from '../test-events/test-events.module';
import { PinnedSamplesModule } from '../samples/pinned-samples.module';
import { WorkflowsModule } from '../workflows/workflows.module';

/** The runtime loops one kind of process runs for all: replaying due failed runs, and retention. */
@Injectable()
class ApiRoleLoops implements OnApplicationBootstrap, BeforeApplicationShutdown {
  constructor(
    private readonly pruner: RetentionPruner,
    private readonly replays: AutoReplayer,
  ) {}

  onApplicationBootstrap(): void {
    this.pruner.start();
    this.replays.start();
  }

  beforeApplicationShutdown(): void {
    this.pruner.stop();
    this.replays.stop();
  }
}

/**
 * The HTTP side (`--role=api`, and half of `all`): the UI's API, webhook ingest, history, accounts,
 * credentials, health, and the runtime to dispatch runs, sweep, auto-replay and prune.
 */
@Module({
  imports: [
    AccountsModule,
    WorkflowsModule,
    IngestModule,
    HistoryModule,
    CredentialsModule,
    HealthModule,
    RuntimeModule,
    OpenApiModule,
    BundlesModule,
    AlertsModule,
    TriggersModule,
    ComposeModule,
    SettingsModule,
    TestEventsModule,
    PinnedSamplesModule,
  ],
  providers: [ApiRoleLoops],
})
export class ApiRootModule {}
