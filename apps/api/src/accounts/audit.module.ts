import { Module } from '@nestjs/common';
import { AuditService } from './audit.service';

/** The audit log's writer, for every module whose changes are audited (its reader is AccountsModule's). */
@Module({ providers: [AuditService], exports: [AuditService] })
export class AuditModule {}
