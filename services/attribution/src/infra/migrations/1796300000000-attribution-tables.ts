import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Attribution's facts (leads without personal data, touches, opportunities, costs, erasures), its
 * conversions, the latest credit version per conversion and model with one line per touch, and the
 * versioned settings documents. Times are epoch milliseconds (event time), money minor units.
 */
export class AttributionTables1796300000000 implements MigrationInterface {
  name = 'AttributionTables1796300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE attribution_settings (
        version         integer PRIMARY KEY,
        document        jsonb   NOT NULL,
        published_at_ms bigint  NOT NULL,
        source          text    NOT NULL CHECK (source IN ('bundled', 'api'))
      )`);
    await q.query(`
      CREATE TABLE attribution_leads (
        lead_id       text PRIMARY KEY,
        account_id    text,
        created_at_ms bigint,
        profile_at_ms bigint
      )`);
    await q.query(
      `CREATE INDEX attribution_leads_account ON attribution_leads (account_id) WHERE account_id IS NOT NULL`,
    );
    await q.query(`
      CREATE TABLE attribution_touches (
        touch_id    text   PRIMARY KEY,
        lead_id     text   NOT NULL,
        at_ms       bigint NOT NULL,
        channel     text   NOT NULL,
        campaign_id text,
        kind        text   NOT NULL CHECK (kind IN ('touchpoint', 'sales_activity'))
      )`);
    await q.query(`CREATE INDEX attribution_touches_lead_at ON attribution_touches (lead_id, at_ms)`);
    await q.query(`CREATE INDEX attribution_touches_at ON attribution_touches (at_ms)`);
    await q.query(`
      CREATE TABLE attribution_opportunities (
        opportunity_id text   PRIMARY KEY,
        account_id     text,
        lead_ids       text[] NOT NULL,
        created_at_ms  bigint NOT NULL,
        won_at_ms      bigint,
        status         text   NOT NULL,
        amount_minor   bigint,
        currency       text,
        state_at_ms    bigint NOT NULL
      )`);
    await q.query(
      `CREATE INDEX attribution_opportunities_leads ON attribution_opportunities USING gin (lead_ids)`,
    );
    await q.query(`
      CREATE TABLE attribution_conversions (
        conversion_id  text   PRIMARY KEY,
        kind           text   NOT NULL CHECK (kind IN ('mql', 'sql', 'opportunity', 'won')),
        at_ms          bigint NOT NULL,
        lead_id        text,
        opportunity_id text,
        account_id     text,
        revenue_minor  bigint,
        currency       text
      )`);
    await q.query(
      `CREATE INDEX attribution_conversions_lead ON attribution_conversions (lead_id, at_ms) WHERE lead_id IS NOT NULL`,
    );
    await q.query(
      `CREATE INDEX attribution_conversions_account ON attribution_conversions (account_id, at_ms) WHERE account_id IS NOT NULL`,
    );
    await q.query(
      `CREATE INDEX attribution_conversions_opportunity ON attribution_conversions (opportunity_id) WHERE opportunity_id IS NOT NULL`,
    );
    await q.query(`CREATE INDEX attribution_conversions_kind_at ON attribution_conversions (kind, at_ms)`);
    await q.query(`
      CREATE TABLE attribution_credits (
        conversion_id    text    NOT NULL,
        model_id         text    NOT NULL,
        family           text    NOT NULL,
        credit_id        text    NOT NULL UNIQUE,
        version          integer NOT NULL,
        supersedes       text,
        fingerprint      text    NOT NULL,
        scope            text    NOT NULL,
        conversion_kind  text    NOT NULL,
        converted_at_ms  bigint  NOT NULL,
        currency         text,
        revenue_minor    bigint,
        settings_version integer NOT NULL,
        anchors_used     jsonb   NOT NULL,
        touch_count      integer NOT NULL,
        PRIMARY KEY (conversion_id, model_id)
      )`);
    await q.query(`
      CREATE TABLE attribution_credit_lines (
        conversion_id   text             NOT NULL,
        model_id        text             NOT NULL,
        position        integer          NOT NULL,
        touch_id        text             NOT NULL,
        channel         text             NOT NULL,
        campaign_id     text,
        kind            text             NOT NULL,
        touched_at_ms   bigint           NOT NULL,
        weight          double precision NOT NULL,
        amount_minor    bigint,
        weight_low      double precision,
        weight_high     double precision,
        anchors         text[]           NOT NULL,
        conversion_kind text             NOT NULL,
        converted_at_ms bigint           NOT NULL,
        currency        text,
        PRIMARY KEY (conversion_id, model_id, position)
      )`);
    await q.query(
      `CREATE INDEX attribution_credit_lines_period ON attribution_credit_lines (model_id, converted_at_ms)`,
    );
    await q.query(`
      CREATE TABLE attribution_costs (
        cost_id        text    PRIMARY KEY,
        campaign_id    text    NOT NULL,
        campaign_name  text,
        channel        text    NOT NULL,
        period_start   integer NOT NULL,
        period_end     integer NOT NULL,
        amount_minor   bigint  NOT NULL,
        currency       text    NOT NULL,
        recorded_at_ms bigint  NOT NULL
      )`);
    await q.query(`CREATE INDEX attribution_costs_period ON attribution_costs (period_start, period_end)`);
    await q.query(`
      CREATE TABLE attribution_erasures (
        lead_id      text   PRIMARY KEY,
        erasure_id   text   NOT NULL,
        erased_at_ms bigint NOT NULL
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of [
      'attribution_erasures',
      'attribution_costs',
      'attribution_credit_lines',
      'attribution_credits',
      'attribution_conversions',
      'attribution_opportunities',
      'attribution_touches',
      'attribution_leads',
      'attribution_settings',
    ])
      await q.query(`DROP TABLE ${t}`);
  }
}
