import { MigrationInterface, QueryRunner } from 'typeorm';

/** Rehearsals of a draft on recent requests (issue 16): progress and per-request comparisons. */
export class Rehearsals1795520100000 implements MigrationInterface {
  name = 'Rehearsals1795520100000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "rehearsals" (
                "id" uuid NOT NULL,
                "workspace_id" uuid NOT NULL,
                "workflow_id" uuid NOT NULL,
                "status" text NOT NULL,
                "total" integer NOT NULL,
                "completed" integer NOT NULL DEFAULT '0',
                "published_version" integer NOT NULL,
                "draft_revision" integer NOT NULL,
                "items" jsonb NOT NULL DEFAULT '[]',
                "error" text,
                "started_by" text,
                "started_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "finished_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "PK_53ab7a14d8c32bb7d3c902e0d0b" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_rehearsals_workflow" ON "rehearsals" ("workflow_id", "id")
        `);
    await queryRunner.query(`
            ALTER TABLE "rehearsals"
            ADD CONSTRAINT "FK_848eb4a6a88fab78cda784f4d52" FOREIGN KEY ("workflow_id") REFERENCES "workflows"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "rehearsals" DROP CONSTRAINT "FK_848eb4a6a88fab78cda784f4d52"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."idx_rehearsals_workflow"
        `);
    await queryRunner.query(`
            DROP TABLE "rehearsals"
        `);
  }
}
