import { MigrationInterface, QueryRunner } from 'typeorm';
import { DEFAULT_WORKSPACE_ID } from '../entities/workspace.entity';

export class Initial1795443851893 implements MigrationInterface {
  name = 'Initial1795443851893';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "workspaces" (
                "id" uuid NOT NULL,
                "name" text NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_098656ae401f3e1a4586f47fd8e" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "workflows" (
                "id" uuid NOT NULL,
                "workspace_id" uuid NOT NULL,
                "name" text NOT NULL,
                "token" text NOT NULL,
                "active" boolean NOT NULL DEFAULT true,
                "version" integer NOT NULL DEFAULT '1',
                "current_version_id" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_5b5757cc1cd86268019fef52e0c" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_workflows_token" ON "workflows" ("token")
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_workflows_workspace" ON "workflows" ("workspace_id", "created_at")
        `);
    await queryRunner.query(`
            CREATE TABLE "inbound_requests" (
                "id" uuid NOT NULL,
                "workspace_id" uuid NOT NULL,
                "workflow_id" uuid NOT NULL,
                "method" text NOT NULL,
                "query" jsonb NOT NULL,
                "headers" jsonb NOT NULL,
                "content_type" text,
                "body" bytea,
                "size" integer NOT NULL,
                "received_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "verdict" text NOT NULL,
                "reason" text,
                "status_code" integer NOT NULL,
                CONSTRAINT "PK_0ec573cfea789219319eae88072" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_inbound_requests_workflow" ON "inbound_requests" ("workflow_id", "id")
        `);
    await queryRunner.query(`
            CREATE TABLE "workflow_versions" (
                "id" uuid NOT NULL,
                "workspace_id" uuid NOT NULL,
                "workflow_id" uuid NOT NULL,
                "version" integer NOT NULL,
                "schema_version" integer NOT NULL,
                "definition" jsonb NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_a84eb8dc6065f33ce4b1447955f" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_workflow_versions_number" ON "workflow_versions" ("workflow_id", "version")
        `);
    await queryRunner.query(`
            CREATE TABLE "runs" (
                "id" uuid NOT NULL,
                "workspace_id" uuid NOT NULL,
                "workflow_id" uuid NOT NULL,
                "version_id" uuid NOT NULL,
                "request_id" uuid NOT NULL,
                "status" text NOT NULL,
                "replay_of" uuid,
                "error" jsonb,
                "claims" integer NOT NULL DEFAULT '0',
                "worker_id" text,
                "lease_until" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "started_at" TIMESTAMP WITH TIME ZONE,
                "finished_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "PK_46d6a1e257c38ba58f1a3c30836" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_runs_pending" ON "runs" ("id")
            WHERE status IN ('queued', 'running')
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_runs_workflow_status" ON "runs" ("workflow_id", "status", "id")
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_runs_workflow" ON "runs" ("workflow_id", "id")
        `);
    await queryRunner.query(`
            CREATE TABLE "step_runs" (
                "id" uuid NOT NULL,
                "workspace_id" uuid NOT NULL,
                "run_id" uuid NOT NULL,
                "step_id" text NOT NULL,
                "step_type" text NOT NULL,
                "position" integer NOT NULL,
                "status" text NOT NULL,
                "input" jsonb,
                "output" jsonb,
                "error" jsonb,
                "attempts" integer NOT NULL,
                "started_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "finished_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "duration_ms" integer NOT NULL,
                CONSTRAINT "PK_5786a3a2b02a77b446ce02c4c09" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_step_runs_run_step" ON "step_runs" ("run_id", "step_id")
        `);
    await queryRunner.query(`
            ALTER TABLE "workflows"
            ADD CONSTRAINT "FK_cff7dceda71edc109874a34a965" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "inbound_requests"
            ADD CONSTRAINT "FK_303e1840395fa0497466d02d8ce" FOREIGN KEY ("workflow_id") REFERENCES "workflows"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "workflow_versions"
            ADD CONSTRAINT "FK_535cc897570fe88cb9733411ecc" FOREIGN KEY ("workflow_id") REFERENCES "workflows"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "runs"
            ADD CONSTRAINT "FK_eb87ec7998d1c9fbe0d0a2b84ed" FOREIGN KEY ("workflow_id") REFERENCES "workflows"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "runs"
            ADD CONSTRAINT "FK_c33a0b2700515377c4e9dd8ac59" FOREIGN KEY ("version_id") REFERENCES "workflow_versions"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "runs"
            ADD CONSTRAINT "FK_42d7f79b27aaecbb5f46f7d5621" FOREIGN KEY ("request_id") REFERENCES "inbound_requests"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "step_runs"
            ADD CONSTRAINT "FK_2d7688ae3e7bc87403191972cdf" FOREIGN KEY ("run_id") REFERENCES "runs"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`INSERT INTO "workspaces" ("id", "name") VALUES ($1, 'Default workspace')`, [DEFAULT_WORKSPACE_ID]);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "step_runs" DROP CONSTRAINT "FK_2d7688ae3e7bc87403191972cdf"
        `);
    await queryRunner.query(`
            ALTER TABLE "runs" DROP CONSTRAINT "FK_42d7f79b27aaecbb5f46f7d5621"
        `);
    await queryRunner.query(`
            ALTER TABLE "runs" DROP CONSTRAINT "FK_c33a0b2700515377c4e9dd8ac59"
        `);
    await queryRunner.query(`
            ALTER TABLE "runs" DROP CONSTRAINT "FK_eb87ec7998d1c9fbe0d0a2b84ed"
        `);
    await queryRunner.query(`
            ALTER TABLE "workflow_versions" DROP CONSTRAINT "FK_535cc897570fe88cb9733411ecc"
        `);
    await queryRunner.query(`
            ALTER TABLE "inbound_requests" DROP CONSTRAINT "FK_303e1840395fa0497466d02d8ce"
        `);
    await queryRunner.query(`
            ALTER TABLE "workflows" DROP CONSTRAINT "FK_cff7dceda71edc109874a34a965"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_step_runs_run_step"
        `);
    await queryRunner.query(`
            DROP TABLE "step_runs"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."idx_runs_workflow"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."idx_runs_workflow_status"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."idx_runs_pending"
        `);
    await queryRunner.query(`
            DROP TABLE "runs"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_workflow_versions_number"
        `);
    await queryRunner.query(`
            DROP TABLE "workflow_versions"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."idx_inbound_requests_workflow"
        `);
    await queryRunner.query(`
            DROP TABLE "inbound_requests"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."idx_workflows_workspace"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_workflows_token"
        `);
    await queryRunner.query(`
            DROP TABLE "workflows"
        `);
    await queryRunner.query(`
            DROP TABLE "workspaces"
        `);
  }
}
