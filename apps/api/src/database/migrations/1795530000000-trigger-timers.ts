import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Durable next-fire times of schedule and poll triggers (one row per active workflow with such a
 * trigger, claimed under a row lock or a lease so one process fires), and the item keys polls have seen.
 */
export class TriggerTimers1795530000000 implements MigrationInterface {
  name = 'TriggerTimers1795530000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "trigger_timers" (
                "workflow_id" uuid NOT NULL,
                "workspace_id" uuid NOT NULL,
                "version_id" uuid NOT NULL,
                "kind" text NOT NULL,
                "next_fire_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "last_fired_at" TIMESTAMP WITH TIME ZONE,
                "lease_until" TIMESTAMP WITH TIME ZONE,
                "leased_by" text,
                "seeded" boolean NOT NULL DEFAULT false,
                "last_error" text,
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_trigger_timers" PRIMARY KEY ("workflow_id"),
                CONSTRAINT "FK_trigger_timers_workflow" FOREIGN KEY ("workflow_id") REFERENCES "workflows"("id") ON DELETE CASCADE
            )
        `);
    await queryRunner.query(`CREATE INDEX "idx_trigger_timers_due" ON "trigger_timers" ("next_fire_at")`);
    await queryRunner.query(`
            CREATE TABLE "poll_seen_keys" (
                "workflow_id" uuid NOT NULL,
                "key" text NOT NULL,
                "first_seen_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_poll_seen_keys" PRIMARY KEY ("workflow_id", "key"),
                CONSTRAINT "FK_poll_seen_keys_workflow" FOREIGN KEY ("workflow_id") REFERENCES "workflows"("id") ON DELETE CASCADE
            )
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "poll_seen_keys"`);
    await queryRunner.query(`DROP TABLE "trigger_timers"`);
  }
}
