import { randomUUID } from 'node:crypto';
import { TOPICS } from '@smarketing/contracts';
import { MessagingRuntime } from '@smarketing/messaging';
import { waitFor } from '@smarketing/testing';
import aligned from '../models/aligned.v1.json';
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

/** Model publication re-scores stored signals and emits the changes; the comparison endpoint reports the numbers. */
describe('scoring models: publication, re-scoring and comparison', () => {
  let scoring: ScoringUnderTest;
  const producer = new EventProducer();
  const out = new OutputCollector();
  const t0 = Date.now() - 60_000;
  const at = (seconds: number) => t0 + seconds * 1_000;
  const [a, b, c, d] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];

  const http = async (
    method: 'GET' | 'POST',
    url: string,
    body?: unknown,
    key: string | null = ADMIN_KEY,
  ) => {
    const res = await scoring.app
      .getHttpAdapter()
      .getInstance()
      .inject({
        method,
        url,
        ...(body === undefined ? {} : { payload: body as object }),
        headers: key === null ? {} : { authorization: `Bearer ${key}` },
      });
    return { status: res.statusCode, body: JSON.parse(res.body) as Record<string, Json> };
  };

  beforeAll(async () => {
    scoring = await startScoring();
    await Promise.all([producer.connect(), out.start()]);
    out.watch(a, b, c, d);
    // a: company fit only (50) + a visit = 55, nurture; b: fit 65, mql; c: engagement 40, cold; d: 65 + 30, hot.
    await producer.send(TOPICS.leadUpserted, [
      fitLead(a, at(0), { seniority: 'unknown' }),
      fitLead(b, at(0)),
      fitLead(d, at(0)),
    ]);
    await producer.send(TOPICS.touchpointRecorded, [
      touchpoint(a, 'page_view', at(1)),
      touchpoint(c, 'content_download', at(1)),
      touchpoint(c, 'demo_request', at(2)),
      touchpoint(d, 'demo_request', at(2)),
    ]);
    await out.until(
      () =>
        out.lifecycleFor(d).length === 1 &&
        out.scoredFor(d).length === 2 &&
        out.scoredFor(c).length === 2 &&
        out.scoredFor(a).length >= 2,
      'initial scores',
    );
    await producer.send(TOPICS.leadDispositioned, [
      disposition(d, 'accepted', at(3)),
      disposition(c, 'rejected', at(3), 'bad_timing'),
    ]);
    await out.until(
      () => out.lifecycleFor(d).length === 2 && out.lifecycleFor(c).length === 1,
      'dispositions',
    );
    // From here on only the model endpoints act: stop consuming, and keep only this test's leads (the topics are shared).
    await scoring.app.get(MessagingRuntime).consumer.stop();
    await scoring.db.query(`DELETE FROM scoring_leads WHERE lead_id <> ALL($1::text[])`, [[a, b, c, d]]);
  });

  afterAll(async () => {
    await out?.stop();
    await producer?.close();
    await scoring?.close();
  });

  it('loads the bundled models at start-up, with the aligned model as the default', async () => {
    const { status, body } = await http('GET', '/v1/models', undefined, READ_KEY);
    expect(status).toBe(200);
    expect(body.models.map((m: Json) => [m.modelId, m.version, m.isDefault, m.source])).toEqual([
      ['aligned', 1, true, 'bundled'],
      ['aligned-guarded', 1, false, 'bundled'],
      ['marketing-view', 1, false, 'bundled'],
      ['sales-view', 1, false, 'bundled'],
    ]);
  });

  it('guards the admin API and answers bad documents with 400 and field paths', async () => {
    expect((await http('POST', '/v1/models', { ...aligned, version: 2 }, null)).status).toBe(401);
    expect((await http('POST', '/v1/models', { ...aligned, version: 2 }, 'not-a-key')).status).toBe(401);
    expect((await http('POST', '/v1/models', { ...aligned, version: 2 }, READ_KEY)).status).toBe(403);
    const bad = {
      ...aligned,
      version: 2,
      rules: [{ ...aligned.rules[0], points: 0 }, ...aligned.rules.slice(1)],
      bands: 'x',
    };
    const invalid = await http('POST', '/v1/models', bad);
    expect(invalid.status).toBe(400);
    expect(invalid.body.errors.map((e: Json) => e.path)).toEqual(
      expect.arrayContaining(['rules[0].points', 'bands']),
    );
    const old = await http('POST', '/v1/models', aligned);
    expect(old.status).toBe(409);
    expect(
      (await http('GET', '/v1/models/aligned/versions/x', undefined, READ_KEY)).body.errors[0].path,
    ).toBe('params.v');
  });

  it('re-scores every lead when a new default version is published and emits only the changes', async () => {
    const v2 = {
      ...aligned,
      version: 2,
      bands: [
        { band: 'hot', min: 75 },
        { band: 'mql', min: 55 },
        { band: 'nurture', min: 45 },
        { band: 'cold', min: 0 },
      ],
    };
    const published = await http('POST', '/v1/models', v2);
    expect(published.status).toBe(201);
    expect(published.body).toMatchObject({
      modelId: 'aligned',
      version: 2,
      isDefault: true,
      rescoreJobId: expect.any(String),
    });

    const job = await waitFor(
      async () => {
        const r = await http('GET', `/v1/rescore-jobs/${published.body.rescoreJobId}`, undefined, READ_KEY);
        return r.body.status === 'done' ? r.body : undefined;
      },
      { timeoutMs: 60_000, description: 're-scoring job done' },
    );
    expect(job).toMatchObject({ processed: 4, changed: 1, modelId: 'aligned', modelVersion: 2 });

    const rescored = await out.until(
      () => out.scoredFor(a).find((e) => e.cause === 'model:aligned@2'),
      're-scored lead-scored',
    );
    expect(rescored).toMatchObject({ modelVersion: 2, total: 55, band: 'mql', previousBand: 'nurture' });
    const toMql = await out.until(
      () => out.lifecycleFor(a).find((e) => e.to === 'mql'),
      'lifecycle from the new band',
    );
    expect(toMql).toMatchObject({ from: 'lead', causeKind: 'score', causeEventId: null, cycle: 1 });
    expect(toMql.causeDetail).toContain('model aligned v2');
    await new Promise((r) => setTimeout(r, 1_000));
    for (const lead of [b, c, d])
      expect(out.scoredFor(lead).filter((e) => e.cause.startsWith('model:'))).toHaveLength(0);

    const score = await http('GET', `/v1/leads/${d}/score`, undefined, READ_KEY);
    expect(score.body).toMatchObject({
      modelVersion: 2,
      total: 95,
      band: 'hot',
      lifecycle: { stage: 'sal' },
      outcome: 'accepted',
    });
    const onDemand = await http('GET', `/v1/leads/${d}/score?modelId=sales-view`, undefined, READ_KEY);
    expect(onDemand.body).toMatchObject({ modelId: 'sales-view', modelVersion: 1 });
  });

  it('compares models: band distribution, leads that change band, conversion per band', async () => {
    const res = await http(
      'POST',
      '/v1/models/compare',
      {
        models: [
          { modelId: 'aligned', version: 1 },
          { modelId: 'aligned', version: 2 },
          { modelId: 'sales-view' },
          { modelId: 'aligned-guarded' },
        ],
        at: at(10),
      },
      READ_KEY,
    );
    expect(res.status).toBe(200);
    expect(res.body.leads).toBe(4);
    const [v1, v2, sales, guarded] = res.body.models;
    expect(v1.bandCounts).toEqual({ hot: 1, mql: 1, nurture: 1, cold: 1, disqualified: 0 });
    expect(v2.bandCounts).toEqual({ hot: 1, mql: 2, nurture: 0, cold: 1, disqualified: 0 });
    expect(v2.bandChanges).toEqual([{ leadId: a, from: 'nurture', to: 'mql' }]);
    expect(v2.bandChangeCount).toBe(1);
    expect(v1.conversion.hot).toMatchObject({ leads: 1, withOutcome: 1, accepted: 1, acceptedRate: 1 });
    expect(v1.conversion.cold).toMatchObject({ leads: 1, withOutcome: 1, accepted: 0, acceptedRate: 0 });
    expect(v1.conversion.nurture).toMatchObject({ leads: 1, withOutcome: 0, acceptedRate: null });
    expect(Object.values(sales.bandCounts as Record<string, number>).reduce((s, n) => s + n, 0)).toBe(4);
    // The guarded model on the same leads: b's fit 65 is capped to 50, so b is no MQL there.
    expect(guarded).toMatchObject({ modelId: 'aligned-guarded', modelVersion: 1 });
    expect(guarded.bandChanges).toEqual([{ leadId: b, from: 'mql', to: 'nurture' }]);

    const one = await http('POST', '/v1/models/compare', { models: [{ modelId: 'aligned' }] }, READ_KEY);
    expect(one.status).toBe(400);
    expect(one.body.errors[0].path).toBe('models');
    const missing = await http(
      'POST',
      '/v1/models/compare',
      { models: [{ modelId: 'aligned' }, { modelId: 'nope' }] },
      READ_KEY,
    );
    expect(missing.status).toBe(404);
    expect(missing.body.errors[0].path).toBe('models[1]');
  });
});
