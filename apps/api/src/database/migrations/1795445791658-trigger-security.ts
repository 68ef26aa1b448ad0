import { MigrationInterface, QueryRunner } from 'typeorm';

export class TriggerSecurity1795445791658 implements MigrationInterface {
  name = 'TriggerSecurity1795445791658';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "trigger_dedupe_keys" (
                "workflow_id" uuid NOT NULL,
                "key" text NOT NULL,
                "run_id" uuid NOT NULL,
                "request_id" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                CONSTRAINT "PK_1cc7179d618508621b295b80828" PRIMARY KEY ("workflow_id", "key")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_trigger_dedupe_keys_expires" ON "trigger_dedupe_keys" ("expires_at")
        `);
    await queryRunner.query(`
            CREATE TABLE "trigger_secrets" (
                "workflow_id" uuid NOT NULL,
                "workspace_id" uuid NOT NULL,
                "ciphertext" bytea NOT NULL,
                "hints" jsonb NOT NULL,
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_e022684c70e5db1afc96cc2dd99" PRIMARY KEY ("workflow_id")
            )
        `);
    await queryRunner.query(`
            ALTER TABLE "trigger_dedupe_keys"
            ADD CONSTRAINT "FK_07cb71d3014612a88b937039053" FOREIGN KEY ("workflow_id") REFERENCES "workflows"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "trigger_secrets"
            ADD CONSTRAINT "FK_e022684c70e5db1afc96cc2dd99" FOREIGN KEY ("workflow_id") REFERENCES "workflows"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "trigger_secrets" DROP CONSTRAINT "FK_e022684c70e5db1afc96cc2dd99"
        `);
    await queryRunner.query(`
            ALTER TABLE "trigger_dedupe_keys" DROP CONSTRAINT "FK_07cb71d3014612a88b937039053"
        `);
    await queryRunner.query(`
            DROP TABLE "trigger_secrets"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."idx_trigger_dedupe_keys_expires"
        `);
    await queryRunner.query(`
            DROP TABLE "trigger_dedupe_keys"
        `);
  }
}
