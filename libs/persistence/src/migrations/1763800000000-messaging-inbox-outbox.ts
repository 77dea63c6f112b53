import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The inbox (processed event ids per consumer) and the outbox (events to publish), shared by every service. */
export class MessagingInboxOutbox1763800000000 implements MigrationInterface {
  name = 'MessagingInboxOutbox1763800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE messaging_inbox (
        consumer    text        NOT NULL,
        event_id    uuid        NOT NULL,
        topic       text        NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (consumer, event_id)
      )`);
    await q.query(`CREATE INDEX messaging_inbox_received_at ON messaging_inbox (received_at)`);
    await q.query(`
      CREATE TABLE messaging_outbox (
        id          bigserial   PRIMARY KEY,
        topic       text        NOT NULL,
        message_key text        NOT NULL,
        event_id    uuid        NOT NULL UNIQUE,
        event_type  text        NOT NULL,
        headers     jsonb       NOT NULL,
        payload     jsonb       NOT NULL,
        occurred_at timestamptz NOT NULL,
        created_at  timestamptz NOT NULL DEFAULT now(),
        sent_at     timestamptz
      )`);
    await q.query(`CREATE INDEX messaging_outbox_unsent ON messaging_outbox (id) WHERE sent_at IS NULL`);
    await q.query(
      `CREATE INDEX messaging_outbox_sent_at ON messaging_outbox (sent_at) WHERE sent_at IS NOT NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE messaging_outbox`);
    await q.query(`DROP TABLE messaging_inbox`);
  }
}
