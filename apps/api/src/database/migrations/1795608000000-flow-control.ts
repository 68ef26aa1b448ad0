import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Flow control by key (ADR 0024): events held by a debounce or batch rule wait in `flow_pending`,
 * one row per held request, and their key's bucket in `flow_buckets` carries when it is due; a
 * throttle rule keeps the start times it handed out per key in `flow_throttle`.
 */
export class FlowControl1795608000000 implements MigrationInterface {
  name = 'FlowControl1795608000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // The run that handled a debounced or batched request (its own run is found by runs.request_id).
    await queryRunner.query(`ALTER TABLE "inbound_requests" ADD "handled_by_run_id" uuid`);
    await queryRunner.query(`
            CREATE TABLE "flow_buckets" (
                "workflow_id" uuid NOT NULL REFERENCES "workflows"("id") ON DELETE CASCADE,
                "flow_key" text NOT NULL,
                "mode" text NOT NULL,
                "due_at" timestamptz NOT NULL,
                "size" integer NOT NULL DEFAULT 0,
                "max_size" integer NOT NULL DEFAULT 0,
                "wait_seconds" integer NOT NULL DEFAULT 0,
                PRIMARY KEY ("workflow_id", "flow_key")
            )
        `);
    await queryRunner.query(`CREATE INDEX "idx_flow_buckets_due" ON "flow_buckets" ("due_at")`);
    await queryRunner.query(`
            CREATE TABLE "flow_pending" (
                "request_id" uuid PRIMARY KEY REFERENCES "inbound_requests"("id") ON DELETE CASCADE,
                "seq" bigserial NOT NULL,
                "workflow_id" uuid NOT NULL REFERENCES "workflows"("id") ON DELETE CASCADE,
                "workspace_id" uuid NOT NULL,
                "version_id" uuid NOT NULL,
                "flow_key" text NOT NULL,
                "event" jsonb NOT NULL,
                "received_at" timestamptz NOT NULL
            )
        `);
    await queryRunner.query(`CREATE INDEX "idx_flow_pending_key" ON "flow_pending" ("workflow_id", "flow_key", "seq")`);
    await queryRunner.query(`
            CREATE TABLE "flow_throttle" (
                "workflow_id" uuid NOT NULL REFERENCES "workflows"("id") ON DELETE CASCADE,
                "flow_key" text NOT NULL,
                "starts" timestamptz[] NOT NULL DEFAULT '{}',
                PRIMARY KEY ("workflow_id", "flow_key")
            )
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "flow_throttle"`);
    await queryRunner.query(`DROP TABLE "flow_pending"`);
    await queryRunner.query(`DROP TABLE "flow_buckets"`);
    await queryRunner.query(`ALTER TABLE "inbound_requests" DROP COLUMN "handled_by_run_id"`);
  }
}
