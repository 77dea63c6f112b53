import type { SlaRecord } from '../../domain/sla-record';
import { scheduleOf, type SlaSchedule } from '../../domain/sla-schedule';
import type { Clock } from '../ports/clock.port';
import type { AttainmentQuery, AttainmentRow, TimelineEntry } from '../ports/sla-record-store.port';
import type { Transactions } from '../ports/transactions.port';
import type { CalendarClocks } from '../sla/calendar-clocks';

export type RecordView = {
  readonly record: SlaRecord;
  readonly schedule: SlaSchedule;
  readonly timeline: TimelineEntry[];
};

/** One SLA record with its chain (warning, deadline, escalation, reassignment) and its timeline. */
export class GetRecord {
  constructor(
    private readonly transactions: Transactions,
    private readonly clocks: CalendarClocks,
  ) {}

  execute(id: string): Promise<RecordView | undefined> {
    return this.transactions.run(async (tx) => {
      const record = await tx.records.find(id);
      if (!record) return undefined;
      const clock = await this.clocks.clockFor(tx, record.calendar.id, record.calendar.version);
      return { record, schedule: scheduleOf(record, clock), timeline: await tx.records.timeline(id) };
    });
  }
}

/** Open records (running or warned) due within `withinMs` from now (or overdue), soonest deadline first. */
export class ListAtRisk {
  constructor(
    private readonly transactions: Transactions,
    private readonly clock: Clock,
  ) {}

  execute(withinMs: number, limit: number): Promise<SlaRecord[]> {
    const dueBefore = this.clock.now() + withinMs;
    return this.transactions.run((tx) => tx.records.openByDeadline(dueBefore, limit));
  }
}

/** Attainment (met / decided) per rep, team or policy over the records started in a period. */
export class GetAttainment {
  constructor(private readonly transactions: Transactions) {}

  execute(q: AttainmentQuery): Promise<AttainmentRow[]> {
    return this.transactions.run((tx) => tx.records.attainment(q));
  }
}
