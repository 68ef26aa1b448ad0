import { MigrationInterface, QueryRunner } from 'typeorm';

export class AutoReplay1795470100000 implements MigrationInterface {
  name = 'AutoReplay1795470100000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "workflows"
            ADD "auto_replay" jsonb
        `);
    await queryRunner.query(`
            ALTER TABLE "workflows"
            ADD "alerts" jsonb
        `);
    await queryRunner.query(`
            ALTER TABLE "workflows"
            ADD "last_alert_at" TIMESTAMP WITH TIME ZONE
        `);
    await queryRunner.query(`
            ALTER TABLE "runs"
            ADD "auto_replay_attempt" integer NOT NULL DEFAULT '0'
        `);
    await queryRunner.query(`
            ALTER TABLE "runs"
            ADD "auto_replay_at" TIMESTAMP WITH TIME ZONE
        `);
    await queryRunner.query(`
            ALTER TABLE "runs"
            ADD "dead_lettered_at" TIMESTAMP WITH TIME ZONE
        `);
    await queryRunner.query(`
            ALTER TABLE "runs"
            ADD "alert" jsonb
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_runs_auto_replay" ON "runs" ("auto_replay_at")
            WHERE auto_replay_at IS NOT NULL
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_runs_dead_letter" ON "runs" ("workflow_id", "id")
            WHERE dead_lettered_at IS NOT NULL
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            DROP INDEX "public"."idx_runs_dead_letter"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."idx_runs_auto_replay"
        `);
    await queryRunner.query(`
            ALTER TABLE "runs" DROP COLUMN "alert"
        `);
    await queryRunner.query(`
            ALTER TABLE "runs" DROP COLUMN "dead_lettered_at"
        `);
    await queryRunner.query(`
            ALTER TABLE "runs" DROP COLUMN "auto_replay_at"
        `);
    await queryRunner.query(`
            ALTER TABLE "runs" DROP COLUMN "auto_replay_attempt"
        `);
    await queryRunner.query(`
            ALTER TABLE "workflows" DROP COLUMN "last_alert_at"
        `);
    await queryRunner.query(`
            ALTER TABLE "workflows" DROP COLUMN "alerts"
        `);
    await queryRunner.query(`
            ALTER TABLE "workflows" DROP COLUMN "auto_replay"
        `);
  }
}
