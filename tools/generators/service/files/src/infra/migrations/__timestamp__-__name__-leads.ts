import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The leads this service has seen, with the earliest event time it saw each at. */
export class __Name__Leads__timestamp__ implements MigrationInterface {
  name = '__Name__Leads__timestamp__';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE __name_snake___leads (
        lead_id       text        PRIMARY KEY,
        first_seen_at timestamptz NOT NULL
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE __name_snake___leads`);
  }
}
