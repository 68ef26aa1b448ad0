import { MigrationInterface, QueryRunner } from 'typeorm';

export class Credentials1795460000000 implements MigrationInterface {
  name = 'Credentials1795460000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "credentials" (
                "id" uuid NOT NULL,
                "workspace_id" uuid NOT NULL,
                "name" text NOT NULL,
                "type" text NOT NULL,
                "public_fields" jsonb NOT NULL,
                "ciphertext" bytea NOT NULL,
                "hints" jsonb NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_1e38bc43be6697cdda548ad27a6" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_credentials_workspace_name" ON "credentials" ("workspace_id", "name")
        `);
    await queryRunner.query(`
            ALTER TABLE "credentials"
            ADD CONSTRAINT "FK_651b3a0c59cff4a55823bdc159f" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "credentials" DROP CONSTRAINT "FK_651b3a0c59cff4a55823bdc159f"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_credentials_workspace_name"
        `);
    await queryRunner.query(`
            DROP TABLE "credentials"
        `);
  }
}
