import { Module } from '@nestjs/common';
import type { Pool } from 'pg';
import { AdaptersModule } from '../adapters/adapters.module';
import { GuardedHttpInvoker } from '../adapters/http-invoker';
import { AuditModule } from '../accounts/audit.module';
import { LOGGER } from '../common/logger';
import { APP_CONFIG } from '../config/config.schema';
import { PG_POOL } from '../database/database.module';
import { secretBoxProvider } from '../secrets/secret-box-provider';
import { SECRET_BOX, type SecretBoxProvider, TriggerSecretsService } from '../secrets/trigger-secrets.service';
import { HostCredentialResolver } from './credential-resolver';
import { CredentialsController } from './credentials.controller';
import { CredentialsService } from './credentials.service';
import { OAuth2TokenCache } from './oauth2-token-cache';

/**
 * Stored credentials and trigger secrets, sealed with the master key: the API to manage them, and
 * the resolver runs use (workers need it too).
 */
@Module({
  imports: [AdaptersModule, AuditModule],
  controllers: [CredentialsController],
  providers: [
    { provide: SECRET_BOX, useFactory: secretBoxProvider, inject: [APP_CONFIG, LOGGER] },
    TriggerSecretsService,
    CredentialsService,
    {
      provide: HostCredentialResolver,
      useFactory: (pool: Pool, http: GuardedHttpInvoker, box: SecretBoxProvider) =>
        new HostCredentialResolver(pool, box, new OAuth2TokenCache(http)),
      inject: [PG_POOL, GuardedHttpInvoker, SECRET_BOX],
    },
  ],
  exports: [SECRET_BOX, TriggerSecretsService, HostCredentialResolver],
})
export class CredentialsModule {}
