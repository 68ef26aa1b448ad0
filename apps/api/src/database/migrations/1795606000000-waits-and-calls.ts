import { MigrationInterface, QueryRunner } from 'typeorm';

/** Waiting runs and workflow calls (ADR 0022): `wait` step tokens, sub-workflow links, error workflows. */
export class WaitsAndCalls1795606000000 implements MigrationInterface {
  name = 'WaitsAndCalls1795606000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "run_waits" (
                "id" uuid NOT NULL,
                "workspace_id" uuid NOT NULL,
                "run_id" uuid NOT NULL,
                "step_key" text NOT NULL,
                "mode" text NOT NULL,
                "token_hash" bytea NOT NULL,
                "timeout_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "resolved_at" TIMESTAMP WITH TIME ZONE,
                "outcome" text,
                "body" jsonb,
                "decided_by" text,
                CONSTRAINT "PK_f7b79a536a213d627c282c489f9" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_run_waits_open" ON "run_waits" ("workspace_id", "created_at") WHERE resolved_at IS NULL
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_run_waits_token" ON "run_waits" ("token_hash")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_run_waits_step" ON "run_waits" ("run_id", "step_key")
        `);
    await queryRunner.query(`
            ALTER TABLE "run_waits"
            ADD CONSTRAINT "FK_4a9ca62fc337b3a90cf8dcf29f9" FOREIGN KEY ("run_id") REFERENCES "runs"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "workflows"
            ADD "error_workflow_id" uuid
        `);
    await queryRunner.query(`
            ALTER TABLE "runs"
            ADD "parent_run_id" uuid,
            ADD "parent_step_key" text,
            ADD "call_depth" integer NOT NULL DEFAULT '0',
            ADD "call_timeout_at" TIMESTAMP WITH TIME ZONE,
            ADD "error_of" uuid
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_runs_error_of" ON "runs" ("error_of") WHERE error_of IS NOT NULL
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_runs_parent_step" ON "runs" ("parent_run_id", "parent_step_key") WHERE parent_run_id IS NOT NULL
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."uq_runs_parent_step"`);
    await queryRunner.query(`DROP INDEX "public"."uq_runs_error_of"`);
    await queryRunner.query(`
            ALTER TABLE "runs"
            DROP COLUMN "error_of",
            DROP COLUMN "call_timeout_at",
            DROP COLUMN "call_depth",
            DROP COLUMN "parent_step_key",
            DROP COLUMN "parent_run_id"
        `);
    await queryRunner.query(`ALTER TABLE "workflows" DROP COLUMN "error_workflow_id"`);
    await queryRunner.query(`DROP TABLE "run_waits"`);
  }
}
