import type { SlaStatusChanged, VolumeSlaEvaluated } from '@smarketing/contracts';
import type { BusinessCalendar } from '../../../domain/business-calendar';
import type { SlaPolicy } from '../../../domain/sla-policy';
import type { SlaRecord } from '../../../domain/sla-record';
import { Clock } from '../../ports/clock.port';
import { CalendarStore, PolicyStore, type Stored } from '../../ports/document-store.port';
import { LeadFactsStore, type LeadFact, type LeadProfile } from '../../ports/lead-facts-store.port';
import { MqlStore, type MqlEntry, type VolumeEvaluationRow } from '../../ports/mql-store.port';
import { SlaEventSink } from '../../ports/sla-event-sink.port';
import { SlaRecordStore, type AttainmentRow, type TimelineEntry } from '../../ports/sla-record-store.port';
import {
  TimerStore,
  type DurableTimer,
  type NewTimer,
  type TimerSubject,
} from '../../ports/timer-store.port';
import { Transactions, type Incoming, type SlaMonitorTx } from '../../ports/transactions.port';

/** Everything the stores hold: cloned per transaction, kept only when the work succeeds (a crash loses nothing committed). */
type State = {
  policies: Stored<SlaPolicy>[];
  calendars: Stored<BusinessCalendar>[];
  records: Record<string, SlaRecord>;
  timeline: TimelineEntry[];
  timers: DurableTimer[];
  nextTimerId: number;
  facts: LeadFact[];
  profiles: Record<string, LeadProfile>;
  /** Leads erased: no fact or profile is kept for them afterwards. */
  erased: Set<string>;
  mqls: (MqlEntry & { acceptedAt: number | null })[];
  evaluations: VolumeEvaluationRow[];
};

const empty = (): State => ({
  policies: [],
  calendars: [],
  records: {},
  timeline: [],
  timers: [],
  nextTimerId: 1,
  facts: [],
  profiles: {},
  erased: new Set(),
  mqls: [],
  evaluations: [],
});

class Docs<T extends { id: string; version: number }> {
  constructor(private readonly rows: Stored<T>[]) {}
  async insert(s: Stored<T>) {
    if (this.rows.some((r) => r.document.id === s.document.id && r.document.version === s.document.version))
      return false;
    this.rows.push(s);
    return true;
  }
  async get(id: string, version: number) {
    return this.rows.find((r) => r.document.id === id && r.document.version === version);
  }
  async latest(id: string) {
    return this.rows
      .filter((r) => r.document.id === id)
      .sort((a, b) => b.document.version - a.document.version)[0];
  }
  async latestAll() {
    const ids = [...new Set(this.rows.map((r) => r.document.id))];
    return (await Promise.all(ids.map((id) => this.latest(id)))).filter(
      (s): s is Stored<T> => s !== undefined,
    );
  }
  async list() {
    return [...this.rows];
  }
}

class MemoryPolicies extends PolicyStore {
  private readonly docs: Docs<SlaPolicy>;
  constructor(s: State) {
    super();
    this.docs = new Docs(s.policies);
  }
  insert = (x: Stored<SlaPolicy>) => this.docs.insert(x);
  get = (id: string, v: number) => this.docs.get(id, v);
  latest = (id: string) => this.docs.latest(id);
  latestAll = () => this.docs.latestAll();
  list = () => this.docs.list();
}

class MemoryCalendars extends CalendarStore {
  private readonly docs: Docs<BusinessCalendar>;
  constructor(s: State) {
    super();
    this.docs = new Docs(s.calendars);
  }
  insert = (x: Stored<BusinessCalendar>) => this.docs.insert(x);
  get = (id: string, v: number) => this.docs.get(id, v);
  latest = (id: string) => this.docs.latest(id);
  latestAll = () => this.docs.latestAll();
  list = () => this.docs.list();
}

class MemoryRecords extends SlaRecordStore {
  constructor(private readonly s: State) {
    super();
  }
  async lockLeads() {
    // One transaction at a time in memory: nothing to serialise.
  }
  async lockByLeads(leadIds: readonly string[]) {
    return Object.values(this.s.records).filter((r) => leadIds.includes(r.leadId));
  }
  async lockByIds(ids: readonly string[]) {
    return ids.map((id) => this.s.records[id]).filter((r): r is SlaRecord => r !== undefined);
  }
  async saveMany(records: readonly SlaRecord[]) {
    for (const r of records) this.s.records[r.id] = r;
  }
  async appendTimeline(entries: readonly TimelineEntry[]) {
    for (const e of entries) {
      if (this.s.timeline.some((t) => t.recordId === e.recordId && t.sequence === e.sequence))
        throw new Error(`duplicate timeline entry ${e.recordId}#${e.sequence}`);
      this.s.timeline.push(e);
    }
  }
  async find(id: string) {
    return this.s.records[id];
  }
  async timeline(id: string) {
    return this.s.timeline.filter((t) => t.recordId === id).sort((a, b) => a.sequence - b.sequence);
  }
  async openByDeadline(dueBefore: number, limit: number) {
    return Object.values(this.s.records)
      .filter(
        (r) =>
          (r.status === 'running' || r.status === 'warning') &&
          r.closedAt === null &&
          r.dueAt !== null &&
          r.dueAt < dueBefore,
      )
      .sort((a, b) => (a.dueAt ?? 0) - (b.dueAt ?? 0))
      .slice(0, limit);
  }
  async attainment(): Promise<AttainmentRow[]> {
    return [];
  }
}

class MemoryTimers extends TimerStore {
  constructor(private readonly s: State) {
    super();
  }
  async schedule(timers: readonly NewTimer[]) {
    for (const t of timers) this.s.timers.push({ ...t, timerId: String(this.s.nextTimerId++) });
  }
  async cancel(subject: TimerSubject, ids: readonly string[], kind?: string) {
    this.s.timers = this.s.timers.filter(
      (t) => !(t.subject === subject && ids.includes(t.subjectId) && (kind === undefined || t.kind === kind)),
    );
  }
  async lockSubjects() {
    // One transaction at a time in memory.
  }
  async claimDue(now: number, limit: number) {
    const due = this.s.timers
      .filter((t) => t.dueAt <= now)
      .sort((a, b) => a.dueAt - b.dueAt)
      .slice(0, limit);
    this.s.timers = this.s.timers.filter((t) => !due.includes(t));
    return due;
  }
  async pendingSubjects(subject: TimerSubject, ids: readonly string[]) {
    return new Set(
      this.s.timers.filter((t) => t.subject === subject && ids.includes(t.subjectId)).map((t) => t.subjectId),
    );
  }
  async nextDueAt() {
    return this.s.timers.length ? Math.min(...this.s.timers.map((t) => t.dueAt)) : null;
  }
  async pendingCount() {
    return this.s.timers.length;
  }
}

class MemoryFacts extends LeadFactsStore {
  constructor(private readonly s: State) {
    super();
  }
  async addFacts(facts: readonly LeadFact[]) {
    for (const f of facts)
      if (
        !this.s.erased.has(f.leadId) &&
        !this.s.facts.some((x) => x.leadId === f.leadId && x.eventId === f.eventId)
      )
        this.s.facts.push(f);
  }
  async factsOf(leadIds: readonly string[]) {
    return this.s.facts.filter((f) => leadIds.includes(f.leadId));
  }
  async profiles(leadIds: readonly string[]) {
    return new Map(
      leadIds.flatMap((id) => (this.s.profiles[id] ? [[id, this.s.profiles[id]] as const] : [])),
    );
  }
  async mergeProfiles(profiles: readonly LeadProfile[]) {
    for (const p of profiles) {
      if (this.s.erased.has(p.leadId)) continue;
      const old = this.s.profiles[p.leadId];
      this.s.profiles[p.leadId] = {
        leadId: p.leadId,
        band: p.band ?? old?.band ?? null,
        region: p.region ?? old?.region ?? null,
        source: p.source ?? old?.source ?? null,
      };
    }
  }
  async moveFacts(from: readonly string[], to: string) {
    this.s.facts = this.s.facts.map((f) => (from.includes(f.leadId) ? { ...f, leadId: to } : f));
  }
  async erase(leadIds: readonly string[]) {
    this.s.facts = this.s.facts.filter((f) => !leadIds.includes(f.leadId));
    for (const id of leadIds) {
      delete this.s.profiles[id];
      this.s.erased.add(id);
    }
  }
}

class MemoryMqls extends MqlStore {
  constructor(private readonly s: State) {
    super();
  }
  async add(entries: readonly MqlEntry[]) {
    const added: MqlEntry[] = [];
    for (const e of entries) {
      if (this.s.mqls.some((m) => m.leadId === e.leadId && m.cycle === e.cycle)) continue;
      this.s.mqls.push({ ...e, acceptedAt: null });
      added.push(e);
    }
    return added;
  }
  async markAccepted(accepted: readonly { leadId: string; at: number }[]) {
    for (const a of accepted) {
      const latest = this.s.mqls
        .filter((m) => m.leadId === a.leadId && m.at <= a.at)
        .sort((x, y) => y.cycle - x.cycle)[0];
      if (latest) latest.acceptedAt = latest.acceptedAt === null ? a.at : Math.min(latest.acceptedAt, a.at);
    }
  }
  async count(from: number, to: number, seg: { regions: readonly string[]; sources: readonly string[] }) {
    const inSeg = this.s.mqls.filter(
      (m) =>
        m.at >= from &&
        m.at < to &&
        (!seg.regions.length || (m.region !== null && seg.regions.includes(m.region))) &&
        (!seg.sources.length || (m.source !== null && seg.sources.includes(m.source))),
    );
    return { mqls: inSeg.length, accepted: inSeg.filter((m) => m.acceptedAt !== null).length };
  }
  async lastEvaluation(policyId: string, periodStart: number) {
    return this.s.evaluations.find((e) => e.policyId === policyId && e.periodStart === periodStart);
  }
  async saveEvaluation(row: VolumeEvaluationRow) {
    this.s.evaluations = [
      ...this.s.evaluations.filter(
        (e) => !(e.policyId === row.policyId && e.periodStart === row.periodStart),
      ),
      row,
    ];
  }
  async closedPeriodsHolding(instants: readonly number[]) {
    return this.s.evaluations.filter(
      (e) => e.final && instants.some((at) => at >= e.periodStart && at < e.periodEnd),
    );
  }
  async fillSegments(profiles: readonly { leadId: string; region: string | null; source: string | null }[]) {
    for (const p of profiles)
      for (const m of this.s.mqls.filter((x) => x.leadId === p.leadId)) {
        Object.assign(m, { region: m.region ?? p.region, source: m.source ?? p.source });
      }
  }
  async moveLeads(from: readonly string[], to: string) {
    this.s.mqls = this.s.mqls.map((m) =>
      from.includes(m.leadId) ? { ...m, leadId: to, cycle: m.cycle + 1000 } : m,
    );
  }
}

export type Published =
  | { topic: 'status'; eventId: string; value: SlaStatusChanged }
  | { topic: 'volume'; eventId: string; value: VolumeSlaEvaluated };

class MemorySink extends SlaEventSink {
  constructor(private readonly out: Published[]) {
    super();
  }
  statusChanged(value: SlaStatusChanged, eventId: string) {
    this.out.push({ topic: 'status', eventId, value });
  }
  volumeEvaluated(value: VolumeSlaEvaluated, eventId: string) {
    this.out.push({ topic: 'volume', eventId, value });
  }
}

/** The app's transactions in memory: all or nothing, like PostgreSQL's; `published` is the committed outbox. */
export class MemoryTransactions extends Transactions {
  state: State = empty();
  readonly published: Published[] = [];
  /** When set, the next transaction fails just before it would commit (a crash after the work). */
  crashBeforeCommit = false;

  async run<R>(work: (tx: SlaMonitorTx) => Promise<R>): Promise<R> {
    const draft = structuredClone(this.state);
    const out: Published[] = [];
    const result = await work(this.txOf(draft, out));
    if (this.crashBeforeCommit) {
      this.crashBeforeCommit = false;
      throw new Error('crash before commit');
    }
    this.state = draft;
    this.published.push(...out);
    return result;
  }

  private txOf(s: State, out: Published[]): SlaMonitorTx {
    return {
      policies: new MemoryPolicies(s),
      calendars: new MemoryCalendars(s),
      records: new MemoryRecords(s),
      timers: new MemoryTimers(s),
      facts: new MemoryFacts(s),
      mqls: new MemoryMqls(s),
      events: new MemorySink(out),
    };
  }

  /** Runs a batch use case in its own transaction, as a consumer batch would. */
  consume<V>(
    useCase: { execute(events: readonly Incoming<V>[], tx: SlaMonitorTx): Promise<void> },
    events: Incoming<V>[],
  ) {
    return this.run((tx) => useCase.execute(events, tx));
  }

  statusEvents(): SlaStatusChanged[] {
    return this.published.flatMap((p) => (p.topic === 'status' ? [p.value] : []));
  }

  volumeEvents(): VolumeSlaEvaluated[] {
    return this.published.flatMap((p) => (p.topic === 'volume' ? [p.value] : []));
  }
}

/** A clock the test moves. */
export class ManualClock extends Clock {
  constructor(private t: number) {
    super();
  }
  now() {
    return this.t;
  }
  set(t: number) {
    this.t = t;
  }
  advance(ms: number) {
    this.t += ms;
  }
}
