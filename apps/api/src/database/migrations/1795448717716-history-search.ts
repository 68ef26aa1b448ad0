import { MigrationInterface, QueryRunner } from 'typeorm';

export class HistorySearch1795448717716 implements MigrationInterface {
  name = 'HistorySearch1795448717716';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "inbound_requests"
            ADD "body_json" jsonb
        `);
    await queryRunner.query(`
            ALTER TABLE "runs"
            ADD "resume_at" TIMESTAMP WITH TIME ZONE
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_runs_waiting" ON "runs" ("resume_at")
            WHERE status = 'waiting'
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_runs_request" ON "runs" ("request_id")
        `);
    // Payload search (`q=body.customer.email = "a@b.c"`) is a containment query on this index.
    await queryRunner.query(`
            CREATE INDEX "idx_inbound_requests_body_json" ON "inbound_requests" USING gin ("body_json" jsonb_path_ops)
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            DROP INDEX "public"."idx_inbound_requests_body_json"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."idx_runs_request"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."idx_runs_waiting"
        `);
    await queryRunner.query(`
            ALTER TABLE "runs" DROP COLUMN "resume_at"
        `);
    await queryRunner.query(`
            ALTER TABLE "inbound_requests" DROP COLUMN "body_json"
        `);
  }
}
