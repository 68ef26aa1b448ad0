import { MigrationInterface, QueryRunner } from 'typeorm';

/** Settings kept in the database (issue 14): the instance's public base URL and each workspace's egress allow-list. */
export class Settings1795550000000 implements MigrationInterface {
  name = 'Settings1795550000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "instance_settings" ("id" smallint NOT NULL DEFAULT 1, "public_url" text, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_instance_settings" PRIMARY KEY ("id"), CONSTRAINT "CHK_instance_settings_one_row" CHECK ("id" = 1))`,
    );
    await queryRunner.query(
      `CREATE TABLE "workspace_settings" ("workspace_id" uuid NOT NULL, "egress_allow" jsonb NOT NULL DEFAULT '[]', "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_workspace_settings" PRIMARY KEY ("workspace_id"), CONSTRAINT "FK_workspace_settings_workspace" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE)`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "workspace_settings"`);
    await queryRunner.query(`DROP TABLE "instance_settings"`);
  }
}
