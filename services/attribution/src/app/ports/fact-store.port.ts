import type { Touch } from '../../domain';

/** A lead as attribution keeps it: no email, no name; only what journeys need. */
export type LeadFacts = {
  readonly leadId: string;
  readonly accountId: string | null;
  /** Lead creation (lifecycle "lead" entry, else the first lead-upserted), event time. */
  readonly createdAt: number | null;
  /** Event time of the profile the account came from (a stale upsert never overwrites a newer one). */
  readonly profileAt: number | null;
};

export type OpportunityFacts = {
  readonly opportunityId: string;
  readonly accountId: string | null;
  readonly leadIds: readonly string[];
  readonly createdAt: number;
  readonly wonAt: number | null;
  readonly status: 'open' | 'won' | 'lost' | 'unknown';
  readonly amountMinor: bigint | null;
  readonly currency: string | null;
  /** Event time of the state held (an older update never overwrites a newer one). */
  readonly stateAt: number;
};

export type CostFacts = {
  readonly costId: string;
  readonly campaignId: string;
  readonly campaignName: string | null;
  readonly channel: string;
  readonly periodStart: number;
  readonly periodEnd: number;
  readonly amountMinor: bigint;
  readonly currency: string;
  readonly recordedAt: number;
};

export type Erasure = { readonly leadId: string; readonly erasureId: string; readonly at: number };

/** The facts journeys are made of (attribution_leads, _touches, _opportunities, _costs, _erasures), in one transaction. */
export abstract class FactStore {
  /** The leads, locked for the rest of the transaction (read-modify-write). */
  abstract leads(leadIds: readonly string[]): Promise<Map<string, LeadFacts>>;
  /** The leads, not locked (recomputation only reads them; locks stay in one order: leads, then conversions). */
  abstract readLeads(leadIds: readonly string[]): Promise<Map<string, LeadFacts>>;
  /**
   * Inserts or merges leads. The merge is monotonic, so concurrent writers (a touch's placeholder,
   * a profile, a lifecycle event on other partitions) never undo each other: lead creation only
   * moves earlier, the profile time only later, and an account is only replaced by another one
   * (never by null).
   */
  abstract saveLeads(leads: readonly LeadFacts[]): Promise<void>;
  abstract leadIdsOfAccounts(accountIds: readonly string[]): Promise<Map<string, string[]>>;
  /** Inserts touches; a touch id seen before is left alone (redelivery, replay). Returns those inserted. */
  abstract addTouches(touches: readonly Touch[]): Promise<Touch[]>;
  /** The touches of the leads between from and to (inclusive), any order. */
  abstract touchesOf(leadIds: readonly string[], from: number, to: number): Promise<Touch[]>;
  /** Locked for the rest of the transaction. */
  abstract opportunities(ids: readonly string[]): Promise<Map<string, OpportunityFacts>>;
  /** Not locked (for recomputation). */
  abstract readOpportunities(ids: readonly string[]): Promise<Map<string, OpportunityFacts>>;
  abstract saveOpportunity(o: OpportunityFacts): Promise<void>;
  abstract saveCost(cost: CostFacts): Promise<void>;
  abstract costs(fromDay: number, toDay: number): Promise<CostFacts[]>;
  /** Moves everything of the merged leads to the survivor and deletes them. */
  abstract mergeLeads(survivor: string, merged: readonly string[]): Promise<void>;
  /**
   * Lead journeys for a data-driven model: every lead with a marketing touch in [from, to], its
   * channels in journey order up to its first conversion of the kind in the period (all of them
   * when it did not convert), and whether it converted. For opportunity and won, a lead converts
   * when it is a contact on an opportunity created (won) in the period.
   */
  abstract leadPaths(
    from: number,
    to: number,
    kind: 'mql' | 'sql' | 'opportunity' | 'won',
  ): Promise<{ channels: string[]; converted: boolean }[]>;
  /** Per campaign: leads with a touch of it in [from, to], and how many of them are contacts on an opportunity created after that touch. */
  abstract campaignLeadConversion(
    from: number,
    to: number,
  ): Promise<{ campaignId: string; leads: number; withOpportunity: number }[]>;
  abstract erasures(leadIds: readonly string[]): Promise<Map<string, Erasure>>;
  /** Deletes the lead's touches and row, and keeps the PII-free audit row. */
  abstract erase(erasure: Erasure): Promise<void>;
}
