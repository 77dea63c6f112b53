import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One outbox row per transaction instead of one per event: `records` lists the events (JSON:
 * topic, key, eventId, eventType, occurredAt, length, headers) and `encoded_values` holds their
 * Avro-encoded values back to back. PostgreSQL then inserts, indexes, WAL-logs and deletes one row
 * per transaction instead of hundreds (see libs/messaging's README for the figures).
 *
 * Ids come from messaging_outbox's sequence, so the relay publishes rows of both tables in one id
 * order: rows an older replica writes to messaging_outbox during a rolling upgrade keep their place.
 * Both big columns are stored out of line without compression (EXTERNAL): Avro and short JSON barely
 * compress, and pglz would cost every insert CPU for nothing.
 */
export class OutboxBatches1766700000000 implements MigrationInterface {
  name = 'OutboxBatches1766700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE messaging_outbox_batches (
        id             bigint      PRIMARY KEY DEFAULT nextval('messaging_outbox_id_seq'),
        record_count   integer     NOT NULL CHECK (record_count > 0),
        topics         text[]      NOT NULL,
        records        text        NOT NULL,
        encoded_values bytea       NOT NULL,
        created_at     timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`ALTER TABLE messaging_outbox_batches ALTER COLUMN records SET STORAGE EXTERNAL`);
    await q.query(`ALTER TABLE messaging_outbox_batches ALTER COLUMN encoded_values SET STORAGE EXTERNAL`);
  }

  async down(q: QueryRunner): Promise<void> {
    // Unpublished batches go back to one row per event, where the previous relay reads them.
    await q.query(`
      INSERT INTO messaging_outbox (id, topic, message_key, event_id, event_type, headers, value, occurred_at)
      SELECT nextval('messaging_outbox_id_seq'), s.* FROM (
        SELECT r.topic, r.key, r."eventId", r."eventType", COALESCE(r.headers, '{}'),
               substring(b.encoded_values FROM r."offset" + 1 FOR r.length),
               'epoch'::timestamptz + r."occurredAt" * interval '1 millisecond'
        FROM messaging_outbox_batches b,
             jsonb_to_recordset(b.records::jsonb) AS r(topic text, key text, "eventId" uuid, "eventType" text,
                                                       "occurredAt" bigint, "offset" int, length int, headers jsonb)
        ORDER BY b.id, r."offset") s
      ON CONFLICT (event_id) DO NOTHING`);
    await q.query(`DROP TABLE messaging_outbox_batches`);
  }
}
