import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The read models: keyed records per entity (state as jsonb: read and written whole, by key),
 * the daily (and monthly) roll-up the dashboard sums, and the small tables of the review.
 */
export class ReportingReadModels1796313589981 implements MigrationInterface {
  name = 'ReportingReadModels1796313589981';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE reporting_leads (
        lead_id    text        PRIMARY KEY,
        account_id text,
        mql_at     timestamptz,
        record     jsonb       NOT NULL
      )`);
    // Tier 1 coverage: one probe per Tier 1 account.
    await q.query(
      `CREATE INDEX reporting_leads_account_mql ON reporting_leads (account_id, mql_at) WHERE account_id IS NOT NULL`,
    );
    await q.query(`
      CREATE TABLE reporting_opportunities (
        opportunity_id text        PRIMARY KEY,
        account_id     text,
        created_at     timestamptz,
        record         jsonb       NOT NULL
      )`);
    await q.query(
      `CREATE INDEX reporting_opportunities_account_created ON reporting_opportunities (account_id, created_at) WHERE account_id IS NOT NULL`,
    );
    await q.query(`CREATE TABLE reporting_costs (cost_id text PRIMARY KEY, record jsonb NOT NULL)`);
    await q.query(`CREATE TABLE reporting_credits (conversion_id text PRIMARY KEY, record jsonb NOT NULL)`);
    await q.query(`
      CREATE TABLE reporting_sla (
        sla_key text        PRIMARY KEY,
        status  text        NOT NULL,
        due_at  timestamptz NOT NULL,
        record  jsonb       NOT NULL
      )`);
    await q.query(`CREATE INDEX reporting_sla_breaches ON reporting_sla (due_at) WHERE status = 'breached'`);
    await q.query(`
      CREATE TABLE reporting_volume (
        volume_key   text        PRIMARY KEY,
        period_start timestamptz NOT NULL,
        record       jsonb       NOT NULL
      )`);
    await q.query(`CREATE INDEX reporting_volume_period ON reporting_volume (period_start)`);
    await q.query(`
      CREATE TABLE reporting_accounts (
        account_id text PRIMARY KEY,
        tier       text NOT NULL,
        band       text NOT NULL,
        record     jsonb NOT NULL
      )`);
    await q.query(`CREATE INDEX reporting_accounts_tier ON reporting_accounts (tier)`);
    await q.query(`
      CREATE TABLE reporting_people (
        lead_id    text        PRIMARY KEY,
        at         timestamptz NOT NULL,
        email      text,
        first_name text,
        last_name  text,
        title      text,
        -- Set by lead-erased: the row then holds no PII and refuses every later profile.
        erased_at  timestamptz
      )`);
    await q.query(`
      CREATE TABLE reporting_daily (
        metric  text             NOT NULL,
        day     date             NOT NULL,
        segment text             NOT NULL,
        region  text             NOT NULL,
        channel text             NOT NULL,
        team    text             NOT NULL,
        detail  text             NOT NULL,
        sum     double precision NOT NULL,
        count   bigint           NOT NULL,
        PRIMARY KEY (day, metric, segment, region, channel, team, detail)
      )`);
    // The same counters by month (day = the month's first day): quarters and months sum a few rows
    // per counter instead of one per day.
    await q.query(`CREATE TABLE reporting_monthly (LIKE reporting_daily INCLUDING ALL)`);
    await q.query(`
      CREATE TABLE reporting_freshness (
        id      smallint    PRIMARY KEY CHECK (id = 1),
        as_of   timestamptz,
        version bigint      NOT NULL
      )`);
    await q.query(`INSERT INTO reporting_freshness (id, as_of, version) VALUES (1, NULL, 0)`);
    await q.query(`
      CREATE TABLE reporting_targets (
        period    text             NOT NULL,
        metric_id text             NOT NULL,
        target    double precision,
        owner     text             NOT NULL,
        PRIMARY KEY (period, metric_id)
      )`);
    await q.query(`
      CREATE TABLE reporting_action_items (
        id         uuid        PRIMARY KEY,
        week       text        NOT NULL,
        owner      text        NOT NULL,
        text       text        NOT NULL,
        due        text,
        done       boolean     NOT NULL,
        created_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX reporting_action_items_week ON reporting_action_items (week, created_at)`);
    await q.query(`
      CREATE TABLE reporting_rebuild (
        id          smallint    PRIMARY KEY CHECK (id = 1),
        state       text        NOT NULL,
        started_at  timestamptz,
        finished_at timestamptz,
        topics      jsonb       NOT NULL,
        error       text
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of [
      'reporting_rebuild',
      'reporting_action_items',
      'reporting_targets',
      'reporting_freshness',
      'reporting_monthly',
      'reporting_daily',
      'reporting_people',
      'reporting_accounts',
      'reporting_volume',
      'reporting_sla',
      'reporting_credits',
      'reporting_costs',
      'reporting_opportunities',
      'reporting_leads',
    ])
      await q.query(`DROP TABLE ${t}`);
  }
}
