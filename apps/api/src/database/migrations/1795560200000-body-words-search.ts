import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 19: history search by a plain value (an e-mail, an order id) anywhere in a request body, on
 * the words of its text and number values. The expression must stay identical to the one the runs
 * service queries (`BODY_WORDS_SQL`), or the index is not used.
 */
export class BodyWordsSearch1795560200000 implements MigrationInterface {
  name = 'BodyWordsSearch1795560200000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE INDEX "idx_inbound_requests_body_words" ON "inbound_requests"
            USING gin (jsonb_to_tsvector('simple'::regconfig, "body_json", '["string", "numeric"]'::jsonb))
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            DROP INDEX "public"."idx_inbound_requests_body_words"
        `);
  }
}
