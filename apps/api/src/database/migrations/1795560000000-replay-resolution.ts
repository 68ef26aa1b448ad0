import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 19: a failed run records the replay that resolved it, and every run the run whose id its
 * side-effecting steps put in their idempotency keys (null: its own). Replays of a run are looked up.
 */
export class ReplayResolution1795560000000 implements MigrationInterface {
  name = 'ReplayResolution1795560000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "runs"
            ADD "resolved_by" uuid
        `);
    await queryRunner.query(`
            ALTER TABLE "runs"
            ADD "idempotency_root" uuid
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_runs_replay_of" ON "runs" ("replay_of")
            WHERE replay_of IS NOT NULL
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            DROP INDEX "public"."idx_runs_replay_of"
        `);
    await queryRunner.query(`
            ALTER TABLE "runs" DROP COLUMN "idempotency_root"
        `);
    await queryRunner.query(`
            ALTER TABLE "runs" DROP COLUMN "resolved_by"
        `);
  }
}
