import type { LeadAssigned } from '@smarketing/contracts';
import {
  newPoolState,
  replacesScore,
  UNKNOWN_PROFILE,
  type AccountOwner,
  type AccountScore,
  type PoolState,
  type Rep,
  type RepLoad,
  type RoutingRules,
  type Team,
} from '../../../domain';
import { AccountScoreStore } from '../../ports/account-score-store.port';
import { AssignmentStore, pairKey, type AssignmentRecord } from '../../ports/assignment-store.port';
import { HeldStore, type HeldLead } from '../../ports/held-store.port';
import { LeadStore, type LeadRecord, type SalesReadyLead } from '../../ports/lead-store.port';
import { OrgStore, type CatalogVersions } from '../../ports/org-store.port';
import {
  PoolStateStore,
  type MemberChange,
  type PoolView,
  type RepDayStats,
} from '../../ports/pool-state-store.port';
import { RoutingEventSink } from '../../ports/routing-event-sink.port';
import { RulesStore, type StoredRules } from '../../ports/rules-store.port';
import { Transactions, type RoutingTx } from '../../ports/transactions.port';

const clone = <T>(v: T): T => structuredClone(v);

/** The whole database of routing in memory, with the same semantics as the pg stores (copies in, copies out). */
export class MemoryDb {
  orgVersion = 0;
  readonly reps = new Map<string, Rep>();
  readonly teams = new Map<string, Team>();
  readonly owners = new Map<string, AccountOwner>();
  readonly rules = new Map<number, StoredRules>();
  readonly leads = new Map<string, LeadRecord>();
  readonly accountScores = new Map<string, AccountScore>();
  readonly salesReady = new Map<string, { leadId: string; cycle: number; enteredAt: number }>();
  readonly assignments: AssignmentRecord[] = [];
  readonly pools = new Map<string, PoolState>();
  readonly loads = new Map<string, RepLoad>();
  readonly days = new Map<string, RepDayStats>();
  readonly held = new Map<string, HeldLead>();
  readonly published: { event: LeadAssigned; eventId: string }[] = [];

  tx(): RoutingTx {
    return memoryTx(this, this.pendingEvents);
  }

  private pendingEvents: { event: LeadAssigned; eventId: string }[] = [];

  /** Runs work as one transaction: all of its writes or (when it throws) none, events with them. */
  async transaction<R>(work: (tx: RoutingTx) => Promise<R>): Promise<R> {
    const snapshot = structuredClone({
      orgVersion: this.orgVersion,
      reps: this.reps,
      teams: this.teams,
      owners: this.owners,
      rules: this.rules,
      leads: this.leads,
      accountScores: this.accountScores,
      salesReady: this.salesReady,
      assignments: this.assignments,
      pools: this.pools,
      loads: this.loads,
      days: this.days,
      held: this.held,
    });
    this.pendingEvents = [];
    try {
      const result = await work(this.tx());
      this.published.push(...this.pendingEvents);
      return result;
    } catch (error) {
      this.orgVersion = snapshot.orgVersion;
      for (const key of [
        'reps',
        'teams',
        'owners',
        'rules',
        'leads',
        'accountScores',
        'salesReady',
        'pools',
        'loads',
        'days',
        'held',
      ] as const) {
        const target = this[key] as Map<unknown, unknown>;
        target.clear();
        for (const [k, v] of snapshot[key] as Map<unknown, unknown>) target.set(k, v);
      }
      this.assignments.splice(0, this.assignments.length, ...snapshot.assignments);
      throw error;
    } finally {
      this.pendingEvents = [];
    }
  }

  seed(reps: Rep[], teams: Team[], rules: RoutingRules, owners: AccountOwner[] = []): void {
    for (const t of teams) this.teams.set(t.id, t);
    for (const r of reps) this.reps.set(r.id, r);
    for (const o of owners) this.owners.set(o.accountKey, o);
    this.rules.set(rules.version, { rules, source: 'bundled', publishedAt: 0, publishedBy: null });
  }
}

/** The stores of one transaction over `db`; events go to `pending` until the transaction ends. */
function memoryTx(db: MemoryDb, pending: { event: LeadAssigned; eventId: string }[]): RoutingTx {
  class Leads extends LeadStore {
    async lockMany(ids: readonly string[]) {
      return new Map(
        ids.flatMap((id) => (db.leads.has(id) ? [[id, clone(db.leads.get(id) as LeadRecord)] as const] : [])),
      );
    }
    async saveMany(leads: readonly LeadRecord[]) {
      for (const l of leads) db.leads.set(l.leadId, clone(l));
    }
    async find(id: string) {
      return db.leads.has(id) ? clone(db.leads.get(id)) : undefined;
    }
    async recordSalesReady(entries: readonly { leadId: string; cycle: number; enteredAt: number }[]) {
      for (const e of entries)
        if (!db.salesReady.has(`${e.leadId}#${e.cycle}`)) db.salesReady.set(`${e.leadId}#${e.cycle}`, e);
    }
    async salesReadyBetween(from: number, to: number, limit: number): Promise<SalesReadyLead[]> {
      return [...db.salesReady.values()]
        .filter((e) => e.enteredAt >= from && e.enteredAt < to)
        .sort((a, b) => a.enteredAt - b.enteredAt || a.leadId.localeCompare(b.leadId))
        .slice(0, limit)
        .map((e) => ({ ...e, facts: clone((db.leads.get(e.leadId) as LeadRecord).facts) }));
    }
    async eraseFacts(ids: readonly string[]) {
      for (const id of ids) {
        const l = db.leads.get(id);
        if (l)
          db.leads.set(id, {
            ...l,
            status: 'erased',
            ownerRepId: null,
            factsAt: null,
            facts: UNKNOWN_PROFILE,
          });
      }
    }
  }
  class Accounts extends AccountScoreStore {
    // As the pg store's conditional upsert: a stored newer score stays.
    async saveNewest(scores: readonly AccountScore[]) {
      for (const s of scores)
        if (replacesScore(db.accountScores.get(s.accountId), s)) db.accountScores.set(s.accountId, clone(s));
    }
    async findMany(ids: readonly string[]) {
      return new Map(
        ids.flatMap((id) => {
          const s = db.accountScores.get(id);
          return s === undefined ? [] : [[id, clone(s)] as const];
        }),
      );
    }
  }
  class Assignments extends AssignmentStore {
    async existing(pairs: readonly { leadId: string; causeKey: string }[]) {
      const all = new Set(db.assignments.map((a) => pairKey(a.leadId, a.causeKey)));
      return new Set(pairs.map((p) => pairKey(p.leadId, p.causeKey)).filter((k) => all.has(k)));
    }
    async insertMany(rows: readonly AssignmentRecord[]) {
      for (const r of rows) {
        if (db.assignments.some((a) => a.leadId === r.leadId && a.causeKey === r.causeKey))
          throw new Error(`duplicate key value violates unique constraint (${r.leadId}, ${r.causeKey})`);
        db.assignments.push(clone(r));
      }
    }
    async history(leadId: string) {
      return db.assignments.filter((a) => a.leadId === leadId).map(clone);
    }
    async outcomesByPool(fromDay: string, toDay: string) {
      const days = new Map<
        string,
        { poolId: string | null; day: string; held: number; queued: number; escalated: number }
      >();
      for (const a of db.assignments) {
        const day = new Date(a.occurredAt).toISOString().slice(0, 10);
        if (day < fromDay || day > toDay) continue;
        const key = `${a.poolId}|${day}`;
        const d = days.get(key) ?? { poolId: a.poolId, day, held: 0, queued: 0, escalated: 0 };
        if (a.outcome === 'held') d.held++;
        else if (a.outcome === 'queued') d.queued++;
        else if (a.outcome === 'assigned' && a.kind === 'escalation') d.escalated++;
        days.set(key, d);
      }
      return [...days.values()].filter((d) => d.held + d.queued + d.escalated > 0);
    }
  }
  class Pools extends PoolStateStore {
    async claim(ids: readonly string[], byCount: ReadonlySet<string>) {
      // As the pg store: a round robin loads only members owed a turn or away.
      return new Map(
        ids.map((id) => {
          const p = clone(db.pools.get(id) ?? newPoolState(id));
          if (!byCount.has(id))
            for (const [repId, st] of p.members) if (st.owed <= 0 && !st.away) p.members.delete(repId);
          return [id, p];
        }),
      );
    }
    async save(pools: readonly PoolState[], members: readonly MemberChange[]) {
      for (const p of pools) {
        const stored = db.pools.get(p.poolId) ?? newPoolState(p.poolId);
        db.pools.set(p.poolId, { ...clone(p), members: stored.members });
      }
      for (const m of members) {
        const stored = db.pools.get(m.poolId) as PoolState;
        const assigned = (stored.members.get(m.repId)?.assigned ?? 0) + m.assignedDelta;
        stored.members.set(m.repId, { ...clone(m.state), assigned });
      }
    }
    async loads(ids: readonly string[]) {
      return new Map(
        ids.flatMap((id) => (db.loads.has(id) ? [[id, clone(db.loads.get(id) as RepLoad)] as const] : [])),
      );
    }
    async saveLoads(loads: ReadonlyMap<string, RepLoad>) {
      for (const [id, l] of loads) db.loads.set(id, clone(l));
    }
    async addDayStats(stats: readonly RepDayStats[]) {
      for (const s of stats) {
        const key = `${s.repId}|${s.day}`;
        const d = db.days.get(key) ?? { repId: s.repId, day: s.day, assigned: 0, capped: 0, skipped: 0 };
        db.days.set(key, {
          ...d,
          assigned: d.assigned + s.assigned,
          capped: d.capped + s.capped,
          skipped: d.skipped + s.skipped,
        });
      }
    }
    async view(poolId: string): Promise<PoolView | undefined> {
      const p = db.pools.get(poolId);
      if (!p) return undefined;
      return {
        poolId,
        turn: p.turn,
        cursorRepId: p.cursorRepId,
        members: [...p.members].map(([repId, m]) => ({ repId, ...m })),
        held: [...db.held.values()].filter((h) => h.poolId === poolId).length,
      };
    }
    async dayStats(repIds: readonly string[] | null, from: string, to: string) {
      return [...db.days.values()].filter(
        (d) => d.day >= from && d.day <= to && (repIds === null || repIds.includes(d.repId)),
      );
    }
  }
  class Held extends HeldStore {
    async upsertMany(rows: readonly HeldLead[]) {
      for (const r of rows) db.held.set(r.leadId, clone(r));
    }
    async deleteMany(ids: readonly string[]) {
      for (const id of ids) db.held.delete(id);
    }
    async claimDue(now: number, limit: number) {
      return [...db.held.values()]
        .filter((h) => h.dueAt !== null && h.dueAt <= now)
        .sort((a, b) => (a.dueAt as number) - (b.dueAt as number))
        .slice(0, limit)
        .map(clone);
    }
    async rearmAll(now: number) {
      let n = 0;
      for (const h of db.held.values())
        if (h.dueAt === null || h.dueAt > now) {
          db.held.set(h.leadId, { ...h, dueAt: now });
          n++;
        }
      return n;
    }
    async inPool(poolId: string, limit: number) {
      return [...db.held.values()].filter((h) => h.poolId === poolId).slice(0, limit);
    }
  }
  class Org extends OrgStore {
    async versions(): Promise<CatalogVersions> {
      const versions = [...db.rules.keys()];
      return { orgVersion: db.orgVersion, rulesVersion: versions.length ? Math.max(...versions) : null };
    }
    async bumpVersion() {
      return ++db.orgVersion;
    }
    async allReps() {
      return [...db.reps.values()].map(clone);
    }
    async allTeams() {
      return [...db.teams.values()].map(clone);
    }
    async allAccountOwners() {
      return [...db.owners.values()].map(clone);
    }
    async rep(id: string) {
      return db.reps.get(id);
    }
    async team(id: string) {
      return db.teams.get(id);
    }
    async upsertRep(rep: Rep) {
      db.reps.set(rep.id, clone(rep));
    }
    async upsertTeam(team: Team) {
      db.teams.set(team.id, clone(team));
    }
    async upsertAccountOwner(o: AccountOwner) {
      db.owners.set(o.accountKey, clone(o));
    }
    async deleteAccountOwner(key: string) {
      return db.owners.delete(key);
    }
    async insertMissing(org: {
      reps: readonly Rep[];
      teams: readonly Team[];
      accountOwners: readonly AccountOwner[];
    }) {
      const inserted: string[] = [];
      for (const t of org.teams)
        if (!db.teams.has(t.id)) {
          db.teams.set(t.id, clone(t));
          inserted.push(`team:${t.id}`);
        }
      for (const r of org.reps)
        if (!db.reps.has(r.id)) {
          db.reps.set(r.id, clone(r));
          inserted.push(`rep:${r.id}`);
        }
      for (const o of org.accountOwners)
        if (!db.owners.has(o.accountKey)) {
          db.owners.set(o.accountKey, clone(o));
          inserted.push(`account:${o.accountKey}`);
        }
      return inserted;
    }
  }
  class Rules extends RulesStore {
    async insert(row: StoredRules) {
      if (db.rules.has(row.rules.version)) return false;
      db.rules.set(row.rules.version, clone(row));
      return true;
    }
    async get(v: number) {
      return db.rules.get(v);
    }
    async latest() {
      const versions = [...db.rules.keys()];
      return versions.length ? db.rules.get(Math.max(...versions)) : undefined;
    }
    async list() {
      return [...db.rules.values()].map((r) => ({
        version: r.rules.version,
        name: r.rules.name,
        publishedAt: r.publishedAt,
        source: r.source,
      }));
    }
  }
  class Sink extends RoutingEventSink {
    leadAssigned(event: LeadAssigned, eventId: string) {
      pending.push({ event: clone(event), eventId });
    }
  }
  return {
    leads: new Leads(),
    accounts: new Accounts(),
    assignments: new Assignments(),
    pools: new Pools(),
    held: new Held(),
    org: new Org(),
    rules: new Rules(),
    events: new Sink(),
  };
}

export class MemoryTransactions extends Transactions {
  constructor(private readonly db: MemoryDb) {
    super();
  }
  run<R>(work: (tx: RoutingTx) => Promise<R>): Promise<R> {
    return this.db.transaction(work);
  }
  read<R>(work: (tx: RoutingTx) => Promise<R>): Promise<R> {
    return this.db.transaction(work);
  }
}
