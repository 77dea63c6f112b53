import {
  CHANNEL_SYMBOLS,
  type AttributionCredited,
  type AttributionModel,
  type Channel,
} from '@smarketing/contracts';
import type { CreditVersion } from '../ports/credit-store.port';

const CHANNELS = new Set<string>(CHANNEL_SYMBOLS);
const channelOf = (c: string): Channel => (CHANNELS.has(c) ? (c as Channel) : 'other');

/** Avro longs are JavaScript numbers on the wire: an amount beyond 2^53 would lose units, so it is refused. */
const toLong = (n: bigint): number => {
  if (n > BigInt(Number.MAX_SAFE_INTEGER) || n < BigInt(Number.MIN_SAFE_INTEGER))
    throw new RangeError(`amount ${n} is beyond what attribution-credited can carry exactly`);
  return Number(n);
};

/** The attribution-credited event of one credit version. */
export const creditedEvent = (
  v: CreditVersion,
  ids: { leadId: string | null; opportunityId: string | null; accountId: string | null },
): AttributionCredited => ({
  conversionId: v.conversionId,
  conversionKind: v.conversionKind,
  leadId: ids.leadId,
  opportunityId: ids.opportunityId,
  accountId: ids.accountId,
  model: v.family as AttributionModel,
  revenue:
    v.revenueMinor !== null && v.currency !== null
      ? { amountMinor: toLong(v.revenueMinor), currency: v.currency }
      : null,
  credits: v.credit.credits.map((c) => ({
    touchpointId: c.touchId,
    campaignId: c.campaignId,
    channel: channelOf(c.channel),
    weight: c.weight,
    amountMinor: c.amountMinor === null ? null : toLong(c.amountMinor),
    touchKind: c.kind,
    touchedAt: c.at,
    anchors: [...c.anchors],
    weightLow: c.interval?.low ?? null,
    weightHigh: c.interval?.high ?? null,
  })),
  modelId: v.modelId,
  creditId: v.creditId,
  version: v.version,
  supersedes: v.supersedes,
  anchorsUsed: v.credit.anchorsUsed.map((a) => ({ anchor: a.anchor, touchpointId: a.touchId, at: a.at })),
  journeyScope: v.scope,
  touchCount: v.credit.touchCount,
  settingsVersion: v.settingsVersion,
  occurredAt: v.convertedAt,
});
