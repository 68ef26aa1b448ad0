import { MigrationInterface, QueryRunner } from 'typeorm';

/** The sample each workflow is designed against (issue 14 item 5): one pinned copy per workflow, shared by every teammate and device. */
export class WorkflowSamples1795602000000 implements MigrationInterface {
  name = 'WorkflowSamples1795602000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "workflow_samples" ("workflow_id" uuid NOT NULL, "workspace_id" uuid NOT NULL, "source" text NOT NULL, "request_id" uuid, "trigger" jsonb NOT NULL, "pinned_by" text, "pinned_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_workflow_samples" PRIMARY KEY ("workflow_id"), CONSTRAINT "FK_workflow_samples_workflow" FOREIGN KEY ("workflow_id") REFERENCES "workflows"("id") ON DELETE CASCADE, CONSTRAINT "CHK_workflow_samples_source" CHECK ("source" IN ('request', 'template', 'manual')))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "workflow_samples"`);
  }
}
