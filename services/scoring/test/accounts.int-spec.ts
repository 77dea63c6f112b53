import { randomUUID } from 'node:crypto';
import { TOPICS } from '@smarketing/contracts';
import { waitFor } from '@smarketing/testing';
import aligned from '../models/aligned.v1.json';
import alignedIcp from '../icp/aligned.v1.json';
import { disposition, fitLead, touchpoint } from './support/events';
import { OutputCollector } from './support/output-collector';
import {
  ADMIN_KEY,
  EventProducer,
  READ_KEY,
  startScoring,
  type ScoringUnderTest,
} from './support/scoring-harness';

// JSON answers are checked field by field with toMatchObject.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

/** Accounts on the ICP (buying-group roll-up, moves, merges) and backtests, on the real broker, registry and PostgreSQL. */
describe('scoring: accounts on the ICP, and backtesting', () => {
  let scoring: ScoringUnderTest;
  const producer = new EventProducer();
  const out = new OutputCollector();
  const t0 = Date.now() - 120_000;
  const at = (seconds: number) => t0 + seconds * 1_000;

  const http = async (method: 'GET' | 'POST', url: string, body?: unknown, key = ADMIN_KEY) => {
    const res = await scoring.app
      .getHttpAdapter()
      .getInstance()
      .inject({
        method,
        url,
        ...(body === undefined ? {} : { payload: body as object }),
        headers: { authorization: `Bearer ${key}` },
      });
    return { status: res.statusCode, body: JSON.parse(res.body) as Record<string, Json> };
  };

  /** A lead of the account: the account fields as ingestion's matching sets them. */
  const atAccount = (accountId: string) => ({
    accountId,
    accountDomain: `${accountId.slice(0, 8)}.example`,
    accountMatchReason: 'email domain',
    company: 'Acme',
  });

  beforeAll(async () => {
    scoring = await startScoring();
    await Promise.all([producer.connect(), out.start()]);
  });

  afterAll(async () => {
    await out?.stop();
    await producer?.close();
    await scoring?.close();
  });

  it('seeds the aligned ICP as the current one', async () => {
    const { status, body } = await http('GET', '/v1/icps', undefined, READ_KEY);
    expect(status).toBe(200);
    expect(body.icps).toEqual([
      expect.objectContaining({ icpId: 'aligned', version: 1, isCurrent: true, source: 'bundled' }),
    ]);
  });

  it('ends identify calls for three people at one company as account-scored with their coverage', async () => {
    const account = randomUUID();
    const [vp, director, manager] = [randomUUID(), randomUUID(), randomUUID()];
    out.watch(account);
    await producer.send(TOPICS.leadUpserted, [
      fitLead(vp, at(0), { seniority: 'c_level_vp', ...atAccount(account) }),
      fitLead(director, at(1), { seniority: 'director', ...atAccount(account) }),
      fitLead(manager, at(2), { seniority: 'manager', ...atAccount(account) }),
    ]);
    await producer.send(TOPICS.touchpointRecorded, [
      touchpoint(vp, 'demo_request', at(3)),
      touchpoint(director, 'content_download', at(4)),
      touchpoint(manager, 'page_view', at(5)),
    ]);
    const covered = await out.until(
      () => out.accountsFor(account).find((e) => e.engagedLeads === 3),
      'account-scored with three engaged people',
    );
    // fit (500 people, software, NA): 30 + 30 + 20; engagement (30 + 10 + 5) x 0.5 + 3 x 5 + 3 x 10
    expect(covered).toMatchObject({
      accountId: account,
      icpId: 'aligned',
      icpVersion: 1,
      fit: 80,
      engagement: 67.5,
      total: 147.5,
      tier: 'tier_1',
      band: 'hot',
      leads: 3,
      engagedLeads: 3,
      leadEngagement: 45,
      seniorityLevels: ['c_level_vp', 'director', 'manager'],
      hottestLeadId: vp,
      cause: 'lead:touchpoint',
      occurredAt: at(5),
    });
    expect(covered.firedRules.reduce((sum, r) => sum + r.points, 0)).toBe(147.5);

    const { status, body } = await http('GET', `/v1/accounts/${account}`, undefined, READ_KEY);
    expect(status).toBe(200);
    expect(body).toMatchObject({ accountId: account, tier: 'tier_1', band: 'hot', total: 147.5 });
    expect(body.members.map((m: Json) => m.leadId)).toEqual([vp, director, manager]);
    const listed = await http('GET', '/v1/accounts?tier=tier_1&band=hot&limit=500', undefined, READ_KEY);
    expect(listed.body.accounts.map((a: Json) => a.accountId)).toContain(account);
  });

  it('moves contributions on a merge and on an account change', async () => {
    const [first, second] = [randomUUID(), randomUUID()];
    const [known, anonymous] = [randomUUID(), randomUUID()];
    out.watch(first, second);
    await producer.send(TOPICS.leadUpserted, [
      fitLead(known, at(10), { seniority: 'director', ...atAccount(first) }),
    ]);
    // Anonymous activity, then identified as the known lead: its touchpoints join the account.
    await producer.send(TOPICS.touchpointRecorded, [
      touchpoint(anonymous, 'demo_request', at(11)),
      touchpoint(known, 'page_view', at(12)),
    ]);
    await out.until(
      () => out.accountsFor(first).find((e) => e.leadEngagement === 5),
      'the known lead engaged',
    );
    await producer.send(TOPICS.leadsMerged, [
      {
        leadId: known,
        mergedLeadIds: [anonymous],
        anonymousIds: [],
        reason: 'identify linked anonymousId',
        occurredAt: at(13),
      },
    ]);
    const merged = await out.until(
      () => out.accountsFor(first).find((e) => e.cause === 'lead:merge'),
      'account re-scored on the merge',
    );
    expect(merged).toMatchObject({ leads: 1, leadEngagement: 35, hottestLeadId: known });

    // The lead changes company: its contribution leaves the first account for the second.
    await producer.send(TOPICS.leadUpserted, [
      fitLead(known, at(14), { seniority: 'director', ...atAccount(second) }),
    ]);
    const left = await out.until(
      () => out.accountsFor(first).find((e) => e.leads === 0),
      'first account without the lead',
    );
    const joined = await out.until(
      () => out.accountsFor(second).find((e) => e.leads === 1),
      'second account with the lead',
    );
    expect(left).toMatchObject({
      engagedLeads: 0,
      leadEngagement: 0,
      hottestLeadId: null,
      occurredAt: at(14),
    });
    expect(joined).toMatchObject({ engagedLeads: 1, leadEngagement: 35, hottestLeadId: known });
  });

  it('refuses an invalid ICP with the path of each bad field', async () => {
    const { status, body } = await http('POST', '/v1/icps', {
      ...alignedIcp,
      version: 2,
      engagement: { ...alignedIcp.engagement, pointsPerSeniorityLevel: -1 },
    });
    expect(status).toBe(400);
    expect(body.errors).toEqual([
      {
        path: 'engagement.pointsPerSeniorityLevel',
        message: 'must be >= 0 (engagement never lowers an account)',
      },
    ]);
  });

  it('backtests a candidate model over seeded history with the expected precision and recall', async () => {
    // Its own window, after everything above: a (fit 65, MQL) accepted; b (fit 50) accepted; c (fit 50)
    // rejected; d (a visit) accepted. Published: MQLs {a}; with the MQL threshold at 50: {a, b, c}.
    const from = at(30);
    const [a, b, c, d] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
    await producer.send(TOPICS.leadUpserted, [
      fitLead(a, at(30)),
      fitLead(b, at(31), { seniority: 'unknown' }),
      fitLead(c, at(32), { seniority: 'unknown' }),
    ]);
    await producer.send(TOPICS.touchpointRecorded, [touchpoint(d, 'page_view', at(33))]);
    await producer.send(TOPICS.leadDispositioned, [
      disposition(a, 'accepted', at(40)),
      disposition(b, 'accepted', at(41)),
      disposition(c, 'rejected', at(42), 'bad_timing'),
      disposition(d, 'accepted', at(43)),
    ]);
    await waitFor(
      async () => {
        const outcomes = await Promise.all(
          [a, b, c, d].map(
            async (id) => (await http('GET', `/v1/leads/${id}/score`, undefined, READ_KEY)).body.outcome,
          ),
        );
        return outcomes.join(',') === 'accepted,accepted,rejected,accepted';
      },
      { timeoutMs: 60_000, description: 'outcomes recorded' },
    );
    const candidate = {
      ...aligned,
      version: 2,
      bands: aligned.bands.map((band) => (band.band === 'mql' ? { ...band, min: 50 } : band)),
    };
    const { status, body } = await http('POST', '/v1/backtests', {
      candidate: { model: candidate },
      from,
      to: at(35),
      sampleSize: 5,
    });
    expect(status).toBe(200);
    expect(body).toMatchObject({
      kind: 'model',
      leads: 4,
      published: {
        modelId: 'aligned',
        modelVersion: 1,
        mqls: 1,
        precisionRecall: { accepted: { positives: 3, truePositives: 1, precision: 1, recall: 0.3333 } },
      },
      candidate: {
        modelVersion: 2,
        mqls: 3,
        precisionRecall: { accepted: { positives: 3, truePositives: 2, precision: 0.6667, recall: 0.6667 } },
      },
      bandChanges: { count: 2, up: 2, down: 0 },
    });
    expect(body.summary[1]).toBe('MQLs: 1 -> 3 (+2).');
    // Nothing was written: the published model is still the only aligned version.
    const models = await http('GET', '/v1/models', undefined, READ_KEY);
    expect(
      models.body.models.filter((m: Json) => m.modelId === 'aligned').map((m: Json) => m.version),
    ).toEqual([1]);
  });

  it('refuses an invalid candidate with the field path inside it', async () => {
    const { status, body } = await http('POST', '/v1/backtests', {
      candidate: { model: { ...aligned, bands: [] } },
      from: at(0),
      to: at(1),
    });
    expect(status).toBe(400);
    expect(body.errors).toEqual(
      expect.arrayContaining([expect.objectContaining({ path: 'candidate.model.bands' })]),
    );
  });
});
