import type { Conversion } from '../../domain';

/** attribution_conversions, in one transaction. */
export abstract class ConversionStore {
  abstract get(ids: readonly string[]): Promise<Map<string, Conversion>>;
  /** Inserts or replaces (time, revenue and account may be corrected by later facts). */
  abstract save(conversions: readonly Conversion[]): Promise<void>;
  /**
   * Conversions whose journey may hold a touch of these leads at these times: of the lead itself,
   * of an opportunity with the lead as a contact, or of the lead's accounts; converted at or after
   * the earliest time and at most `lookbackDays` after the latest.
   */
  abstract affected(
    leadIds: readonly string[],
    accountIds: readonly string[],
    from: number,
    to: number,
    lookbackDays: number,
  ): Promise<string[]>;
  /** Conversions of these leads (own milestones and opportunities they are contacts on) and accounts. */
  abstract ofLeads(leadIds: readonly string[], accountIds: readonly string[]): Promise<string[]>;
  /** Ids of the conversions of a kind in [from, to), after `after` in id order, at most `limit` (keyset pages). */
  abstract idsInPeriod(
    kind: Conversion['kind'],
    from: number,
    to: number,
    after: string,
    limit: number,
  ): Promise<string[]>;
  /** Moves the merged leads' own conversions to the survivor. */
  abstract reassignLead(survivor: string, merged: readonly string[]): Promise<void>;
  /** Nulls the lead on its conversions (erasure). */
  abstract forgetLead(leadId: string): Promise<void>;
}
