import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Leads, identities, accounts, idempotency keys, opportunities seen, API keys and the erasure audit. */
export class IngestionTables1764300000000 implements MigrationInterface {
  name = 'IngestionTables1764300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE ingestion_leads (
        lead_id              uuid        PRIMARY KEY,
        email                text,
        anonymous_ids        text[]      NOT NULL DEFAULT '{}',
        first_name           text,
        last_name            text,
        title                text,
        seniority            text        NOT NULL DEFAULT 'unknown',
        company              text,
        account_id           uuid,
        account_domain       text,
        account_matched_by   text,
        account_match_reason text,
        employee_count       integer,
        industry             text,
        country              text,
        region               text        NOT NULL DEFAULT 'unknown',
        is_free_mail         boolean     NOT NULL DEFAULT false,
        is_student           boolean,
        extra_traits         text,
        source               text        NOT NULL,
        occurred_at          bigint      NOT NULL,
        merged_into          uuid,
        erased_at            timestamptz,
        created_at           timestamptz NOT NULL DEFAULT now(),
        updated_at           timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE INDEX ingestion_leads_merged_into ON ingestion_leads (merged_into) WHERE merged_into IS NOT NULL`,
    );
    await q.query(
      `CREATE INDEX ingestion_leads_account ON ingestion_leads (account_id) WHERE account_id IS NOT NULL`,
    );
    await q.query(`
      CREATE TABLE ingestion_identities (
        kind        text        NOT NULL CHECK (kind IN ('anonymous', 'user')),
        external_id text        NOT NULL,
        lead_id     uuid        NOT NULL,
        linked_at   timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (kind, external_id)
      )`);
    await q.query(`CREATE INDEX ingestion_identities_lead ON ingestion_identities (lead_id)`);
    await q.query(`
      CREATE TABLE ingestion_accounts (
        account_id uuid        PRIMARY KEY,
        domain     text        NOT NULL UNIQUE,
        name       text,
        group_ids  text[]      NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE ingestion_idempotency (
        source      text        NOT NULL,
        key         text        NOT NULL,
        event_id    uuid        NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (source, key)
      )`);
    await q.query(`CREATE INDEX ingestion_idempotency_received_at ON ingestion_idempotency (received_at)`);
    await q.query(
      `CREATE TABLE ingestion_opportunities (opportunity_id text PRIMARY KEY, first_seen_at timestamptz NOT NULL DEFAULT now())`,
    );
    await q.query(`
      CREATE TABLE ingestion_api_keys (
        key_id                text        PRIMARY KEY,
        kind                  text        NOT NULL CHECK (kind IN ('write', 'api')),
        name                  text        NOT NULL,
        source                text        NOT NULL,
        scopes                text[]      NOT NULL,
        secret_hash           bytea       NOT NULL,
        signing_secret        text,
        rate_limit_per_window integer,
        created_at            timestamptz NOT NULL,
        rotated_at            timestamptz,
        revoked_at            timestamptz
      )`);
    await q.query(`
      CREATE TABLE ingestion_erasures (
        erasure_id   uuid        PRIMARY KEY,
        lead_id      uuid        NOT NULL,
        requested_by text        NOT NULL,
        requested_at timestamptz NOT NULL,
        rows_erased  integer     NOT NULL
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'ingestion_erasures',
      'ingestion_api_keys',
      'ingestion_opportunities',
      'ingestion_idempotency',
      'ingestion_accounts',
      'ingestion_identities',
      'ingestion_leads',
    ]) {
      await q.query(`DROP TABLE ${table}`);
    }
  }
}
