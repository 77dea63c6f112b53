import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Accounts waiting to be rolled up. A lead batch only appends the accounts it touched (no account row
 * is locked on the hot path, so partitions whose leads share an account never wait on each other);
 * the roll-up worker claims them with SKIP LOCKED and re-scores each account once per round.
 */
export class ScoringAccountQueue1764400000000 implements MigrationInterface {
  name = 'ScoringAccountQueue1764400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE scoring_account_queue (
        id          bigserial PRIMARY KEY,
        account_id  text   NOT NULL,
        at_ms       bigint NOT NULL,
        cause       text   NOT NULL
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE scoring_account_queue`);
  }
}
