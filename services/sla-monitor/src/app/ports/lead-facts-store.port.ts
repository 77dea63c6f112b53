import type { Disposition } from '../../domain/sla-policy';

/**
 * What happened to a lead that an SLA clock may need later: touches and dispositions kept by event
 * time, because no order holds across topics (a touch may arrive before the assignment it answers).
 */
export type LeadFact =
  | {
      readonly kind: 'activity';
      readonly leadId: string;
      readonly repId: string;
      readonly at: number;
      readonly eventId: string;
    }
  | {
      readonly kind: 'disposition';
      readonly leadId: string;
      readonly repId: string;
      readonly at: number;
      readonly eventId: string;
      readonly disposition: Disposition;
    };

/** What is known of a lead for choosing a policy; null fields are not known yet. */
export type LeadProfile = {
  readonly leadId: string;
  readonly band: string | null;
  readonly region: string | null;
  readonly source: string | null;
};

/** sla_monitor_lead_facts and sla_monitor_lead_profiles, bound to one transaction. */
export abstract class LeadFactsStore {
  abstract addFacts(facts: readonly LeadFact[]): Promise<void>;
  abstract factsOf(leadIds: readonly string[]): Promise<LeadFact[]>;
  abstract profiles(leadIds: readonly string[]): Promise<Map<string, LeadProfile>>;
  /** Sets the given fields of the profiles (a null field leaves the stored one). */
  abstract mergeProfiles(profiles: readonly LeadProfile[]): Promise<void>;
  /** Merged leads: their facts move to the survivor. */
  abstract moveFacts(fromLeadIds: readonly string[], toLeadId: string): Promise<void>;
  /**
   * Erasure: drops the leads' facts and profiles, and keeps none that arrive for them afterwards
   * (each topic is read on its own: a touch may be read after the erasure that follows it).
   */
  abstract erase(leadIds: readonly string[]): Promise<void>;
}
