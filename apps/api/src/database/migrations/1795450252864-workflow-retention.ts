import { MigrationInterface, QueryRunner } from 'typeorm';

export class WorkflowRetention1795450252864 implements MigrationInterface {
  name = 'WorkflowRetention1795450252864';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "workflows"
            ADD "retention_days" integer
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "workflows" DROP COLUMN "retention_days"
        `);
  }
}
