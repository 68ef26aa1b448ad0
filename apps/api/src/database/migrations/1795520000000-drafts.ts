import { MigrationInterface, QueryRunner } from 'typeorm';

/** Drafts and published versions (issue 16): every workflow gets a draft identical to its published version. */
export class Drafts1795520000000 implements MigrationInterface {
  name = 'Drafts1795520000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "workflow_drafts" (
                "workflow_id" uuid NOT NULL,
                "workspace_id" uuid NOT NULL,
                "definition" jsonb NOT NULL,
                "revision" integer NOT NULL DEFAULT '1',
                "based_on_version_id" uuid,
                "updated_by" text,
                "last_test" jsonb,
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_89f273235b8ed28473ec55e098f" PRIMARY KEY ("workflow_id")
            )
        `);
    await queryRunner.query(`
            ALTER TABLE "workflow_versions"
            ADD "message" text
        `);
    await queryRunner.query(`
            ALTER TABLE "workflow_versions"
            ADD "published_by" text
        `);
    await queryRunner.query(`
            ALTER TABLE "workflow_drafts"
            ADD CONSTRAINT "FK_89f273235b8ed28473ec55e098f" FOREIGN KEY ("workflow_id") REFERENCES "workflows"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            INSERT INTO "workflow_drafts" ("workflow_id", "workspace_id", "definition", "revision", "based_on_version_id")
            SELECT w.id, w.workspace_id, v.definition, 1, v.id
              FROM "workflows" w JOIN "workflow_versions" v ON v.id = w.current_version_id
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "workflow_drafts" DROP CONSTRAINT "FK_89f273235b8ed28473ec55e098f"
        `);
    await queryRunner.query(`
            ALTER TABLE "workflow_versions" DROP COLUMN "published_by"
        `);
    await queryRunner.query(`
            ALTER TABLE "workflow_versions" DROP COLUMN "message"
        `);
    await queryRunner.query(`
            DROP TABLE "workflow_drafts"
        `);
  }
}
