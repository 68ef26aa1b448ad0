import { MigrationInterface, QueryRunner } from 'typeorm';

export class WorkflowConcurrency1795470000000 implements MigrationInterface {
  name = 'WorkflowConcurrency1795470000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "workflows"
            ADD "concurrency" integer
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "workflows" DROP COLUMN "concurrency"
        `);
  }
}
