import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * received_at only grows (rows are appended in time order), so a BRIN index serves a retention
 * purge at a fraction of a B-tree's cost: every accepted call inserted into both indexes before.
 */
export class IdempotencyBrin1766500000000 implements MigrationInterface {
  name = 'IdempotencyBrin1766500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX ingestion_idempotency_received_at`);
    await q.query(
      `CREATE INDEX ingestion_idempotency_received_at ON ingestion_idempotency USING brin (received_at)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX ingestion_idempotency_received_at`);
    await q.query(`CREATE INDEX ingestion_idempotency_received_at ON ingestion_idempotency (received_at)`);
  }
}
