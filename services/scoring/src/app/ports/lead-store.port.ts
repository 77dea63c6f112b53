import type { BacktestLead, LeadOutcome, LeadSignals } from '../../domain';
import type { LeadRecord } from '../lead/lead-record';

export type ComparableLead = { leadId: string; signals: LeadSignals; outcome?: LeadOutcome };

/** The leads table, bound to one transaction. */
export abstract class LeadStore {
  /**
   * Locks the given leads (in lead id order) for the rest of the transaction, creating placeholder
   * rows for unknown ids first (first seen at the given event time). Returns every requested lead.
   */
  abstract lockMany(firstSeenAt: ReadonlyMap<string, number>): Promise<Map<string, LeadRecord>>;
  /** Writes the leads back (one multi-row statement). */
  abstract saveMany(leads: readonly LeadRecord[]): Promise<void>;
  /** Points leads merged into any of `from` at `to`, so that merge chains stay one hop long. */
  abstract redirectMerged(from: readonly string[], to: string): Promise<void>;
  abstract find(leadId: string): Promise<LeadRecord | undefined>;
  /** Locks the next `limit` leads after `afterLeadId` (lead id order) that can be scored. */
  abstract lockChunk(afterLeadId: string | null, limit: number): Promise<LeadRecord[]>;
  /** Signals and outcomes of every live lead with signals, for model comparison. */
  abstract comparable(): Promise<ComparableLead[]>;
  /** History (profile and when it was known, touchpoints, outcome) of live leads first seen by `to`, for backtests. */
  abstract history(to: number): Promise<BacktestLead[]>;
}
