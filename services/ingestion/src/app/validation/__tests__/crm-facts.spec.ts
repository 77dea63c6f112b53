import {
  parseCampaignCost,
  parseDisposition,
  parseOpportunity,
  parseSalesActivity,
  type ValidationResult,
} from '..';

const LEAD_ID = '3d3e1eb9-69ba-5090-9c3b-c6e3ec52634e';
const AT = '2024-05-01T12:00:00Z';

function errorsOf<T>(result: ValidationResult<T>) {
  if (result.ok) throw new Error(`expected errors, got ${JSON.stringify(result.value)}`);
  return result.errors;
}

describe('sales activity', () => {
  const activity = (fields: Record<string, unknown> = {}) => ({
    activityId: 'act-1',
    leadId: LEAD_ID,
    repId: 'rep-7',
    kind: 'call',
    occurredAt: AT,
    ...fields,
  });

  it('accepts an activity and normalizes the email', () => {
    expect(
      parseSalesActivity(
        activity({
          leadId: undefined,
          email: ' Jane@ACME.com',
          outcome: 'connected',
          notes: 'Interested in Q3',
        }),
      ),
    ).toEqual({
      ok: true,
      value: {
        activityId: 'act-1',
        email: 'jane@acme.com',
        repId: 'rep-7',
        kind: 'call',
        occurredAt: AT,
        outcome: 'connected',
        notes: 'Interested in Q3',
      },
    });
  });

  it.each<[string, Record<string, unknown>, string, string]>([
    ['no lead', { leadId: undefined }, 'leadId', 'leadId or email is required'],
    ['bad leadId', { leadId: 'lead-1' }, 'leadId', 'must be a UUID'],
    ['bad email', { email: 'jane' }, 'email', 'email has no @'],
    ['bad kind', { kind: 'sms' }, 'kind', 'must be one of "call", "email", "meeting"'],
    ['no rep', { repId: undefined }, 'repId', 'is required'],
    ['no time', { occurredAt: undefined }, 'occurredAt', 'is required'],
    ['long notes', { notes: 'x'.repeat(5001) }, 'notes', 'must be at most 5000 characters'],
  ])('rejects %s', (_case, fields, path, message) => {
    expect(errorsOf(parseSalesActivity(activity(fields)))).toContainEqual({ path, message });
  });
});

describe('disposition', () => {
  const disposition = (fields: Record<string, unknown> = {}) => ({
    dispositionId: 'd-1',
    leadId: LEAD_ID,
    repId: 'rep-7',
    disposition: 'accepted',
    occurredAt: AT,
    ...fields,
  });

  it.each(['accepted', 'qualified', 'recycled'])('accepts %s without a reason', (value) => {
    expect(parseDisposition(disposition({ disposition: value })).ok).toBe(true);
  });

  it.each(['rejected', 'disqualified'])('requires a reason for %s', (value) => {
    expect(errorsOf(parseDisposition(disposition({ disposition: value })))).toEqual([
      { path: 'reason', message: 'is required when the disposition is rejected or disqualified' },
    ]);
    expect(parseDisposition(disposition({ disposition: value, reason: 'no_budget' }))).toMatchObject({
      ok: true,
      value: { reason: 'no_budget' },
    });
  });

  it('only takes reasons from the list', () => {
    expect(errorsOf(parseDisposition(disposition({ disposition: 'rejected', reason: 'meh' })))[0]?.path).toBe(
      'reason',
    );
  });
});

describe('opportunity', () => {
  const opportunity = (fields: Record<string, unknown> = {}) => ({
    opportunityId: 'opp-1',
    accountDomain: 'https://www.Acme.com',
    name: 'Acme expansion',
    stage: 'Negotiation',
    amount: '12500.50',
    currency: 'usd',
    closeDate: '2024-06-30',
    status: 'open',
    occurredAt: AT,
    ...fields,
  });

  it('converts the amount to minor units and normalizes domain and emails', () => {
    expect(parseOpportunity(opportunity({ contactEmails: ['Jane@Acme.com'], leadIds: [LEAD_ID] }))).toEqual({
      ok: true,
      value: {
        opportunityId: 'opp-1',
        accountDomain: 'acme.com',
        name: 'Acme expansion',
        stage: 'Negotiation',
        amountMinor: 1250050,
        currency: 'USD',
        closeDate: '2024-06-30',
        status: 'open',
        leadIds: [LEAD_ID],
        contactEmails: ['jane@acme.com'],
        occurredAt: AT,
      },
    });
  });

  it('accepts a numeric amount and a currency without minor units', () => {
    expect(parseOpportunity(opportunity({ amount: 5000, currency: 'JPY' }))).toMatchObject({
      ok: true,
      value: { amountMinor: 5000, currency: 'JPY' },
    });
  });

  it.each<[string, Record<string, unknown>, string, string]>([
    ['no account', { accountDomain: undefined }, 'accountId', 'accountId or accountDomain is required'],
    ['bad domain', { accountDomain: 'acme' }, 'accountDomain', 'is not a domain name such as acme.com'],
    ['three decimals', { amount: '10.555' }, 'amount', 'USD amounts have at most 2 decimal places'],
    [
      'negative amount',
      { amount: -5 },
      'amount',
      'amount must be a non-negative decimal number such as 1234.56',
    ],
    ['unknown currency', { currency: 'ABC' }, 'currency', 'ABC is not an ISO 4217 currency code'],
    ['bad currency shape', { currency: 'dollars' }, 'currency', 'must be an ISO 4217 code such as USD'],
    ['bad status', { status: 'pending' }, 'status', 'must be one of "open", "won", "lost"'],
    ['bad close date', { closeDate: '30/06/2024' }, 'closeDate', 'must be an ISO-8601 date, e.g. 2024-05-01'],
    ['bad lead id', { leadIds: [LEAD_ID, 'x'] }, 'leadIds[1]', 'must be a UUID'],
    ['bad contact email', { contactEmails: ['a@b.co', 'nope'] }, 'contactEmails[1]', 'email has no @'],
  ])('rejects %s', (_case, fields, path, message) => {
    expect(errorsOf(parseOpportunity(opportunity(fields)))).toContainEqual({ path, message });
  });
});

describe('campaign cost', () => {
  const cost = (fields: Record<string, unknown> = {}) => ({
    costId: 'c-1',
    campaignId: 'spring-2024',
    channel: 'paid_search',
    periodStart: '2024-05-01',
    periodEnd: '2024-05-31',
    amount: 1999.99,
    currency: 'EUR',
    ...fields,
  });

  it('accepts a cost for a period, a single day included', () => {
    expect(parseCampaignCost(cost())).toEqual({
      ok: true,
      value: {
        costId: 'c-1',
        campaignId: 'spring-2024',
        channel: 'paid_search',
        periodStart: '2024-05-01',
        periodEnd: '2024-05-31',
        amountMinor: 199999,
        currency: 'EUR',
      },
    });
    expect(parseCampaignCost(cost({ periodEnd: '2024-05-01' })).ok).toBe(true);
  });

  it.each<[string, Record<string, unknown>, string, string]>([
    ['end before start', { periodEnd: '2024-04-30' }, 'periodEnd', 'must not be before periodStart'],
    [
      'unknown channel',
      { channel: 'tv' },
      'channel',
      expect.stringContaining('must be one of paid_search') as unknown as string,
    ],
    ['no campaign', { campaignId: undefined }, 'campaignId', 'is required'],
    [
      'bad occurredAt',
      { occurredAt: '2024-05-01' },
      'occurredAt',
      'must be an ISO-8601 date-time with a time zone, e.g. 2024-05-01T12:00:00Z',
    ],
  ])('rejects %s', (_case, fields, path, message) => {
    expect(errorsOf(parseCampaignCost(cost(fields)))).toContainEqual({ path, message });
  });
});
