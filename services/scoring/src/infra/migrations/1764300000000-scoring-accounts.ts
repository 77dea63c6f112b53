import type { MigrationInterface, QueryRunner } from 'typeorm';

/** ICP versions, accounts (firmographics, buying-group contributions, score) and each lead's account. */
export class ScoringAccounts1764300000000 implements MigrationInterface {
  name = 'ScoringAccounts1764300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE scoring_icps (
        icp_id       text        NOT NULL,
        version      int         NOT NULL CHECK (version >= 1),
        name         text        NOT NULL,
        document     jsonb       NOT NULL,
        is_current   boolean     NOT NULL DEFAULT false,
        source       text        NOT NULL CHECK (source IN ('bundled', 'api')),
        published_by text,
        published_at timestamptz NOT NULL,
        PRIMARY KEY (icp_id, version)
      )`);
    await q.query(`CREATE UNIQUE INDEX scoring_icps_one_current ON scoring_icps ((true)) WHERE is_current`);
    // Rewritten by every batch that changes one of its leads' contributions: half-full pages keep room
    // for the new row version on the same page (a HOT update, no index entries) while tier and band stay.
    // The documents are json, not jsonb: only the service reads them, whole, and never queries inside
    // them, so PostgreSQL stores and returns the text as written instead of converting it both ways.
    await q.query(`
      CREATE TABLE scoring_accounts (
        account_id        text    PRIMARY KEY,
        first_seen_at_ms  bigint  NOT NULL,
        profile           json    NOT NULL DEFAULT '{"properties": {}}',
        profile_at_ms     bigint,
        members           json    NOT NULL DEFAULT '{}',
        score             json,
        icp_id            text,
        icp_version       int,
        total             numeric(10, 2),
        tier              text,
        band              text,
        last_event_at_ms  bigint  NOT NULL
      ) WITH (fillfactor = 50)`);
    await q.query(`CREATE INDEX scoring_accounts_tier_band ON scoring_accounts (tier, band, account_id)`);
    await q.query(`ALTER TABLE scoring_leads ADD COLUMN account jsonb, ADD COLUMN account_id text`);
    await q.query(
      `CREATE INDEX scoring_leads_account_id ON scoring_leads (account_id) WHERE account_id IS NOT NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX scoring_leads_account_id`);
    await q.query(`ALTER TABLE scoring_leads DROP COLUMN account_id, DROP COLUMN account`);
    await q.query(`DROP TABLE scoring_accounts`);
    await q.query(`DROP TABLE scoring_icps`);
  }
}
