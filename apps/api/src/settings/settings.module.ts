import { Module } from '@nestjs/common';
import { AuditModule } from '../accounts/audit.module';
import { SettingsController } from './settings.controller';
import { SettingsService } from './settings.service';
import { SettingsStoreModule } from './settings-store.module';

/** Settings in the database (issue 14): the api side. */
@Module({
  imports: [SettingsStoreModule, AuditModule],
  controllers: [SettingsController],
  providers: [SettingsService],
})
export class SettingsModule {}
