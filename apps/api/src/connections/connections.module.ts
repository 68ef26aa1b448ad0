import { Module } from '@nestjs/common';
import type { Pool } from 'pg';
import { AuditModule } from '../accounts/audit.module';
import { AuditService } from '../accounts/audit.service';
import { AdaptersModule } from '../adapters/adapters.module';
import { GuardedHttpInvoker } from '../adapters/http-invoker';
import { APP_CONFIG, type AppConfig } from '../config/config.schema';
import { CredentialsModule } from '../credentials/credentials.module';
import { PG_POOL } from '../database/database.module';
import { SECRET_BOX, type SecretBoxProvider } from '../secrets/trigger-secrets.service';
import { MailModule } from '../mail/mail.module';
import { ServerMailer } from '../mail/server-mailer';
import { ConnectionsController } from './connections.controller';
import { ConnectionsService } from './connections.service';

/** App connections: the API, the OAuth 2 sign-in and the engine's connection port (workers need it too). */
@Module({
  imports: [AdaptersModule, CredentialsModule, AuditModule, MailModule],
  controllers: [ConnectionsController],
  providers: [
    {
      provide: ConnectionsService,
      useFactory: (
        pool: Pool,
        box: SecretBoxProvider,
        http: GuardedHttpInvoker,
        config: AppConfig,
        audit: AuditService,
        mailer: ServerMailer,
      ) => new ConnectionsService(pool, box, http, config.publicUrl, undefined, (entry) => audit.record(entry), mailer),
      inject: [PG_POOL, SECRET_BOX, GuardedHttpInvoker, APP_CONFIG, AuditService, ServerMailer],
    },
  ],
  exports: [ConnectionsService],
})
export class ConnectionsModule {}
