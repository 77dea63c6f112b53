import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The accounts' ICP tier and band from scoring.account-scored.v1, the newest by event time. */
export class RoutingAccountScores1796346807443 implements MigrationInterface {
  name = 'RoutingAccountScores1796346807443';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE routing_account_scores (
        account_id  text        PRIMARY KEY,
        tier        text        NOT NULL,
        band        text        NOT NULL,
        occurred_at timestamptz NOT NULL
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE routing_account_scores`);
  }
}
