import type { SlaChange, SlaRecord } from '../../domain/sla-record';

/** One status change as stored for the timeline (with the event id it went out under). */
export type TimelineEntry = SlaChange & {
  readonly recordId: string;
  readonly eventId: string;
  /** When the timer worker fired it (its clock), for timer steps; null for steps caused by events. */
  readonly firedAt: number | null;
};

export type AttainmentQuery = {
  readonly groupBy: 'rep' | 'team' | 'policy';
  readonly kind: 'response' | 'disposition' | null;
  /** Rows per period too (UTC day, ISO week, month) of the records' start; null: one row for [from, to). */
  readonly bucket: 'day' | 'week' | 'month' | null;
  /** Records started in [from, to). */
  readonly from: number;
  readonly to: number;
};

export type AttainmentRow = {
  readonly key: string | null;
  /** Start of the period (UTC) when bucketed, else null. */
  readonly period: number | null;
  readonly kind: string;
  readonly total: number;
  readonly met: number;
  readonly breached: number;
  readonly open: number;
  readonly cancelled: number;
  /** met / (met + breached), null when nothing was decided yet. */
  readonly attainment: number | null;
  /** Mean business time to the first action of the records that had one. */
  readonly meanFirstActionBusinessMs: number | null;
};

/** sla_monitor_records and their timeline, bound to one transaction. */
export abstract class SlaRecordStore {
  /**
   * Serialises work on these leads across topics until the transaction ends: an assignment and a
   * touch of one lead arrive on different topics, so their batches may run at once, and each must
   * see what the other committed (the touch kept as a fact, or the record it should meet).
   */
  abstract lockLeads(leadIds: readonly string[]): Promise<void>;
  /** Every record of the leads, locked for the rest of the transaction (in id order: no deadlocks). */
  abstract lockByLeads(leadIds: readonly string[]): Promise<SlaRecord[]>;
  /** The records with these ids, locked (in id order). */
  abstract lockByIds(ids: readonly string[]): Promise<SlaRecord[]>;
  /** Inserts or replaces the records; `firstActionBusinessMs` per record id for the attainment figures. */
  abstract saveMany(
    records: readonly SlaRecord[],
    firstActionBusinessMs: ReadonlyMap<string, number>,
  ): Promise<void>;
  abstract appendTimeline(entries: readonly TimelineEntry[]): Promise<void>;
  abstract find(id: string): Promise<SlaRecord | undefined>;
  abstract timeline(id: string): Promise<TimelineEntry[]>;
  /** Open records (running, warning) due before `dueBefore`, soonest first. */
  abstract openByDeadline(dueBefore: number, limit: number): Promise<SlaRecord[]>;
  abstract attainment(q: AttainmentQuery): Promise<AttainmentRow[]>;
}
