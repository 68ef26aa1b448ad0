import { Inject, Module, type OnApplicationBootstrap } from '@nestjs/common';
import { GuardedMailSender } from '../adapters/mail-sender';
import { AdaptersModule } from '../adapters/adapters.module';
import { LOGGER, type Logger } from '../common/logger';
import { APP_CONFIG, type AppConfig } from '../config/config.schema';
import { redactSmtpUrl } from '../config/smtp-url';
import { ServerMailer } from './server-mailer';

/** The server's own e-mail (dead-letter alerts, invites) through SWITCHYARD_SMTP_URL. */
@Module({
  imports: [AdaptersModule],
  providers: [
    {
      provide: ServerMailer,
      useFactory: (config: AppConfig, sender: GuardedMailSender) =>
        new ServerMailer(config.SWITCHYARD_SMTP_URL, config.SWITCHYARD_SMTP_FROM, sender),
      inject: [APP_CONFIG, GuardedMailSender],
    },
  ],
  exports: [ServerMailer],
})
export class MailModule implements OnApplicationBootstrap {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.SWITCHYARD_SMTP_URL)
      this.logger.info(
        { smtp: redactSmtpUrl(this.config.SWITCHYARD_SMTP_URL) },
        'server e-mail (dead-letter alerts, invites) goes through this SMTP relay',
      );
  }
}
