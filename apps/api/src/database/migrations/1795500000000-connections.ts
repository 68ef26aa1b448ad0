import { MigrationInterface, QueryRunner } from 'typeorm';

/** App connections (issue 13): a pasted key or an OAuth 2 sign-in, sealed with the master key. */
export class Connections1795500000000 implements MigrationInterface {
  name = 'Connections1795500000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "connections" (
        "id" uuid NOT NULL PRIMARY KEY,
        "workspace_id" uuid NOT NULL REFERENCES "workspaces"("id") ON DELETE CASCADE,
        "name" text NOT NULL,
        "app" text NOT NULL,
        "auth_kind" text NOT NULL,
        "status" text NOT NULL,
        "error" text,
        "account" text,
        "scopes" text[] NOT NULL DEFAULT '{}',
        "public_fields" jsonb NOT NULL,
        "hints" jsonb NOT NULL,
        "ciphertext" bytea NOT NULL,
        "expires_at" TIMESTAMP WITH TIME ZONE,
        "last_used_at" TIMESTAMP WITH TIME ZONE,
        "oauth_state" text,
        "oauth_started_at" TIMESTAMP WITH TIME ZONE,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()
      )
    `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_connections_workspace_name" ON "connections" ("workspace_id", "name")`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_connections_oauth_state" ON "connections" ("oauth_state") WHERE "oauth_state" IS NOT NULL`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "connections"`);
  }
}
