import { MigrationInterface, QueryRunner } from 'typeorm';

/** Issue 19: each attempt of a step (when, how it ended, the status answered, why it was retried). */
export class StepAttemptLog1795560100000 implements MigrationInterface {
  name = 'StepAttemptLog1795560100000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "step_runs"
            ADD "attempt_log" jsonb
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "step_runs" DROP COLUMN "attempt_log"
        `);
  }
}
