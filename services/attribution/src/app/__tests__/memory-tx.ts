import type { AttributionCredited } from '@smarketing/contracts';
import type { Conversion, StoredVersion, Touch } from '../../domain';
import { AttributionEvents } from '../ports/attribution-events.port';
import { ConversionStore } from '../ports/conversion-store.port';
import {
  CreditStore,
  type CreditTotal,
  type CreditVersion,
  type PeriodQuery,
} from '../ports/credit-store.port';
import {
  FactStore,
  type CostFacts,
  type Erasure,
  type LeadFacts,
  type OpportunityFacts,
} from '../ports/fact-store.port';
import { SettingsStore, type StoredSettings } from '../ports/settings-store.port';
import type { AttributionTx } from '../ports/transactions.port';

const DAY_MS = 86_400_000;

/** In-memory stores with the semantics of the PostgreSQL ones, for use-case tests. */
export class MemoryFacts extends FactStore {
  readonly leadRows = new Map<string, LeadFacts>();
  readonly touches = new Map<string, Touch>();
  readonly opps = new Map<string, OpportunityFacts>();
  readonly costRows = new Map<string, CostFacts>();
  readonly erased = new Map<string, Erasure>();

  async leads(ids: readonly string[]) {
    return new Map(
      ids.flatMap((id) => (this.leadRows.has(id) ? [[id, this.leadRows.get(id)!] as const] : [])),
    );
  }
  readLeads(ids: readonly string[]) {
    return this.leads(ids);
  }
  async saveLeads(leads: readonly LeadFacts[]) {
    const min = (a: number | null, b: number | null) => (a === null ? b : b === null ? a : Math.min(a, b));
    const max = (a: number | null, b: number | null) => (a === null ? b : b === null ? a : Math.max(a, b));
    for (const l of leads) {
      const before = this.leadRows.get(l.leadId);
      this.leadRows.set(
        l.leadId,
        before
          ? {
              leadId: l.leadId,
              accountId: l.accountId ?? before.accountId,
              createdAt: min(before.createdAt, l.createdAt),
              profileAt: max(before.profileAt, l.profileAt),
            }
          : l,
      );
    }
  }
  async leadIdsOfAccounts(accountIds: readonly string[]) {
    const out = new Map<string, string[]>();
    for (const l of this.leadRows.values())
      if (l.accountId && accountIds.includes(l.accountId))
        out.set(l.accountId, [...(out.get(l.accountId) ?? []), l.leadId]);
    return out;
  }
  async addTouches(ts: readonly Touch[]) {
    const inserted = ts.filter((t) => !this.touches.has(t.id));
    for (const t of inserted) this.touches.set(t.id, t);
    return inserted;
  }
  async touchesOf(leadIds: readonly string[], from: number, to: number) {
    return [...this.touches.values()].filter((t) => leadIds.includes(t.leadId) && t.at >= from && t.at <= to);
  }
  async opportunities(ids: readonly string[]) {
    return new Map(ids.flatMap((id) => (this.opps.has(id) ? [[id, this.opps.get(id)!] as const] : [])));
  }
  readOpportunities(ids: readonly string[]) {
    return this.opportunities(ids);
  }
  async saveOpportunity(o: OpportunityFacts) {
    this.opps.set(o.opportunityId, o);
  }
  async saveCost(c: CostFacts) {
    const before = this.costRows.get(c.costId);
    if (!before || before.recordedAt <= c.recordedAt) this.costRows.set(c.costId, c);
  }
  async costs(fromDay: number, toDay: number) {
    return [...this.costRows.values()].filter((c) => c.periodStart <= toDay && c.periodEnd >= fromDay);
  }
  async mergeLeads(survivor: string, merged: readonly string[]) {
    for (const [id, t] of this.touches)
      if (merged.includes(t.leadId)) this.touches.set(id, { ...t, leadId: survivor });
    for (const [id, o] of this.opps)
      this.opps.set(id, {
        ...o,
        leadIds: [...new Set(o.leadIds.map((l) => (merged.includes(l) ? survivor : l)))].sort(),
      });
    const all = [survivor, ...merged].flatMap((id) =>
      this.leadRows.has(id) ? [this.leadRows.get(id)!] : [],
    );
    const created = all.map((l) => l.createdAt).filter((x): x is number => x !== null);
    for (const id of merged) this.leadRows.delete(id);
    this.leadRows.set(survivor, {
      leadId: survivor,
      accountId:
        all.find((l) => l.leadId === survivor && l.accountId)?.accountId ??
        all.find((l) => l.accountId)?.accountId ??
        null,
      createdAt: created.length ? Math.min(...created) : null,
      profileAt: all.find((l) => l.leadId === survivor)?.profileAt ?? null,
    });
  }
  async leadPaths(from: number, to: number, kind: 'mql' | 'sql' | 'opportunity' | 'won') {
    void kind;
    const byLead = new Map<string, Touch[]>();
    for (const t of this.touches.values())
      if (t.kind === 'touchpoint' && t.at >= from && t.at <= to)
        byLead.set(t.leadId, [...(byLead.get(t.leadId) ?? []), t]);
    return [...byLead.values()].map((ts) => ({
      channels: ts.sort((a, b) => a.at - b.at).map((t) => t.channel),
      converted: false,
    }));
  }
  async campaignLeadConversion() {
    return [];
  }
  async erasures(ids: readonly string[]) {
    return new Map(ids.flatMap((id) => (this.erased.has(id) ? [[id, this.erased.get(id)!] as const] : [])));
  }
  async erase(e: Erasure) {
    for (const [id, t] of this.touches) if (t.leadId === e.leadId) this.touches.delete(id);
    this.leadRows.delete(e.leadId);
    for (const [id, o] of this.opps)
      this.opps.set(id, { ...o, leadIds: o.leadIds.filter((l) => l !== e.leadId) });
    this.erased.set(e.leadId, e);
  }
}

export class MemoryConversions extends ConversionStore {
  constructor(
    readonly rows: Map<string, Conversion>,
    private readonly facts: MemoryFacts,
  ) {
    super();
  }
  async get(ids: readonly string[]) {
    return new Map(ids.flatMap((id) => (this.rows.has(id) ? [[id, this.rows.get(id)!] as const] : [])));
  }
  async save(cs: readonly Conversion[]) {
    for (const c of cs) this.rows.set(c.id, c);
  }
  private related(c: Conversion, leadIds: readonly string[], accountIds: readonly string[]) {
    const contacts = c.opportunityId ? (this.facts.opps.get(c.opportunityId)?.leadIds ?? []) : [];
    return (
      (c.leadId !== null && leadIds.includes(c.leadId)) ||
      (c.accountId !== null &&
        accountIds.includes(c.accountId) &&
        (c.kind === 'opportunity' || c.kind === 'won')) ||
      contacts.some((l) => leadIds.includes(l))
    );
  }
  async affected(
    leadIds: readonly string[],
    accountIds: readonly string[],
    from: number,
    to: number,
    lookbackDays: number,
  ) {
    return [...this.rows.values()]
      .filter(
        (c) => c.at >= from && c.at <= to + lookbackDays * DAY_MS && this.related(c, leadIds, accountIds),
      )
      .map((c) => c.id);
  }
  async ofLeads(leadIds: readonly string[], accountIds: readonly string[]) {
    return [...this.rows.values()].filter((c) => this.related(c, leadIds, accountIds)).map((c) => c.id);
  }
  async idsInPeriod(kind: Conversion['kind'], from: number, to: number, after: string, limit: number) {
    return [...this.rows.values()]
      .filter((c) => c.kind === kind && c.at >= from && c.at < to && c.id > after)
      .map((c) => c.id)
      .sort()
      .slice(0, limit);
  }
  async reassignLead(survivor: string, merged: readonly string[]) {
    for (const [id, c] of this.rows)
      if (c.leadId && merged.includes(c.leadId)) this.rows.set(id, { ...c, leadId: survivor });
  }
  async forgetLead(leadId: string) {
    for (const [id, c] of this.rows) if (c.leadId === leadId) this.rows.set(id, { ...c, leadId: null });
  }
}

export class MemoryCredits extends CreditStore {
  readonly rows = new Map<string, CreditVersion>();
  async latest(ids: readonly string[]) {
    const out = new Map<string, Map<string, StoredVersion>>();
    for (const v of this.rows.values())
      if (ids.includes(v.conversionId)) {
        const m = out.get(v.conversionId) ?? new Map<string, StoredVersion>();
        m.set(v.modelId, v);
        out.set(v.conversionId, m);
      }
    return out;
  }
  async save(vs: readonly CreditVersion[]) {
    for (const v of vs) this.rows.set(`${v.conversionId} ${v.modelId}`, v);
  }
  async ofConversions(ids: readonly string[], modelId?: string) {
    return [...this.rows.values()].filter(
      (v) => ids.includes(v.conversionId) && (!modelId || v.modelId === modelId),
    );
  }
  async totals(q: PeriodQuery) {
    const out = new Map<string, CreditTotal>();
    for (const v of this.rows.values()) {
      if (!q.modelIds.includes(v.modelId) || !q.kinds.includes(v.conversionKind)) continue;
      if (v.convertedAt < q.from || v.convertedAt >= q.to) continue;
      for (const c of v.credit.credits) {
        const key = (q.by === 'channel' ? c.channel : c.campaignId) ?? '(none)';
        const k = JSON.stringify([v.modelId, key, v.conversionKind, v.currency]);
        const cur = out.get(k) ?? {
          modelId: v.modelId,
          key,
          conversionKind: v.conversionKind,
          currency: v.currency,
          conversions: 0,
          amountMinor: 0n,
        };
        out.set(k, {
          ...cur,
          conversions: cur.conversions + c.weight,
          amountMinor: cur.amountMinor + (c.amountMinor ?? 0n),
        });
      }
    }
    return [...out.values()];
  }
}

export class MemorySettings extends SettingsStore {
  readonly rows = new Map<number, StoredSettings>();
  async latest() {
    return [...this.rows.values()].sort((a, b) => b.settings.version - a.settings.version)[0];
  }
  async get(v: number) {
    return this.rows.get(v);
  }
  async list() {
    return [...this.rows.values()].sort((a, b) => b.settings.version - a.settings.version);
  }
  async insert(s: StoredSettings) {
    if (this.rows.has(s.settings.version)) return false;
    this.rows.set(s.settings.version, s);
    return true;
  }
}

export class MemoryEvents extends AttributionEvents {
  readonly sent: AttributionCredited[] = [];
  credited(e: AttributionCredited) {
    this.sent.push(e);
  }
}

export type MemoryTx = AttributionTx & {
  facts: MemoryFacts;
  conversions: MemoryConversions;
  credits: MemoryCredits;
  settings: MemorySettings;
  events: MemoryEvents;
};

export const memoryTx = (): MemoryTx => {
  const facts = new MemoryFacts();
  return {
    facts,
    conversions: new MemoryConversions(new Map(), facts),
    credits: new MemoryCredits(),
    settings: new MemorySettings(),
    events: new MemoryEvents(),
  };
};
