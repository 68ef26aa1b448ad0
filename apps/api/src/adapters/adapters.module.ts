import { Module, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/config.schema';
import { Metrics } from '../observability/metrics';
import { EgressGuard } from './egress-guard';
import { GuardedHttpInvoker } from './http-invoker';
import { GuardedMailSender } from './mail-sender';

/** The ways out of the process, behind the egress guard: HTTP (undici) and SMTP (nodemailer). */
@Module({
  providers: [
    {
      provide: EgressGuard,
      useFactory: (config: AppConfig, metrics: Metrics) =>
        new EgressGuard(config.egressAllow, (range) => metrics.egressRefusals.inc({ range })),
      inject: [APP_CONFIG, Metrics],
    },
    { provide: GuardedHttpInvoker, useFactory: (guard: EgressGuard) => new GuardedHttpInvoker(guard), inject: [EgressGuard] },
    { provide: GuardedMailSender, useFactory: (guard: EgressGuard) => new GuardedMailSender(guard), inject: [EgressGuard] },
  ],
  exports: [GuardedHttpInvoker, GuardedMailSender],
})
export class AdaptersModule implements OnApplicationShutdown {
  constructor(private readonly http: GuardedHttpInvoker) {}

  /** After every module's shutdown (the runtime aborted the calls of released runs, if it had to). */
  async onApplicationShutdown(): Promise<void> {
    await this.http.close();
  }
}
