import { MigrationInterface, QueryRunner } from 'typeorm';

/** Single sign-on: users created by OpenID Connect have no password, and are found again by issuer + subject. */
export class OidcUsers1795580000000 implements MigrationInterface {
  name = 'OidcUsers1795580000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "users" ALTER COLUMN "password_hash" DROP NOT NULL`);
    await queryRunner.query(`ALTER TABLE "users" ADD "oidc_issuer" text, ADD "oidc_subject" text`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_users_oidc_subject" ON "users" ("oidc_issuer", "oidc_subject") WHERE oidc_subject IS NOT NULL`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."uq_users_oidc_subject"`);
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "oidc_subject", DROP COLUMN "oidc_issuer"`);
    await queryRunner.query(`UPDATE "users" SET "password_hash" = '!' WHERE "password_hash" IS NULL`);
    await queryRunner.query(`ALTER TABLE "users" ALTER COLUMN "password_hash" SET NOT NULL`);
  }
}
