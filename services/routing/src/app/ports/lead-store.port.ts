import type { LeadProfile } from '../../domain';

/** Where a lead stands in routing. */
export type LeadStatus = 'new' | 'assigned' | 'queued' | 'held' | 'ended' | 'merged' | 'erased';

/**
 * A lead as routing knows it: the non-personal attributes from lead-upserted rules match on (its
 * account's score is read at routing time: routing_account_scores), and its current ownership.
 */
export type LeadRecord = {
  readonly leadId: string;
  facts: LeadProfile;
  /** Event time of the lead-upserted the facts come from (a late older one never overwrites). */
  factsAt: number | null;
  /** MQL cycle the ownership belongs to (0 before the first). */
  cycle: number;
  status: LeadStatus;
  ownerRepId: string | null;
  queueId: string | null;
  poolId: string | null;
  ruleId: string | null;
  /** Reps who held the lead in this cycle, in order (never assigned it again in the cycle). */
  heldBefore: string[];
  reassignments: number;
};

export type SalesReadyLead = {
  readonly leadId: string;
  readonly cycle: number;
  readonly enteredAt: number;
  readonly facts: LeadProfile;
};

/** routing_leads and routing_sales_ready, bound to one transaction. */
export abstract class LeadStore {
  /**
   * The leads, locked for the rest of the transaction (in id order); a lead never seen gets a
   * placeholder row first (status new), so that two transactions on one new lead queue on it.
   */
  abstract lockMany(leadIds: readonly string[]): Promise<Map<string, LeadRecord>>;
  abstract saveMany(leads: readonly LeadRecord[]): Promise<void>;
  abstract find(leadId: string): Promise<LeadRecord | undefined>;
  /** Remembers when a lead became sales-ready (what a dry run replays); a repeat is ignored. */
  abstract recordSalesReady(
    entries: readonly { leadId: string; cycle: number; enteredAt: number }[],
  ): Promise<void>;
  /** The sales-ready entries of [from, to), oldest first, with the lead's current facts. */
  abstract salesReadyBetween(from: number, to: number, limit: number): Promise<SalesReadyLead[]>;
  /** Erasure: forgets the lead's attributes, keeps its (PII-free) routing history. */
  abstract eraseFacts(leadIds: readonly string[]): Promise<void>;
}
