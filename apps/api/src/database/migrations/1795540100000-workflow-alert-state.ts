import { MigrationInterface, QueryRunner } from 'typeorm';

/** Quiet-workflow and refused-spike alerts: one row per workflow and kind (issue 18). */
export class WorkflowAlertState1795540100000 implements MigrationInterface {
  name = 'WorkflowAlertState1795540100000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "workflow_alert_state" ("workflow_id" uuid NOT NULL, "kind" text NOT NULL, "active_since" TIMESTAMP WITH TIME ZONE, "last_sent_at" TIMESTAMP WITH TIME ZONE, "last_result" jsonb, CONSTRAINT "PK_workflow_alert_state" PRIMARY KEY ("workflow_id", "kind"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "workflow_alert_state" ADD CONSTRAINT "FK_9e2c6de57e27fa0008411459e09" FOREIGN KEY ("workflow_id") REFERENCES "workflows"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "workflow_alert_state"`);
  }
}
