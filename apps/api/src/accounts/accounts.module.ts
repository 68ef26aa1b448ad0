import { Inject, Injectable, Module, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { LOGGER, type Logger } from '../common/logger';
import { MailModule } from '../mail/mail.module';
import { AccessGuard } from './access.guard';
import { ApiKeysController } from './api-keys.controller';
import { ApiKeysService } from './api-keys.service';
import { AuditController } from './audit.controller';
import { AuditModule } from './audit.module';
import { AuthController } from './auth.controller';
import { AuthService, LOCKOUT_POLICY } from './auth.service';
import { DEFAULT_LOCKOUT_POLICY } from './lockout-policy';
import { InvitesController, WorkspacesController } from './workspaces.controller';
import { OidcController } from './oidc/oidc.controller';
import { OidcService } from './oidc/oidc.service';
import { SsoConfig } from './oidc/sso-config';
import { SsoSettingsController } from './oidc/sso-settings.controller';
import { SsoSettingsService } from './oidc/sso-settings.service';
import { CredentialsModule } from '../credentials/credentials.module';
import { SettingsStoreModule } from '../settings/settings-store.module';
import { WorkspacesService } from './workspaces.service';

/** Seeds the owner and key of an unattended install, and prunes expired sessions every hour. */
@Injectable()
class AccountsHousekeeping implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly auth: AuthService,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.auth.seedFromEnvironment();
    const prune = () => this.auth.prune().catch((err) => this.logger.warn({ err: err.message }, 'pruning sessions failed'));
    void prune();
    this.timer = setInterval(prune, 3600_000).unref();
  }

  beforeApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }
}

/**
 * Accounts (issue 8): sign-in and sessions, workspaces, members and invites, API keys, the audit
 * log, and the one guard deciding access to every route (docs/accounts.md). HTTP processes only.
 */
@Module({
  imports: [AuditModule, MailModule, SettingsStoreModule, CredentialsModule],
  controllers: [
    AuthController,
    OidcController,
    SsoSettingsController,
    WorkspacesController,
    InvitesController,
    ApiKeysController,
    AuditController,
  ],
  providers: [
    { provide: LOCKOUT_POLICY, useValue: DEFAULT_LOCKOUT_POLICY },
    AuthService,
    OidcService,
    SsoConfig,
    SsoSettingsService,
    ApiKeysService,
    WorkspacesService,
    { provide: APP_GUARD, useClass: AccessGuard },
    AccountsHousekeeping,
  ],
  exports: [SsoConfig],
})
export class AccountsModule {}
