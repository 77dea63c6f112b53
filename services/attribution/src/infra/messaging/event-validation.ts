import type { CampaignCostRecorded, OpportunityUpdated } from '@smarketing/contracts';
import type { Envelope } from '@smarketing/messaging';

const CURRENCY = /^[A-Z]{3}$/;

/** Business validation before any state change: a reason dead-letters the event. */
export const validateOpportunity = (e: Envelope<OpportunityUpdated>): string | undefined => {
  const a = e.value.amount;
  if (a && !Number.isSafeInteger(a.amountMinor))
    return `amount.amountMinor ${a.amountMinor} is not an exact integer`;
  if (a && !CURRENCY.test(a.currency)) return `amount.currency "${a.currency}" is not an ISO 4217 code`;
  return undefined;
};

export const validateCost = (e: Envelope<CampaignCostRecorded>): string | undefined => {
  const v = e.value;
  if (v.periodEnd < v.periodStart) return `periodEnd ${v.periodEnd} is before periodStart ${v.periodStart}`;
  if (!Number.isSafeInteger(v.amount.amountMinor))
    return `amount.amountMinor ${v.amount.amountMinor} is not an exact integer`;
  if (v.amount.amountMinor < 0) return `amount.amountMinor ${v.amount.amountMinor} is negative`;
  if (!CURRENCY.test(v.amount.currency))
    return `amount.currency "${v.amount.currency}" is not an ISO 4217 code`;
  return undefined;
};
