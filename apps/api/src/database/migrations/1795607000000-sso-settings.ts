import { MigrationInterface, QueryRunner } from 'typeorm';

/** Single sign-on configured in Settings (issue 18): the OpenID Connect settings and the sealed client secret. */
export class SsoSettings1795607000000 implements MigrationInterface {
  name = 'SsoSettings1795607000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "instance_settings" ADD "sso" jsonb, ADD "sso_client_secret" bytea`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "instance_settings" DROP COLUMN "sso_client_secret", DROP COLUMN "sso"`);
  }
}
