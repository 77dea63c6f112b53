import type { CampaignCostRecorded, OpportunityUpdated } from '@smarketing/contracts';
import type { Envelope } from '@smarketing/messaging';
import { validateCost, validateOpportunity } from '../event-validation';

const envelope = <V>(value: V) => ({ value }) as Envelope<V>;
const cost = (over: Partial<CampaignCostRecorded>) =>
  envelope({
    costId: 'k',
    campaignId: 'c',
    campaignName: null,
    channel: 'paid_search',
    periodStart: 10,
    periodEnd: 12,
    amount: { amountMinor: 100, currency: 'EUR' },
    occurredAt: 0,
    ...over,
  } as CampaignCostRecorded);

describe('validation before any state change (a reason dead-letters the event)', () => {
  it('accepts a well-formed cost and names what is wrong in a bad one', () => {
    expect(validateCost(cost({}))).toBeUndefined();
    expect(validateCost(cost({ periodEnd: 9 }))).toBe('periodEnd 9 is before periodStart 10');
    expect(validateCost(cost({ amount: { amountMinor: -1, currency: 'EUR' } }))).toBe(
      'amount.amountMinor -1 is negative',
    );
    expect(validateCost(cost({ amount: { amountMinor: 1, currency: 'eur' } }))).toBe(
      'amount.currency "eur" is not an ISO 4217 code',
    );
  });

  it('refuses an opportunity amount that is not an exact integer or has no ISO currency', () => {
    const opp = (amount: OpportunityUpdated['amount']) =>
      envelope({ opportunityId: 'o', amount } as OpportunityUpdated);
    expect(validateOpportunity(opp(null))).toBeUndefined();
    expect(validateOpportunity(opp({ amountMinor: 2 ** 60, currency: 'USD' }))).toContain(
      'not an exact integer',
    );
    expect(validateOpportunity(opp({ amountMinor: 5, currency: 'dollars' }))).toContain('ISO 4217');
  });
});
