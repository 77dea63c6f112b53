/** A marketing touchpoint, or a sales activity counted as an offline touch where a model includes them. */
export type TouchKind = 'touchpoint' | 'sales_activity';

/**
 * One touch of a journey. `channel` is the grouping a report sums by (the touchpoint's channel, or
 * `sales` for a sales activity); `campaignId` is null when the touch carried none.
 */
export type Touch = {
  readonly id: string;
  readonly leadId: string;
  readonly at: number;
  readonly channel: string;
  readonly campaignId: string | null;
  readonly kind: TouchKind;
};

/** The milestones anchors stand on (event time, epoch ms); null when the journey never reached one. */
export type Milestones = {
  readonly leadCreatedAt: number | null;
  readonly opportunityCreatedAt: number | null;
  readonly wonAt: number | null;
};

/** The ordered touches leading to one conversion (see `journeyOf`), with its milestones. */
export type Journey = {
  readonly touches: readonly Touch[];
  readonly milestones: Milestones;
  readonly convertedAt: number;
};

/**
 * Journey order: event time, then touch id. The tie-break makes the order (and so every credit) a
 * function of the facts alone, whatever order the events arrived in.
 */
export const byJourneyOrder = (a: Touch, b: Touch): number =>
  a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
