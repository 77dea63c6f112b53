import { activityKey, type AccountActivity } from '../../domain/account-activity';
import type { Tier1Coverage } from '../ports/account-store.port';
import type { Person } from '../ports/people-store.port';
import type { RollupFilters } from '../ports/rollup-store.port';
import type { SlaBreach } from '../ports/sla-store.port';
import type { StoredActionItem, Target } from '../ports/review-store.port';
import type { ReportingTx, Transactions } from '../ports/transactions.port';
import type { RebuildStatus } from '../views';
import { ANY, type Contribution } from '../../domain/contributions';
import { CHANNEL_METRICS, cubeCells, cubeSlice, cubeTotals, type CubeCell } from '../../domain/cube';
import type {
  AccountRecord,
  CostRecord,
  CreditRecord,
  SlaRecord,
  VolumeRecord,
} from '../../domain/fact-records';
import type { LeadRecord } from '../../domain/lead-record';
import type { OpportunityRecord } from '../../domain/opportunity-record';
import type { RollupRow } from '../../domain/rollup';

const DAY = 86_400_000;
// Records leave and enter the store as JSON, as they do through jsonb: no shared references.
const copy = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

/** In-memory stores with the semantics of the PostgreSQL ones, for use-case tests. */
export class MemoryRecords<R> {
  readonly rows = new Map<string, R>();
  constructor(private readonly keyOf: (r: R) => string) {}

  async lockMany(keys: readonly string[]) {
    return this.readMany(keys);
  }
  async readMany(keys: readonly string[]) {
    return new Map(keys.flatMap((k) => (this.rows.has(k) ? [[k, copy(this.rows.get(k)!)] as const] : [])));
  }
  async saveMany(records: readonly R[]) {
    for (const r of records) this.rows.set(this.keyOf(r), copy(r));
  }
}

export class MemorySla extends MemoryRecords<SlaRecord> {
  constructor() {
    super((r) => r.key);
  }
  async breaches(start: number, end: number, limit: number): Promise<SlaBreach[]> {
    return [...this.rows.values()]
      .filter((r) => r.status.status === 'breached' && r.status.dueAt >= start && r.status.dueAt < end)
      .sort((a, b) => a.status.dueAt - b.status.dueAt || (a.key < b.key ? -1 : 1))
      .map((r) => r.status)
      .slice(0, limit)
      .map((s) => ({
        leadId: s.leadId,
        kind: s.kind,
        repId: s.repId,
        teamId: s.teamId,
        dueAt: s.dueAt,
        policyId: s.policyId,
      }));
  }
}

export class MemoryVolume extends MemoryRecords<VolumeRecord> {
  constructor() {
    super((r) => r.key);
  }
  async startingIn(start: number, end: number) {
    return [...this.rows.values()].filter(
      (r) => r.evaluation.periodStart >= start && r.evaluation.periodStart < end,
    );
  }
}

export class MemoryAccounts extends MemoryRecords<AccountRecord> {
  /** reporting_account_activity: by account, period and kind. */
  readonly activity = new Map<string, AccountActivity>();
  constructor() {
    super((r) => r.accountId);
  }
  async addActivity(delta: readonly AccountActivity[]) {
    for (const a of delta) {
      const k = activityKey(a);
      this.activity.set(k, { ...a, count: (this.activity.get(k)?.count ?? 0) + a.count });
    }
  }
  async tier1Coverage(periods: readonly string[]): Promise<Map<string, Tier1Coverage>> {
    const tier1 = new Set([...this.rows.values()].filter((a) => a.tier === 'tier_1').map((a) => a.accountId));
    const active = [...this.activity.values()].filter((a) => a.count > 0 && tier1.has(a.accountId));
    const count = (period: string, kind: AccountActivity['kind']) =>
      active.filter((a) => a.period === period && a.kind === kind).length;
    return new Map(
      periods.map((p) => [
        p,
        { accounts: tier1.size, withMql: count(p, 'mql'), withOpportunity: count(p, 'opportunity') },
      ]),
    );
  }
}

export class MemoryPeople {
  readonly rows = new Map<string, Person>();
  readonly erased = new Set<string>();
  async saveNewer(people: readonly Person[]) {
    for (const p of people) {
      if (this.erased.has(p.leadId)) continue;
      const known = this.rows.get(p.leadId);
      if (!known || known.at <= p.at) this.rows.set(p.leadId, p);
    }
  }
  async deleteMany(leadIds: readonly string[]) {
    for (const id of leadIds) this.rows.delete(id);
  }
  async find(leadId: string) {
    return this.rows.get(leadId);
  }
  async erase(leadIds: readonly string[]) {
    for (const id of leadIds) {
      this.rows.delete(id);
      this.erased.add(id);
    }
  }
}

const dayKey = (c: Contribution) =>
  [c.metric, c.day, c.dims.segment, c.dims.region, c.dims.channel, c.dims.team, c.detail].join('\u0000');

export class MemoryRollup {
  readonly counters = new Map<string, Contribution>();
  asOf: number | null = null;
  version = 0;

  async add(contributions: readonly Contribution[]) {
    for (const c of contributions) {
      const k = dayKey(c);
      const cur = this.counters.get(k);
      this.counters.set(k, cur ? { ...cur, sum: cur.sum + c.sum, count: cur.count + c.count } : c);
    }
  }
  async applied(at: number | null) {
    if (at !== null) this.asOf = this.asOf === null ? at : Math.max(this.asOf, at);
    this.version += 1;
  }
  async sum(start: number, end: number, f: RollupFilters): Promise<RollupRow[]> {
    const startDay = Math.floor(start / DAY) * DAY;
    const pass = (v: string, want: string | undefined) => want === undefined || v === want || v === ANY;
    const out = new Map<string, RollupRow>();
    for (const c of this.counters.values()) {
      if (c.day < startDay || c.day >= end) continue;
      if (!pass(c.dims.segment, f.segment) || !pass(c.dims.region, f.region)) continue;
      if (!pass(c.dims.channel, f.channel) || !pass(c.dims.team, f.team)) continue;
      const day = c.metric === 'mql.unworked' ? c.day : null;
      const k = [c.metric, c.dims.channel, c.dims.team, c.detail, day].join('\u0000');
      const cur = out.get(k);
      out.set(k, {
        metric: c.metric,
        channel: c.dims.channel,
        team: c.dims.team,
        detail: c.detail,
        day,
        sum: (cur?.sum ?? 0) + c.sum,
        count: (cur?.count ?? 0) + c.count,
      });
    }
    return [...out.values()].filter((r) => r.count !== 0 || Math.abs(r.sum) > 1e-9);
  }
  async sumOf(start: number, end: number, f: RollupFilters, metrics: readonly string[]) {
    return (await this.sum(start, end, f)).filter((r) => metrics.includes(r.metric));
  }
  /** As PgRollupStore: the cube's slice for no filter or one, the detailed counters for more. */
  async totals(start: number, end: number, f: RollupFilters): Promise<RollupRow[]> {
    const slice = cubeSlice(f);
    if (!slice) return cubeTotals(await this.sum(start, end, f));
    return this.slice(start, end, slice.dim, slice.value ?? ANY, (c) => ({
      metric: c.metric,
      channel: ANY,
      team: ANY,
      detail: c.bucket,
      day: c.metric === 'mql.unworked' ? c.day : null,
    }));
  }
  async byChannel(start: number, end: number, f: RollupFilters): Promise<RollupRow[]> {
    const slice = cubeSlice(f);
    if (!slice || (slice.dim !== 'all' && slice.dim !== 'channel'))
      return cubeTotals(await this.sumOf(start, end, f, CHANNEL_METRICS), true);
    return this.slice(
      start,
      end,
      'channel',
      slice.value,
      (c) => ({ metric: c.metric, channel: c.value, team: ANY, detail: '', day: null }),
      CHANNEL_METRICS,
    );
  }
  private slice(
    start: number,
    end: number,
    dim: CubeCell['dim'],
    value: string | null,
    row: (c: CubeCell) => Omit<RollupRow, 'sum' | 'count'>,
    metrics?: readonly string[],
  ): RollupRow[] {
    const startDay = Math.floor(start / DAY) * DAY;
    const out = new Map<string, RollupRow>();
    // The cube derived from the counters when read (summing is linear): `counters` stays the one
    // buffer bench/bulk-state.ts flushes and clears.
    for (const c of cubeCells([...this.counters.values()])) {
      if (c.dim !== dim || c.day < startDay || c.day >= end) continue;
      if (value !== null && c.value !== value && c.value !== ANY) continue;
      if (metrics && !metrics.includes(c.metric)) continue;
      const r = row(c);
      const k = [r.metric, r.channel, r.detail, r.day].join('\u0000');
      const cur = out.get(k);
      out.set(k, { ...r, sum: (cur?.sum ?? 0) + c.sum, count: (cur?.count ?? 0) + c.count });
    }
    return [...out.values()].filter((r) => r.count !== 0 || Math.abs(r.sum) > 1e-9);
  }
  async freshness() {
    return { asOf: this.asOf, version: this.version };
  }
  async dimensionValues() {
    const live = [...this.counters.values()].filter((c) => c.count !== 0);
    const of = (d: keyof Contribution['dims']) =>
      [...new Set(live.map((c) => c.dims[d]))].filter((v) => v !== ANY).sort();
    return { segments: of('segment'), regions: of('region'), channels: of('channel'), teams: of('team') };
  }
}

export class MemoryTargets {
  readonly rows = new Map<string, Target>();
  async replace(targets: readonly Target[]) {
    for (const t of targets) this.rows.set(`${t.period}|${t.metricId}`, t);
  }
  async forPeriods(periods: readonly string[]) {
    return [...this.rows.values()].filter((t) => periods.includes(t.period));
  }
}

export class MemoryActionItems {
  readonly rows = new Map<string, StoredActionItem>();
  async insert(i: StoredActionItem) {
    this.rows.set(i.id, i);
  }
  async setDone(id: string, done: boolean) {
    const i = this.rows.get(id);
    if (!i) return undefined;
    const next = { ...i, done };
    this.rows.set(id, next);
    return next;
  }
  async ofWeek(week: string) {
    return [...this.rows.values()].filter((i) => i.week === week).sort((a, b) => a.createdAt - b.createdAt);
  }
}

/** Every store of a ReportingTx in memory; `transactions` runs work against them. */
export class MemoryReporting {
  readonly leads = new MemoryRecords<LeadRecord>((r) => r.leadId);
  readonly opportunities = new MemoryRecords<OpportunityRecord>((r) => r.opportunityId);
  readonly costs = new MemoryRecords<CostRecord>((r) => r.costId);
  readonly credits = new MemoryRecords<CreditRecord>((r) => r.conversionId);
  readonly sla = new MemorySla();
  readonly volume = new MemoryVolume();
  readonly accounts = new MemoryAccounts();
  readonly people = new MemoryPeople();
  readonly rollup = new MemoryRollup();
  readonly targets = new MemoryTargets();
  readonly actionItems = new MemoryActionItems();
  rebuildStatus: RebuildStatus = {
    state: 'idle',
    startedAt: null,
    finishedAt: null,
    topics: [],
    error: null,
  };

  readonly tx: ReportingTx = {
    leads: this.leads,
    opportunities: this.opportunities,
    costs: this.costs,
    credits: this.credits,
    sla: this.sla as unknown as ReportingTx['sla'],
    volume: this.volume as unknown as ReportingTx['volume'],
    accounts: this.accounts as unknown as ReportingTx['accounts'],
    people: this.people,
    rollup: this.rollup,
    targets: this.targets,
    actionItems: this.actionItems,
    rebuild: { status: async () => this.rebuildStatus },
  };

  readonly transactions: Transactions = { run: (work) => work(this.tx) };
}
