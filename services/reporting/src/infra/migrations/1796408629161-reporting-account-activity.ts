import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Account activity per period (src/domain/account-activity.ts) for Tier 1 coverage: a count per
 * account, period id and kind, flagged when the account is Tier 1, so coverage reads the Tier 1 rows
 * of its periods from one partial index instead of probing the leads and opportunities of every
 * Tier 1 account for each period. Filled from the lead and opportunity rows already there; the
 * columns (and indexes) those probes read go.
 */
export class ReportingAccountActivity1796408629161 implements MigrationInterface {
  name = 'ReportingAccountActivity1796408629161';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE reporting_account_activity (
        account_id text NOT NULL,
        period     text NOT NULL,
        kind       text NOT NULL,
        count      int  NOT NULL,
        -- The account's tier is tier_1 (kept by PgAccountStore): coverage reads these rows only.
        tier1      boolean NOT NULL,
        PRIMARY KEY (account_id, period, kind)
      )`);
    await q.query(
      `CREATE INDEX reporting_account_activity_tier1 ON reporting_account_activity (period, kind) WHERE tier1 AND count > 0`,
    );
    // The ids of src/domain/period.ts: 2026-Q4, 2026-11, 2026-W48 (ISO week), in UTC.
    const periods = (at: string) =>
      `unnest(ARRAY[to_char(${at} AT TIME ZONE 'UTC', 'YYYY-"Q"Q'),
                    to_char(${at} AT TIME ZONE 'UTC', 'YYYY-MM'),
                    to_char(${at} AT TIME ZONE 'UTC', 'IYYY-"W"IW')])`;
    await q.query(`
      INSERT INTO reporting_account_activity (account_id, period, kind, count, tier1)
      SELECT account_id, period, kind, count(*)::int,
             EXISTS (SELECT 1 FROM reporting_accounts t WHERE t.account_id = a.account_id AND t.tier = 'tier_1')
      FROM (
        SELECT account_id, ${periods('mql_at')} AS period, 'mql' AS kind
        FROM reporting_leads WHERE account_id IS NOT NULL AND mql_at IS NOT NULL
        UNION ALL
        SELECT account_id, ${periods('created_at')}, 'opportunity'
        FROM reporting_opportunities WHERE account_id IS NOT NULL AND created_at IS NOT NULL
      ) a GROUP BY 1, 2, 3`);
    await q.query(`ALTER TABLE reporting_leads DROP COLUMN account_id, DROP COLUMN mql_at`);
    await q.query(`ALTER TABLE reporting_opportunities DROP COLUMN account_id, DROP COLUMN created_at`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE reporting_account_activity`);
    await q.query(`ALTER TABLE reporting_leads ADD COLUMN account_id text, ADD COLUMN mql_at timestamptz`);
    await q.query(
      `ALTER TABLE reporting_opportunities ADD COLUMN account_id text, ADD COLUMN created_at timestamptz`,
    );
    await q.query(`
      UPDATE reporting_leads SET
        account_id = record #>> '{profile,value,accountId}',
        mql_at = CASE WHEN record ->> 'mergedInto' IS NULL
                      THEN to_timestamp((record #>> '{milestones,mql}')::float8 / 1000) END`);
    await q.query(`
      UPDATE reporting_opportunities SET
        account_id = record #>> '{state,value,accountId}',
        created_at = to_timestamp((record ->> 'createdAt')::float8 / 1000)`);
    await q.query(
      `CREATE INDEX reporting_leads_account_mql ON reporting_leads (account_id, mql_at) WHERE account_id IS NOT NULL`,
    );
    await q.query(
      `CREATE INDEX reporting_opportunities_account_created ON reporting_opportunities (account_id, created_at) WHERE account_id IS NOT NULL`,
    );
  }
}
