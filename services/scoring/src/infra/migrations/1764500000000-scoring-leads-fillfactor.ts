import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Room on each scoring_leads page for the next version of its rows. Every batch rewrites the rows of
 * its leads; on a full page the new version goes to another page and every index of the table gets
 * an entry for it (the account index included, for every lead with an account). With room on the
 * page the update is HOT: no index is touched. Only pages written from now on keep the room.
 */
export class ScoringLeadsFillfactor1764500000000 implements MigrationInterface {
  name = 'ScoringLeadsFillfactor1764500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE scoring_leads SET (fillfactor = 70)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE scoring_leads RESET (fillfactor)`);
  }
}
