/** Days since epoch, inclusive ranges, as campaign-cost-recorded carries them. */
export type CostRecord = {
  readonly campaignId: string;
  readonly channel: string;
  readonly periodStart: number;
  readonly periodEnd: number;
  readonly amountMinor: bigint;
  readonly currency: string;
};

/**
 * The part of a cost that falls in the days [fromDay, toDay] (inclusive), spread evenly over the
 * cost's days and rounded down to the minor unit (the parts of adjacent periods may then miss a
 * unit of the whole, never add one).
 */
export const costInPeriod = (cost: CostRecord, fromDay: number, toDay: number): bigint => {
  const days = cost.periodEnd - cost.periodStart + 1;
  const overlap = Math.min(cost.periodEnd, toDay) - Math.max(cost.periodStart, fromDay) + 1;
  if (days <= 0 || overlap <= 0) return 0n;
  if (overlap >= days) return cost.amountMinor;
  return (cost.amountMinor * BigInt(overlap)) / BigInt(days);
};

/** What a group (a channel or a campaign, one currency) was credited and cost over a period. */
export type SpendInputs = {
  readonly costMinor: bigint;
  readonly revenueMinor: bigint;
  /** Fractional conversions credited to the group under the chosen model. */
  readonly won: number;
  readonly sql: number;
  readonly opportunities: number;
};

export type SpendMetrics = {
  /** Revenue credited per unit of cost. */
  readonly roas: number | null;
  /** Cost per won customer credited (minor units). */
  readonly cacMinor: number | null;
  readonly costPerSqlMinor: number | null;
  /** (revenue - cost) / cost. */
  readonly roi: number | null;
};

/** Ratios are null when their denominator is zero: "no cost" is not "infinite return". */
export const spendMetrics = (x: SpendInputs): SpendMetrics => {
  const cost = Number(x.costMinor);
  const revenue = Number(x.revenueMinor);
  return {
    roas: cost > 0 ? revenue / cost : null,
    cacMinor: x.won > 0 ? cost / x.won : null,
    costPerSqlMinor: x.sql > 0 ? cost / x.sql : null,
    roi: cost > 0 ? (revenue - cost) / cost : null,
  };
};
