import type {
  AccountScored,
  AttributionCredited,
  CampaignCostRecorded,
  SlaStatusChanged,
  VolumeSlaEvaluated,
} from '@smarketing/contracts';

// The records of the other topics: each the latest version of its key, chosen by a total order
// on the event itself, so arrival order never matters.

/** A campaign cost line (campaign-cost-recorded, keyed by costId): a correction replaces it. */
export type CostRecord = {
  readonly costId: string;
  readonly at: number;
  readonly cost: CampaignCostRecorded;
};

/** The credits of one conversion (attribution-credited): the highest version wins; `firstAt` dates it. */
export type CreditRecord = {
  readonly conversionId: string;
  readonly firstAt: number;
  readonly credited: AttributionCredited;
};

/** The latest SLA record of a lead and kind (sla-status-changed): a newer record or sequence wins. */
export type SlaRecord = { readonly key: string; readonly status: SlaStatusChanged };

/** The latest evaluation of a volume policy's period (volume-sla-evaluated). */
export type VolumeRecord = { readonly key: string; readonly evaluation: VolumeSlaEvaluated };

/** An account's latest tier and band (account-scored). */
export type AccountRecord = {
  readonly accountId: string;
  readonly at: number;
  readonly tier: string;
  readonly band: string;
};

const newer = (a: number, b: number) => a > b;

export const latestCost = (known: CostRecord | undefined, next: CostRecord): CostRecord =>
  !known ||
  newer(next.at, known.at) ||
  (next.at === known.at && next.cost.amount.amountMinor > known.cost.amount.amountMinor)
    ? next
    : known;

export const latestCredit = (known: CreditRecord | undefined, next: CreditRecord): CreditRecord => {
  if (!known) return next;
  const firstAt = Math.min(known.firstAt, next.firstAt);
  const a = known.credited;
  const b = next.credited;
  const nextWins =
    b.version > a.version ||
    (b.version === a.version &&
      (b.occurredAt > a.occurredAt || (b.occurredAt === a.occurredAt && b.creditId > a.creditId)));
  return { ...(nextWins ? next : known), firstAt };
};

export const slaKey = (s: SlaStatusChanged): string => `${s.leadId}|${s.kind}`;

export const latestSla = (known: SlaRecord | undefined, next: SlaRecord): SlaRecord => {
  if (!known) return next;
  const a = known.status;
  const b = next.status;
  const nextWins =
    b.startedAt > a.startedAt ||
    (b.startedAt === a.startedAt &&
      (b.sequence > a.sequence || (b.sequence === a.sequence && b.occurredAt > a.occurredAt)));
  return nextWins ? next : known;
};

export const volumeKey = (v: VolumeSlaEvaluated): string => `${v.policyId}|${v.periodStart}`;

export const latestVolume = (known: VolumeRecord | undefined, next: VolumeRecord): VolumeRecord => {
  if (!known) return next;
  const a = known.evaluation;
  const b = next.evaluation;
  // A final evaluation closes the period: a provisional one arriving late never reopens it.
  const nextWins =
    (b.final && !a.final) ||
    (b.final === a.final &&
      (b.occurredAt > a.occurredAt || (b.occurredAt === a.occurredAt && b.evaluationId > a.evaluationId)));
  return nextWins ? next : known;
};

export const latestAccount = (
  known: AccountRecord | undefined,
  e: AccountScored,
  at: number,
): AccountRecord =>
  known && known.at >= at ? known : { accountId: e.accountId, at, tier: e.tier, band: e.band };
