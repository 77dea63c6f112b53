import { randomUUID } from 'node:crypto';
import { TOPICS } from '@smarketing/contracts';
import { disposition, fitLead, leadUpserted, opportunity, touchpoint } from './support/events';
import { OutputCollector } from './support/output-collector';
import { EventProducer, READ_KEY, startScoring, type ScoringUnderTest } from './support/scoring-harness';

/** Events in, lead-scored and lifecycle-changed out, on the real broker, registry and PostgreSQL. */
describe('scoring: from ingestion events to lead-scored and lifecycle-changed', () => {
  let scoring: ScoringUnderTest;
  const producer = new EventProducer();
  const out = new OutputCollector();
  const t0 = Date.now() - 60_000;
  const at = (seconds: number) => t0 + seconds * 1_000;

  beforeAll(async () => {
    scoring = await startScoring();
    await Promise.all([producer.connect(), out.start()]);
  });

  afterAll(async () => {
    await out?.stop();
    await producer?.close();
    await scoring?.close();
  });

  const getScore = async (leadId: string, query = '') => {
    const res = await scoring.app
      .getHttpAdapter()
      .getInstance()
      .inject({
        method: 'GET',
        url: `/v1/leads/${leadId}/score${query}`,
        headers: { authorization: `Bearer ${READ_KEY}` },
      });
    return { status: res.statusCode, body: JSON.parse(res.body) as Record<string, unknown> };
  };

  it('scores a lead into MQL and then Hot, with the explanation, and moves it to mql once', async () => {
    const lead = randomUUID();
    out.watch(lead);
    await producer.send(TOPICS.leadUpserted, [fitLead(lead, at(0))]);
    await out.until(() => out.scoredFor(lead).length === 1, 'profile score');
    await producer.send(TOPICS.touchpointRecorded, [
      touchpoint(lead, 'page_view', at(1)),
      touchpoint(lead, 'content_download', at(2)),
    ]);
    await producer.send(TOPICS.touchpointRecorded, [touchpoint(lead, 'demo_request', at(3))]);
    const hot = await out.until(
      () => out.scoredFor(lead).find((e) => e.cause === 'touchpoint:demo_request'),
      'score with the demo request',
    );

    // The table's points add up: fit 65 is an MQL on its own.
    expect(out.scoredFor(lead).map((e) => [e.total, e.band, e.previousBand])).toEqual([
      [65, 'mql', null],
      [70, 'mql', 'mql'],
      [80, 'hot', 'mql'],
      [110, 'hot', 'hot'],
    ]);
    expect(hot).toMatchObject({
      modelId: 'aligned',
      modelVersion: 1,
      fit: 65,
      engagement: 45,
      total: 110,
      band: 'hot',
      adjustments: [],
      cause: 'touchpoint:demo_request',
      occurredAt: at(3),
    });
    expect(hot.firedRules.map((r) => [r.ruleId, r.points])).toEqual(
      expect.arrayContaining([
        ['fit-employee-count', 25],
        ['fit-seniority-director', 15],
        ['engagement-demo-request', 30],
        ['engagement-content-download', 10],
        ['engagement-website-visit', 5],
      ]),
    );
    const toMql = await out.until(() => out.lifecycleFor(lead).find((e) => e.to === 'mql'), 'lead -> mql');
    expect(toMql).toMatchObject({ from: 'lead', causeKind: 'score', cycle: 1, occurredAt: at(0) });
    expect(toMql.causeDetail).toContain('band mql (score 65, model aligned v1');
    expect(toMql.causeEventId).toEqual(expect.any(String));

    const { status, body } = await getScore(lead);
    expect(status).toBe(200);
    expect(body).toMatchObject({ total: 110, band: 'hot', lifecycle: { stage: 'mql', mqlCycle: 1 } });
    // HTTP and the event explain the score with the same fields and values.
    expect({ firedRules: body.firedRules, adjustments: body.adjustments }).toEqual({
      firedRules: hot.firedRules,
      adjustments: hot.adjustments,
    });
    expect(body.firedRules).toContainEqual(
      expect.objectContaining({ ruleId: 'fit-employee-count', group: 'fit', capGroup: 'company' }),
    );
    expect(out.lifecycleFor(lead)).toHaveLength(1);

    // The guarded model, on demand: its fit cap is the one bound that changed the total.
    const guarded = await getScore(lead, '?modelId=aligned-guarded');
    expect(guarded.body).toMatchObject({
      modelId: 'aligned-guarded',
      fit: 50,
      total: 95,
      adjustments: [
        {
          kind: 'cap',
          group: 'fit',
          capGroup: null,
          limit: 50,
          before: 65,
          after: 50,
          detail: 'fit capped at 50 (was 65)',
        },
      ],
    });
  });

  it('explains a floored free-mail penalty the same way on lead-scored and over HTTP', async () => {
    const lead = randomUUID();
    out.watch(lead);
    await producer.send(TOPICS.leadUpserted, [
      leadUpserted(lead, at(5), { emailDomain: 'gmail.com', isFreeMail: true }),
    ]);
    // Topics have no mutual order: the profile first, so that the demo request is scored with the penalty.
    await out.until(() => out.scoredFor(lead).length === 1, 'profile score');
    await producer.send(TOPICS.touchpointRecorded, [touchpoint(lead, 'demo_request', at(6))]);
    const scored = await out.until(
      () => out.scoredFor(lead).find((e) => e.cause === 'touchpoint:demo_request'),
      'score with the demo request',
    );
    const floor = {
      kind: 'floor',
      group: 'fit',
      capGroup: null,
      limit: 0,
      before: -10,
      after: 0,
      detail: 'fit floored at 0 (was -10)',
    };
    expect(scored).toMatchObject({ fit: 0, engagement: 30, total: 30, adjustments: [floor] });
    expect(scored.firedRules).toContainEqual({
      ruleId: 'fit-free-mail',
      group: 'fit',
      capGroup: null,
      points: -10,
      detail: expect.any(String),
    });
    const { body } = await getScore(lead);
    expect({ firedRules: body.firedRules, adjustments: body.adjustments }).toEqual({
      firedRules: scored.firedRules,
      adjustments: [floor],
    });
  });

  it('follows sales through SAL, SQL, opportunity and customer', async () => {
    const lead = randomUUID();
    out.watch(lead);
    await producer.send(TOPICS.leadDispositioned, [disposition(lead, 'accepted', at(10))]);
    await out.until(() => out.lifecycleFor(lead).length === 1, 'sal');
    await producer.send(TOPICS.leadDispositioned, [disposition(lead, 'qualified', at(11))]);
    await out.until(() => out.lifecycleFor(lead).length === 2, 'sql');
    const opp = `opp-${randomUUID()}`;
    await producer.send(TOPICS.opportunityUpdated, [opportunity(opp, [lead], 'open', at(12), true)]);
    await out.until(() => out.lifecycleFor(lead).length === 3, 'opportunity');
    await producer.send(TOPICS.opportunityUpdated, [opportunity(opp, [lead], 'won', at(13))]);
    await out.until(() => out.lifecycleFor(lead).length === 4, 'customer');

    expect(out.lifecycleFor(lead).map((e) => [e.from, e.to, e.causeKind, e.repId])).toEqual([
      ['lead', 'sal', 'disposition', 'rep-7'],
      ['sal', 'sql', 'disposition', 'rep-7'],
      ['sql', 'opportunity', 'opportunity', null],
      ['opportunity', 'customer', 'opportunity', null],
    ]);
    // A placeholder without signals has no score.
    expect(out.scoredFor(lead)).toHaveLength(0);
  });

  it('recycles on a rejection and disqualifies on a disqualifying one, for leads seen only through touchpoints', async () => {
    const recycled = randomUUID();
    const competitor = randomUUID();
    out.watch(recycled, competitor);
    await producer.send(TOPICS.touchpointRecorded, [
      touchpoint(recycled, 'demo_request', at(20)),
      touchpoint(competitor, 'page_view', at(20)),
    ]);
    await out.until(
      () => out.scoredFor(recycled).length === 1 && out.scoredFor(competitor).length === 1,
      'placeholder scores',
    );
    expect(out.scoredFor(recycled)[0]).toMatchObject({ fit: 0, engagement: 30, total: 30, band: 'cold' });

    await producer.send(TOPICS.leadDispositioned, [
      disposition(recycled, 'rejected', at(21), 'no_budget'),
      disposition(competitor, 'rejected', at(21), 'competitor'),
    ]);
    const r = await out.until(() => out.lifecycleFor(recycled)[0], 'recycled');
    const d = await out.until(() => out.lifecycleFor(competitor)[0], 'disqualified');
    expect(r).toMatchObject({
      from: 'lead',
      to: 'recycled',
      causeKind: 'disposition',
      reason: 'no_budget',
      causeDetail: 'disposition rejected: no_budget',
    });
    expect(d).toMatchObject({ from: 'lead', to: 'disqualified', reason: 'competitor' });

    // A recycled lead returns as an MQL only on engagement after the recycle.
    await producer.send(TOPICS.leadUpserted, [fitLead(recycled, at(22))]);
    await out.until(() => out.scoredFor(recycled).length === 2, 'recycled lead re-scored');
    // Fit 65 + the demo from before the recycle: hot, but fit alone does not bring it back.
    expect(out.scoredFor(recycled)[1]).toMatchObject({ total: 95, band: 'hot' });
    expect(out.lifecycleFor(recycled)).toHaveLength(1);
    await producer.send(TOPICS.touchpointRecorded, [touchpoint(recycled, 'demo_request', at(23))]);
    const back = await out.until(() => out.lifecycleFor(recycled)[1], 'recycled -> mql');
    expect(back).toMatchObject({ from: 'recycled', to: 'mql', causeKind: 'score', cycle: 1 });
  });

  it('moves merged leads into the survivor, re-scores it, and redirects late events', async () => {
    const survivor = randomUUID();
    const anonymous = randomUUID();
    out.watch(survivor, anonymous);
    await producer.send(TOPICS.touchpointRecorded, [
      touchpoint(anonymous, 'content_download', at(30)),
      touchpoint(anonymous, 'demo_request', at(31)),
    ]);
    await producer.send(TOPICS.leadUpserted, [fitLead(survivor, at(30))]);
    await out.until(
      () => out.scoredFor(survivor).length === 1 && out.scoredFor(anonymous).length === 2,
      'scores before merge',
    );

    await producer.send(TOPICS.leadsMerged, [
      {
        leadId: survivor,
        mergedLeadIds: [anonymous],
        anonymousIds: ['anon-1'],
        reason: 'identify',
        occurredAt: at(32),
      },
    ]);
    const merged = await out.until(
      () => out.scoredFor(survivor).find((e) => e.cause === 'merge'),
      'merge score',
    );
    expect(merged).toMatchObject({
      fit: 65,
      engagement: 40,
      total: 105,
      band: 'hot',
      previousBand: 'mql',
    });
    await out.until(() => out.lifecycleFor(survivor).find((e) => e.to === 'mql'), 'survivor mql');

    await producer.send(TOPICS.touchpointRecorded, [touchpoint(anonymous, 'page_view', at(33))]);
    const late = await out.until(
      () => out.scoredFor(survivor).find((e) => e.total === 110),
      'late touchpoint lands on the survivor',
    );
    expect(late.cause).toBe('touchpoint:page_view');
    expect(out.scoredFor(anonymous)).toHaveLength(2);
    const { body } = await getScore(anonymous);
    expect(body).toMatchObject({ mergedInto: survivor, total: 110 });
  });

  it('erases a lead: signals gone, PII-free audit row kept, score no longer served', async () => {
    const lead = randomUUID();
    out.watch(lead);
    await producer.send(TOPICS.leadUpserted, [fitLead(lead, at(40))]);
    await out.until(() => out.scoredFor(lead).length === 1, 'score before erasure');
    const erasureId = randomUUID();
    await producer.send(TOPICS.leadErased, [
      { leadId: lead, erasureId, requestedBy: 'key-admin', occurredAt: at(41) },
    ]);
    const row = await out.until(async () => {
      const [r] = await scoring.db.query<Record<string, unknown>>(
        `SELECT * FROM scoring_leads WHERE lead_id = $1`,
        [lead],
      );
      return r?.erasure_id ? r : undefined;
    }, 'erasure applied');
    expect(row).toMatchObject({
      erasure_id: erasureId,
      erasure_requested_by: 'key-admin',
      profile: null,
      touchpoints: {},
      score: null,
      band: null,
    });
    expect((await getScore(lead)).status).toBe(404);

    // A late event from before the erasure is dropped.
    await producer.send(TOPICS.touchpointRecorded, [touchpoint(lead, 'demo_request', at(40))]);
    await new Promise((r) => setTimeout(r, 1_500));
    const [after] = await scoring.db.query<{ touchpoints: unknown }>(
      `SELECT touchpoints FROM scoring_leads WHERE lead_id = $1`,
      [lead],
    );
    expect(after?.touchpoints).toEqual({});
  });
});
