/** A lead as this service knows it: when it first saw the lead (event time, epoch ms). */
export type SeenLead = { readonly leadId: string; readonly firstSeenAt: number };

/** The __name_snake___leads table, bound to one transaction. */
export abstract class LeadStore {
  /** The known leads among `leadIds`, locked for the rest of the transaction. */
  abstract lockMany(leadIds: readonly string[]): Promise<Map<string, SeenLead>>;
  /** Inserts or replaces the given leads (one statement). */
  abstract saveMany(leads: readonly SeenLead[]): Promise<void>;
  abstract find(leadId: string): Promise<SeenLead | undefined>;
}
