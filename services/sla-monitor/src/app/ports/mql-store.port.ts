/** One time a lead became an MQL (a lifecycle cycle), with the segment fields known then. */
export type MqlEntry = {
  readonly leadId: string;
  readonly cycle: number;
  readonly at: number;
  readonly region: string | null;
  readonly source: string | null;
};

/** The last evaluation of a volume policy's period (to name what a re-evaluation supersedes). */
export type VolumeEvaluationRow = {
  readonly policyId: string;
  readonly periodStart: number;
  readonly periodEnd: number;
  readonly evaluationId: string;
  readonly final: boolean;
  readonly evaluatedAt: number;
};

/** sla_monitor_mqls and sla_monitor_volume_evaluations, bound to one transaction. */
export abstract class MqlStore {
  /** Records MQL entries; returns those that were new (a repeat of a lead's cycle is ignored). */
  abstract add(entries: readonly MqlEntry[]): Promise<MqlEntry[]>;
  /** Marks the latest MQL cycle of each lead accepted by sales at `at` (the earliest acceptance wins). */
  abstract markAccepted(accepted: readonly { leadId: string; at: number }[]): Promise<void>;
  /** MQLs in [from, to) of the segment (empty lists: any), and how many of them sales accepted. */
  abstract count(
    from: number,
    to: number,
    segment: { regions: readonly string[]; sources: readonly string[] },
  ): Promise<{ mqls: number; accepted: number }>;
  abstract lastEvaluation(policyId: string, periodStart: number): Promise<VolumeEvaluationRow | undefined>;
  abstract saveEvaluation(row: VolumeEvaluationRow): Promise<void>;
  /** Closed periods (final evaluation done) of any policy that hold one of these instants. */
  abstract closedPeriodsHolding(instants: readonly number[]): Promise<VolumeEvaluationRow[]>;
  /** Fills the region and source of MQLs recorded before the lead's profile arrived (no order across topics). */
  abstract fillSegments(
    profiles: readonly { leadId: string; region: string | null; source: string | null }[],
  ): Promise<void>;
  abstract moveLeads(fromLeadIds: readonly string[], toLeadId: string): Promise<void>;
}
