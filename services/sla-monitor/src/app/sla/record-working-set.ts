import type { CalendarClock } from '../../domain/calendar-clock';
import type { SlaRecord } from '../../domain/sla-record';
import { nextTimer, scheduleOf } from '../../domain/sla-schedule';
import type { Transition } from '../../domain/sla-transitions';
import type { NewTimer } from '../ports/timer-store.port';
import type { SlaMonitorTx } from '../ports/transactions.port';
import type { CalendarClocks } from './calendar-clocks';
import { commitTransitions, type Applied } from './commit-transitions';

/**
 * The records one batch works on, locked, with their calendars: events apply to them in order
 * (each transition sees the record the previous one left), and `commit` writes the result once.
 */
export class RecordWorkingSet {
  private readonly current = new Map<string, { record: SlaRecord; clock: CalendarClock }>();
  private readonly applied: Applied[] = [];

  private constructor(
    private readonly tx: SlaMonitorTx,
    private readonly clocks: CalendarClocks,
  ) {}

  /** The records of these leads, with the leads locked first (see SlaRecordStore.lockLeads). */
  static async ofLeads(
    tx: SlaMonitorTx,
    clocks: CalendarClocks,
    leadIds: readonly string[],
  ): Promise<RecordWorkingSet> {
    const set = new RecordWorkingSet(tx, clocks);
    const unique = [...new Set(leadIds)];
    if (!unique.length) return set;
    await tx.records.lockLeads(unique);
    await set.load(await tx.records.lockByLeads(unique));
    return set;
  }

  static async ofIds(
    tx: SlaMonitorTx,
    clocks: CalendarClocks,
    ids: readonly string[],
  ): Promise<RecordWorkingSet> {
    const set = new RecordWorkingSet(tx, clocks);
    await set.load(ids.length ? await tx.records.lockByIds([...new Set(ids)]) : []);
    return set;
  }

  private async load(records: readonly SlaRecord[]): Promise<void> {
    for (const record of records)
      this.current.set(record.id, {
        record,
        clock: await this.clocks.clockFor(this.tx, record.calendar.id, record.calendar.version),
      });
  }

  /** The records of a lead as they stand now in this batch, oldest first. */
  ofLead(leadId: string): SlaRecord[] {
    return [...this.current.values()]
      .map((c) => c.record)
      .filter((r) => r.leadId === leadId)
      .sort((a, b) => a.startedAt - b.startedAt || (a.id < b.id ? -1 : 1));
  }

  get(id: string): SlaRecord | undefined {
    return this.current.get(id)?.record;
  }

  /** Adds a record just started (its transition holds the 'started' change). */
  add(t: Transition, clock: CalendarClock): void {
    this.current.set(t.record.id, { record: t.record, clock });
    this.applied.push({ before: null, t, clock });
  }

  /** Applies a transition to a record of the set. */
  apply(id: string, step: (record: SlaRecord, clock: CalendarClock) => Transition): Transition | undefined {
    const c = this.current.get(id);
    if (!c) return undefined;
    const t = step(c.record, c.clock);
    if (t.record !== c.record) {
      this.applied.push({ before: c.record, t, clock: c.clock });
      this.current.set(id, { record: t.record, clock: c.clock });
    }
    return t;
  }

  /**
   * The next timer of each of these records as they stand: for records a stale timer fired for
   * without changing them, so that their pending timer is replaced by the one their schedule needs
   * (whatever made it stale, a later calendar rule included).
   */
  nextTimers(ids: readonly string[]): NewTimer[] {
    return ids.flatMap((id) => {
      const c = this.current.get(id);
      const next = c && nextTimer(c.record, scheduleOf(c.record, c.clock));
      return next ? [{ subject: 'record' as const, subjectId: id, kind: next.kind, dueAt: next.dueAt }] : [];
    });
  }

  /** Writes the result; `firedAt`: the timer worker's "now", recorded with the steps its timers caused. */
  commit(firedAt: number | null = null): Promise<void> {
    return commitTransitions(this.tx, this.applied, firedAt);
  }
}
