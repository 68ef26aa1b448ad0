import { MigrationInterface, QueryRunner } from 'typeorm';

/** The trace context a run carries from the ingest request to its executions (issue 18, traces). */
export class RunTraceParent1795540000000 implements MigrationInterface {
  name = 'RunTraceParent1795540000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "runs" ADD "trace_parent" text`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "runs" DROP COLUMN "trace_parent"`);
  }
}
