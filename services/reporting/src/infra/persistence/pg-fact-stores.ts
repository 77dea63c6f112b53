import { prepared, type TxContext } from '@smarketing/messaging';
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
const TIER1 = prepared(
  'reporting.accounts.tier1',
  `SELECT count(*)::int AS accounts,
          count(*) FILTER (WHERE EXISTS (
            SELECT 1 FROM reporting_leads l
            WHERE l.account_id = a.account_id AND l.mql_at >= $1 AND l.mql_at < $2))::int AS with_mql,
          count(*) FILTER (WHERE EXISTS (
            SELECT 1 FROM reporting_opportunities o
            WHERE o.account_id = a.account_id AND o.created_at >= $1 AND o.created_at < $2))::int AS with_opportunity
   FROM reporting_accounts a WHERE a.tier = 'tier_1'`,
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

  async tier1Coverage(start: number, end: number): Promise<Tier1Coverage> {
    const [row] = await this.q.query<{ accounts: number; with_mql: number; with_opportunity: number }>(
      TIER1,
      [iso(start), iso(end)],
    );
    return {
      accounts: row?.accounts ?? 0,
      withMql: row?.with_mql ?? 0,
      withOpportunity: row?.with_opportunity ?? 0,
    };
  }
}
