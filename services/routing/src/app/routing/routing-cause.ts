/**
 * What makes routing act on a lead, in the order the lead's events arrived. Each carries the key
 * its decision is unique under: a redelivered or duplicated cause finds its decision there.
 */
export type RoutingCause =
  | {
      readonly type: 'sales_ready';
      readonly leadId: string;
      readonly cycle: number;
      readonly at: number;
      readonly eventId: string;
    }
  | { readonly type: 'ended'; readonly leadId: string; readonly at: number; readonly stage: string }
  | {
      readonly type: 'sla_breach';
      readonly leadId: string;
      readonly at: number;
      readonly eventId: string;
      readonly slaRecordId: string;
      /** sla-monitor's step: breached (the rule's policy decides), reassignment_requested, escalated. */
      readonly step: string;
      readonly action: 'policy' | 'reassign' | 'escalate';
      readonly repId: string | null;
    }
  | { readonly type: 'release'; readonly leadId: string; readonly cycle: number; readonly at: number };

export const causeKeyOf = (cause: RoutingCause): string | undefined => {
  switch (cause.type) {
    case 'sales_ready':
      return `cycle:${cause.cycle}`;
    case 'release':
      return `cycle:${cause.cycle}:release:${cause.at}`;
    case 'sla_breach':
      return `sla:${cause.slaRecordId}:${cause.step}`;
    case 'ended':
      return undefined;
    default: {
      const never: never = cause;
      return never;
    }
  }
};
