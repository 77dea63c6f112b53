import { prepared, type TxContext } from '@smarketing/messaging';
import type { AccountActivity } from '../../domain/account-activity';
import type { AccountStore, Tier1Coverage } from '../../app/ports/account-store.port';
import type { SlaBreach, SlaStore } from '../../app/ports/sla-store.port';
import type { VolumeStore } from '../../app/ports/volume-store.port';
import type { AccountRecord, SlaRecord, VolumeRecord } from '../../domain/fact-records';
import { PgRecordStore } from './pg-record-store';
import { ACCOUNTS, SLA, VOLUME } from './record-tables';

const BREACHES = prepared(
  'reporting.sla.breaches',
  `SELECT record FROM reporting_sla
   WHERE status = 'breached' AND due_at >= $1 AND due_at < $2 ORDER BY due_at, sla_key LIMIT $3`,
);
const VOLUME_STARTING = prepared(
  'reporting.volume.starting',
  `SELECT record FROM reporting_volume WHERE period_start >= $1 AND period_start < $2 ORDER BY volume_key`,
);
// `tier1` copies the account's tier onto its activity rows, so coverage reads only Tier 1 rows
// (a partial index). Both writers hold the account's record lock: addActivity takes it, and an
// account's tier is saved under it (foldRecords), so the copy cannot go stale between them.
const ADD_ACTIVITY = prepared(
  'reporting.accounts.add-activity',
  `INSERT INTO reporting_account_activity (account_id, period, kind, count, tier1)
   SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::int[], $5::boolean[])
   ON CONFLICT (account_id, period, kind)
   DO UPDATE SET count = reporting_account_activity.count + EXCLUDED.count, tier1 = EXCLUDED.tier1`,
);
const SYNC_TIER1 = prepared(
  'reporting.accounts.sync-tier1',
  `UPDATE reporting_account_activity SET tier1 = (account_id = ANY($2::text[]))
   WHERE account_id = ANY($1::text[]) AND tier1 <> (account_id = ANY($2::text[]))`,
);
const TIER1_ACCOUNTS = prepared(
  'reporting.accounts.tier1',
  `SELECT count(*)::int AS accounts FROM reporting_accounts WHERE tier = 'tier_1'`,
);
const TIER1_ACTIVITY = prepared(
  'reporting.accounts.tier1-activity',
  `SELECT period,
          count(*) FILTER (WHERE kind = 'mql')::int AS with_mql,
          count(*) FILTER (WHERE kind = 'opportunity')::int AS with_opportunity
   FROM reporting_account_activity
   WHERE tier1 AND count > 0 AND period = ANY($1::text[])
   GROUP BY period`,
);

const iso = (ms: number) => new Date(ms).toISOString();

export class PgSlaStore extends PgRecordStore<SlaRecord> implements SlaStore {
  constructor(private readonly q: Pick<TxContext, 'query'>) {
    super(q, SLA);
  }

  async breaches(start: number, end: number, limit: number): Promise<SlaBreach[]> {
    const rows = await this.q.query<{ record: SlaRecord }>(BREACHES, [iso(start), iso(end), limit]);
    return rows.map(({ record: { status: s } }) => ({
      leadId: s.leadId,
      kind: s.kind,
      repId: s.repId,
      teamId: s.teamId,
      dueAt: s.dueAt,
      policyId: s.policyId,
    }));
  }
}

export class PgVolumeStore extends PgRecordStore<VolumeRecord> implements VolumeStore {
  constructor(private readonly q: Pick<TxContext, 'query'>) {
    super(q, VOLUME);
  }

  async startingIn(start: number, end: number): Promise<VolumeRecord[]> {
    const rows = await this.q.query<{ record: VolumeRecord }>(VOLUME_STARTING, [iso(start), iso(end)]);
    return rows.map((r) => r.record);
  }
}

export class PgAccountStore extends PgRecordStore<AccountRecord> implements AccountStore {
  constructor(private readonly q: Pick<TxContext, 'query'>) {
    super(q, ACCOUNTS);
  }

  override async saveMany(records: readonly AccountRecord[]): Promise<void> {
    await super.saveMany(records);
    if (!records.length) return;
    await this.q.query(SYNC_TIER1, [
      records.map((r) => r.accountId),
      records.filter((r) => r.tier === 'tier_1').map((r) => r.accountId),
    ]);
  }

  async addActivity(delta: readonly AccountActivity[]): Promise<void> {
    if (!delta.length) return;
    const accounts = await this.lockMany(delta.map((a) => a.accountId));
    await this.q.query(ADD_ACTIVITY, [
      delta.map((a) => a.accountId),
      delta.map((a) => a.period),
      delta.map((a) => a.kind),
      delta.map((a) => a.count),
      delta.map((a) => accounts.get(a.accountId)?.tier === 'tier_1'),
    ]);
  }

  async tier1Coverage(periods: readonly string[]): Promise<Map<string, Tier1Coverage>> {
    const [total] = await this.q.query<{ accounts: number }>(TIER1_ACCOUNTS, []);
    const rows = await this.q.query<{ period: string; with_mql: number; with_opportunity: number }>(
      TIER1_ACTIVITY,
      [periods],
    );
    const byPeriod = new Map(rows.map((r) => [r.period, r]));
    return new Map(
      periods.map((p) => [
        p,
        {
          accounts: total?.accounts ?? 0,
          withMql: byPeriod.get(p)?.with_mql ?? 0,
          withOpportunity: byPeriod.get(p)?.with_opportunity ?? 0,
        },
      ]),
    );
  }
}
