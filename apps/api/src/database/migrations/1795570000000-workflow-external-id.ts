import { MigrationInterface, QueryRunner } from 'typeorm';

export class WorkflowExternalId1795570000000 implements MigrationInterface {
  name = 'WorkflowExternalId1795570000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "workflows"
            ADD "external_id" text
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_workflows_external_id" ON "workflows" ("workspace_id", "external_id")
            WHERE external_id IS NOT NULL
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            DROP INDEX "public"."uq_workflows_external_id"
        `);
    await queryRunner.query(`
            ALTER TABLE "workflows" DROP COLUMN "external_id"
        `);
  }
}
