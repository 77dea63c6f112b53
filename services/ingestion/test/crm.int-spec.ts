import { randomUUID } from 'node:crypto';
import { TOPICS } from '@smarketing/contracts';
import { crmFactKey, parseCrmFact, type CrmKind } from '../src/app/crm/crm-fact';
import { sourceEventId } from '../src/app/event-ids';
import { deriveAccountId, deriveLeadId, normalizeDomain, normalizeEmail } from '../src/domain';
import { startTestApp, type TestApp } from './support/ingestion-app';
import { eventsSinceSuiteStart } from './support/topic-events';

const leadIdOf = (email: string): string => {
  const n = normalizeEmail(email);
  if (!n.ok) throw new Error(email);
  return deriveLeadId(n.email);
};
/** The event id the service gives a fact from a platform key (API_KEYS: source "admin"). */
const eventIdOf = (kind: CrmKind, body: unknown): string => {
  const parsed = parseCrmFact(kind, body);
  if (!parsed.ok) throw new Error('invalid');
  return sourceEventId('admin', crmFactKey(parsed.fact));
};

describe('CRM endpoints on the real stack', () => {
  const { eventsOn } = eventsSinceSuiteStart();
  let t: TestApp;
  const run = randomUUID().slice(0, 8);
  const email = `buyer-${run}@acme-${run}.example.com`;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('maps a sales activity, a disposition, an opportunity and a campaign cost to their events', async () => {
    const activity = {
      activityId: `act-${run}`,
      email,
      repId: 'rep-1',
      kind: 'call',
      occurredAt: '2025-04-01T09:00:00Z',
      outcome: 'connected',
    };
    const disposition = {
      dispositionId: `disp-${run}`,
      email,
      repId: 'rep-1',
      disposition: 'rejected',
      reason: 'no_budget',
      occurredAt: '2025-04-02T09:00:00Z',
    };
    const opportunity = {
      opportunityId: `opp-${run}`,
      accountDomain: `www.acme-${run}.example.com`,
      name: 'Acme expansion',
      stage: 'proposal',
      amount: '12500.50',
      currency: 'usd',
      closeDate: '2025-06-30',
      status: 'open',
      contactEmails: [email],
      occurredAt: '2025-04-03T09:00:00Z',
    };
    const won = { ...opportunity, stage: 'closed won', status: 'won', occurredAt: '2025-06-30T09:00:00Z' };
    const cost = {
      costId: `cost-${run}`,
      campaignId: 'Spring Launch',
      campaignName: 'Spring launch',
      channel: 'paid_search',
      periodStart: '2025-03-01',
      periodEnd: '2025-03-31',
      amount: 5000,
      currency: 'EUR',
    };

    const responses = await Promise.all([
      t.api('POST', '/v1/crm/sales-activities', activity),
      t.api('POST', '/v1/crm/dispositions', [disposition]),
      t.api('POST', '/v1/crm/campaign-costs', cost),
    ]);
    for (const r of responses) expect(r.statusCode).toBe(200);
    expect((await t.api('POST', '/v1/crm/opportunities', opportunity)).statusCode).toBe(200);
    expect((await t.api('POST', '/v1/crm/opportunities', won)).statusCode).toBe(200);
    await t.drained();

    const leadId = leadIdOf(email);
    const [a] = await eventsOn(TOPICS.salesActivityRecorded, {
      eventIds: [eventIdOf('sales-activity', activity)],
    });
    expect(a?.value).toEqual({
      activityId: `act-${run}`,
      leadId,
      repId: 'rep-1',
      kind: 'call',
      outcome: 'connected',
      occurredAt: Date.parse('2025-04-01T09:00:00Z'),
    });
    const [d] = await eventsOn(TOPICS.leadDispositioned, {
      eventIds: [eventIdOf('disposition', disposition)],
    });
    expect(d?.value).toMatchObject({ leadId, disposition: 'rejected', reason: 'no_budget' });
    const opps = await eventsOn(TOPICS.opportunityUpdated, { keys: [`opp-${run}`] });
    expect(opps.map((o) => [o.value.status, o.value.created])).toEqual([
      ['open', true],
      ['won', false],
    ]);
    expect(opps[0]?.value).toMatchObject({
      accountId: deriveAccountId(
        normalizeDomain(`acme-${run}.example.com`) as NonNullable<ReturnType<typeof normalizeDomain>>,
      ),
      amount: { amountMinor: 1_250_050, currency: 'USD' },
      closeDate: Date.parse('2025-06-30T00:00:00Z') / 86_400_000,
      leadIds: [leadId],
    });
    const [c] = await eventsOn(TOPICS.campaignCostRecorded, { eventIds: [eventIdOf('campaign-cost', cost)] });
    expect(c?.value).toMatchObject({
      campaignId: 'spring-launch',
      channel: 'paid_search',
      amount: { amountMinor: 500_000, currency: 'EUR' },
      periodStart: Date.parse('2025-03-01T00:00:00Z') / 86_400_000,
    });
  });

  it('gives one event for a fact sent twice', async () => {
    const activity = {
      activityId: `twice-${run}`,
      email,
      repId: 'rep-2',
      kind: 'email',
      occurredAt: '2025-04-05T09:00:00Z',
    };
    expect(JSON.parse((await t.api('POST', '/v1/crm/sales-activities', activity)).body)).toMatchObject({
      accepted: 1,
    });
    expect(JSON.parse((await t.api('POST', '/v1/crm/sales-activities', activity)).body)).toMatchObject({
      accepted: 0,
      duplicates: 1,
    });
    await t.drained();
    expect(
      await eventsOn(TOPICS.salesActivityRecorded, { eventIds: [eventIdOf('sales-activity', activity)] }),
    ).toHaveLength(1);
  });

  it('answers 400 with field paths, including items of an array', async () => {
    const res = await t.api('POST', '/v1/crm/dispositions', [
      { dispositionId: 'x', email, repId: 'r', disposition: 'rejected', occurredAt: '2025-01-01T00:00:00Z' },
    ]);
    expect(res.statusCode).toBe(400);
    expect(JSON.parse(res.body).errors).toEqual([{ path: '[0].reason', message: expect.any(String) }]);
    const opp = await t.api('POST', '/v1/crm/opportunities', {
      opportunityId: 'o',
      accountDomain: 'acme.com',
      name: 'n',
      stage: 's',
      amount: '1.234',
      currency: 'USD',
      closeDate: '2025-01-01',
      status: 'open',
      occurredAt: '2025-01-01T00:00:00Z',
    });
    expect(opp.statusCode).toBe(400);
    expect(JSON.parse(opp.body).errors[0].path).toBe('amount');
  });

  it('serves an OpenAPI 3.1 document built from the schemas', async () => {
    const res = await t.api('GET', '/openapi.json');
    expect(res.statusCode).toBe(200);
    const doc = JSON.parse(res.body);
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/v1/batch', '/v1/crm/opportunities', '/v1/leads/{leadId}', '/v1/admin/keys']),
    );
    expect(doc.components.schemas.Disposition.properties.reason.enum).toContain('no_budget');
    expect(doc.paths['/v1/crm/dispositions'].post.requestBody.content['application/json'].schema).toEqual({
      anyOf: [
        { $ref: '#/components/schemas/Disposition' },
        { type: 'array', maxItems: 500, items: { $ref: '#/components/schemas/Disposition' } },
      ],
    });
    expect(doc.paths['/v1/leads/{leadId}'].delete.security).toEqual([
      { bearer: ['admin'] },
      { basic: ['admin'] },
    ]);
    // The document is public, like the probes.
    const anonymous = await t.inject({ method: 'GET', url: '/openapi.json' });
    expect(anonymous.statusCode).toBe(200);
    expect(JSON.parse(anonymous.body)).toEqual(doc);
  });
});
