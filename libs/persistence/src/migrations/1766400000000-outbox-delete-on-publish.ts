import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The relay now deletes rows once published instead of marking them sent: purge the rows already
 * marked, and drop the partial indexes on sent_at, which every insert and publish had to maintain.
 * The column stays so that a relay of the previous version, during a rolling upgrade, still works
 * (the new relay skips rows it marked).
 */
export class OutboxDeleteOnPublish1766400000000 implements MigrationInterface {
  name = 'OutboxDeleteOnPublish1766400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM messaging_outbox WHERE sent_at IS NOT NULL`);
    await q.query(`DROP INDEX IF EXISTS messaging_outbox_unsent`);
    await q.query(`DROP INDEX IF EXISTS messaging_outbox_sent_at`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX messaging_outbox_unsent ON messaging_outbox (id) WHERE sent_at IS NULL`);
    await q.query(
      `CREATE INDEX messaging_outbox_sent_at ON messaging_outbox (sent_at) WHERE sent_at IS NOT NULL`,
    );
  }
}
