import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The relay now deletes rows once published instead of marking them sent: purge the rows already
 * marked, and drop the partial indexes on sent_at, which every insert and publish had to maintain.
 * Values are now stored Avro-encoded in `value` (payload stays for rows written before).
 * The inbox's received_at index (retention purge) becomes BRIN: rows arrive in time order, and
 * every consumed event inserted into a B-tree for it.
 * The column stays so that a relay of the previous version, during a rolling upgrade, still works
 * (the new relay skips rows it marked).
 */
export class OutboxLeanRows1766400000000 implements MigrationInterface {
  name = 'OutboxLeanRows1766400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM messaging_outbox WHERE sent_at IS NOT NULL`);
    await q.query(`DROP INDEX IF EXISTS messaging_outbox_unsent`);
    await q.query(`DROP INDEX IF EXISTS messaging_outbox_sent_at`);
    await q.query(`ALTER TABLE messaging_outbox ADD COLUMN value bytea, ALTER COLUMN payload DROP NOT NULL`);
    await q.query(
      `ALTER TABLE messaging_outbox ADD CONSTRAINT messaging_outbox_value_or_payload CHECK (value IS NOT NULL OR payload IS NOT NULL)`,
    );
    await q.query(`DROP INDEX messaging_inbox_received_at`);
    await q.query(`CREATE INDEX messaging_inbox_received_at ON messaging_inbox USING brin (received_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX messaging_inbox_received_at`);
    await q.query(`CREATE INDEX messaging_inbox_received_at ON messaging_inbox (received_at)`);
    await q.query(`ALTER TABLE messaging_outbox DROP CONSTRAINT messaging_outbox_value_or_payload`);
    await q.query(`DELETE FROM messaging_outbox WHERE payload IS NULL`); // not publishable by the old relay
    await q.query(`ALTER TABLE messaging_outbox DROP COLUMN value, ALTER COLUMN payload SET NOT NULL`);
    await q.query(`CREATE INDEX messaging_outbox_unsent ON messaging_outbox (id) WHERE sent_at IS NULL`);
    await q.query(
      `CREATE INDEX messaging_outbox_sent_at ON messaging_outbox (sent_at) WHERE sent_at IS NOT NULL`,
    );
  }
}
