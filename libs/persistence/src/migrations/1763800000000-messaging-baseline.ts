import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The inbox and the outbox of libs/messaging, shared by every service (listed before its own
 * migrations).
 *
 * Baseline: replaces the pre-release migrations, nothing was released. A database that ran them
 * (messaging_outbox, or typeorm_migrations naming MessagingInboxOutbox1763800000000) is dropped
 * and migrated again.
 *
 * - messaging_inbox: the event ids each consumer applied. The retention purge's index on
 *   received_at is BRIN: rows arrive in time order, and a B-tree would take an entry per event.
 * - messaging_outbox_batches: one row per transaction, published in id order and deleted once the
 *   broker acknowledged it. `records` lists the events (JSON, libs/messaging's OutboxRecord) and
 *   `encoded_values` holds their Avro values back to back. Both are stored out of line without
 *   compression (EXTERNAL): Avro and short JSON barely compress, and pglz would cost every insert
 *   CPU for nothing.
 */
export class MessagingBaseline1763800000000 implements MigrationInterface {
  name = 'MessagingBaseline1763800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE messaging_inbox (
        consumer    text        NOT NULL,
        event_id    uuid        NOT NULL,
        topic       text        NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (consumer, event_id)
      )`);
    await q.query(`CREATE INDEX messaging_inbox_received_at ON messaging_inbox USING brin (received_at)`);
    await q.query(`
      CREATE TABLE messaging_outbox_batches (
        id             bigint  GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        record_count   integer NOT NULL CHECK (record_count > 0),
        topics         text[]  NOT NULL,
        records        text    NOT NULL,
        encoded_values bytea   NOT NULL
      )`);
    await q.query(
      `ALTER TABLE messaging_outbox_batches ALTER COLUMN records SET STORAGE EXTERNAL, ALTER COLUMN encoded_values SET STORAGE EXTERNAL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE messaging_outbox_batches`);
    await q.query(`DROP TABLE messaging_inbox`);
  }
}
