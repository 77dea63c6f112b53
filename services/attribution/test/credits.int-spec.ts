import { randomUUID } from 'node:crypto';
import { TOPICS } from '@smarketing/contracts';
import { waitFor } from '@smarketing/testing';
import bundled from '../models/default.v1.json';
import { EventProducer, startAttribution, type AttributionUnderTest } from './support/attribution-harness';
import { CreditedReader } from './support/credited-reader';
import {
  leadErased,
  leadUpserted,
  lifecycleChanged,
  opportunityUpdated,
  salesActivity,
  touchpoint,
} from './support/events';

const MODELS = bundled.models.length;
const HOUR = 3_600_000;

/**
 * Events in as their writers produce them (Avro, keyed, headers), attribution-credited out, on the
 * real broker, registry and PostgreSQL.
 */
describe('attribution on the real stack', () => {
  let s: AttributionUnderTest;
  const producer = new EventProducer();
  const credited = new CreditedReader();

  beforeAll(async () => {
    s = await startAttribution();
    await producer.connect();
    await credited.mark();
  });

  afterAll(async () => {
    await producer?.close();
    await s?.close();
  });

  it('credits a won opportunity under every model in force, revenue to the cent, and serves the credits', async () => {
    const lead = randomUUID();
    const opp = `opp-${randomUUID()}`;
    const account = `acc-${randomUUID()}`;
    const t0 = Date.now() - 10 * HOUR;
    await producer.send(TOPICS.leadUpserted, [leadUpserted(lead, t0, { accountId: account })]);
    await producer.send(TOPICS.touchpointRecorded, [
      touchpoint(lead, `${lead}-1`, t0 + HOUR, 'paid_search', { campaignId: 'spring' }),
      touchpoint(lead, `${lead}-2`, t0 + 2 * HOUR, 'paid_social'),
      touchpoint(lead, `${lead}-3`, t0 + 3 * HOUR, 'paid_search', { campaignId: 'spring' }),
    ]);
    await producer.send(TOPICS.salesActivityRecorded, [salesActivity(lead, `${lead}-call`, t0 + 4 * HOUR)]);
    await producer.send(TOPICS.lifecycleChanged, [lifecycleChanged(lead, null, 'lead', t0 + 1.5 * HOUR)]);
    await producer.send(TOPICS.opportunityUpdated, [
      opportunityUpdated(opp, t0 + 5 * HOUR, { accountId: account, leadIds: [lead], created: true }),
      opportunityUpdated(opp, t0 + 6 * HOUR, {
        accountId: account,
        leadIds: [lead],
        status: 'won',
        amount: { amountMinor: 1_000_000, currency: 'USD' },
      }),
    ]);

    const won = await credited.waitFor(
      `won:${opp}`,
      (es) => es.length >= MODELS,
      `won:${opp} credited by each model`,
    );
    expect(new Set(won.map((e) => e.modelId)).size).toBe(MODELS);
    for (const e of won) {
      expect(e).toMatchObject({
        conversionKind: 'won',
        opportunityId: opp,
        accountId: account,
        version: 1,
        supersedes: null,
      });
      expect(e.revenue).toEqual({ amountMinor: 1_000_000, currency: 'USD' });
      if (e.model !== 'time_decay_unnormalized')
        expect(e.credits.reduce((a, c) => a + (c.amountMinor ?? 0), 0)).toBe(1_000_000);
    }
    const position = won.find((e) => e.model === 'position_based');
    expect(position?.credits.map((c) => [c.channel, c.amountMinor])).toEqual([
      ['paid_search', 400_000],
      ['paid_social', 200_000],
      ['paid_search', 400_000],
    ]);
    const fullPath = won.find((e) => e.model === 'full_path');
    expect(fullPath?.credits.some((c) => c.touchKind === 'sales_activity')).toBe(true);

    const res = await s.get(`/v1/opportunities/${opp}/credits?model=linear`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      opportunityId: opp,
      credits: expect.arrayContaining([
        expect.objectContaining({
          conversionId: `won:${opp}`,
          modelId: 'linear',
          revenue: { amountMinor: '1000000', currency: 'USD' },
        }),
      ]),
    });
  });

  it('re-emits a superseding version when a touchpoint arrives late', async () => {
    const lead = randomUUID();
    const t0 = Date.now() - 10 * HOUR;
    await producer.send(TOPICS.touchpointRecorded, [touchpoint(lead, `${lead}-b`, t0 + 2 * HOUR, 'email')]);
    await producer.send(TOPICS.lifecycleChanged, [lifecycleChanged(lead, 'lead', 'mql', t0 + 3 * HOUR, 1)]);
    const id = `mql:${lead}:1`;
    const [v1] = await credited
      .waitFor(id, (es) => es.some((e) => e.model === 'linear'), `${id} v1`)
      .then((es) => es.filter((e) => e.model === 'linear'));
    await producer.send(TOPICS.touchpointRecorded, [touchpoint(lead, `${lead}-a`, t0 + HOUR, 'paid_search')]);
    const linear = (
      await credited.waitFor(id, (es) => es.filter((e) => e.model === 'linear').length >= 2, `${id} v2`)
    ).filter((e) => e.model === 'linear');
    expect(linear[1]).toMatchObject({ version: 2, supersedes: v1?.creditId });
    expect(linear[1]?.credits.map((c) => [c.touchpointId, c.weight])).toEqual([
      [`${lead}-a`, 0.5],
      [`${lead}-b`, 0.5],
    ]);
  });

  it('leaves no personal data of an erased lead', async () => {
    const lead = randomUUID();
    const t0 = Date.now() - 10 * HOUR;
    await producer.send(TOPICS.leadUpserted, [leadUpserted(lead, t0)]);
    await producer.send(TOPICS.touchpointRecorded, [touchpoint(lead, `${lead}-1`, t0 + HOUR, 'email')]);
    await producer.send(TOPICS.lifecycleChanged, [lifecycleChanged(lead, 'lead', 'mql', t0 + 2 * HOUR, 1)]);
    await credited.waitFor(`mql:${lead}:1`, (es) => es.length >= MODELS, 'mql credited');
    await producer.send(TOPICS.leadErased, [leadErased(lead, t0 + 3 * HOUR)]);
    await waitFor(
      async () =>
        (await s.db.query(`SELECT 1 FROM attribution_erasures WHERE lead_id = $1`, [lead])).length === 1 ||
        undefined,
      { description: 'erasure applied' },
    );
    expect(await s.db.query(`SELECT 1 FROM attribution_touches WHERE lead_id = $1`, [lead])).toEqual([]);
    expect(await s.db.query(`SELECT 1 FROM attribution_leads WHERE lead_id = $1`, [lead])).toEqual([]);
    expect(
      await s.db.query(`SELECT lead_id FROM attribution_conversions WHERE conversion_id = $1`, [
        `mql:${lead}:1`,
      ]),
    ).toEqual([{ lead_id: null }]);
    // attribution keeps no email, name or other profile trait anywhere.
    const columns = await s.db.query<{ column_name: string }>(
      `SELECT column_name FROM information_schema.columns WHERE table_name LIKE 'attribution_%'`,
    );
    expect(
      columns
        .map((c) => c.column_name)
        .filter((c) => /email|name$|first_name|last_name/.test(c) && c !== 'campaign_name'),
    ).toEqual([]);
  });

  it('credits won conversions with a fitted Markov model, intervals on the event, when an admin publishes it', async () => {
    const lead = randomUUID();
    const opp = `opp-${randomUUID()}`;
    const t0 = Date.now() - 10 * HOUR;
    await producer.send(TOPICS.touchpointRecorded, [
      touchpoint(lead, `${lead}-1`, t0 + HOUR, 'paid_search'),
      touchpoint(lead, `${lead}-2`, t0 + 2 * HOUR, 'email'),
    ]);
    await producer.send(TOPICS.opportunityUpdated, [
      opportunityUpdated(opp, t0 + 3 * HOUR, {
        leadIds: [lead],
        status: 'won',
        created: true,
        amount: { amountMinor: 50_000, currency: 'EUR' },
      }),
    ]);
    await credited.waitFor(`won:${opp}`, (es) => es.length >= MODELS, 'rule models first');
    const res = await s.post('/v1/data-driven/credits', {
      from: new Date(t0).toISOString(),
      to: new Date(Date.now() + 60_000).toISOString(),
      kind: 'won',
      model: 'markov',
      replicates: 20,
    });
    expect(res).toMatchObject({ status: 201, body: { modelId: 'markov:order=1:unique' } });
    const [markov] = (
      await credited.waitFor(`won:${opp}`, (es) => es.some((e) => e.model === 'markov'), 'markov credits')
    ).filter((e) => e.model === 'markov');
    expect(markov?.credits.reduce((a, c) => a + (c.amountMinor ?? 0), 0)).toBe(50_000);
    for (const c of markov?.credits ?? []) {
      expect(c.weightLow).not.toBeNull();
      expect(c.weightLow ?? 2).toBeLessThanOrEqual(c.weightHigh ?? -1);
    }
  });

  it('answers 400 naming the field of a bad settings document, and 401 without a key', async () => {
    const bad = await s.post('/v1/settings', { ...bundled, version: undefined, lookbackDays: 0 });
    expect(bad).toMatchObject({ status: 400, body: { error: 'invalid_input' } });
    expect(JSON.stringify(bad.body)).toContain('lookbackDays');
    const res = await s.get(`/v1/credits?from=2026-01-01T00:00:00Z&to=2026-02-01T00:00:00Z`, {});
    expect(res.status).toBe(401);
  });

  it('serves models side by side per channel over a period', async () => {
    const res = await s.get(
      `/v1/credits?from=${new Date(Date.now() - 86_400_000).toISOString()}&to=${new Date(Date.now() + 60_000).toISOString()}&models=first_touch,linear&kinds=won`,
    );
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ models: ['first_touch', 'linear'] });
  });
});
