import type {
  CampaignCostRecorded,
  LeadErased,
  LeadsMerged,
  LifecycleChanged,
  OpportunityUpdated,
  SalesActivityRecorded,
  TouchpointRecorded,
} from '@smarketing/contracts';
import bundled from '../../../models/default.v1.json';
import { parseAttributionSettings } from '../../domain';
import { Recredit } from '../credit/recredit';
import type { Incoming } from '../ports/transactions.port';
import { ApplyLifecycle } from '../use-cases/apply-lifecycle.use-case';
import { ApplyOpportunities } from '../use-cases/apply-opportunities.use-case';
import { EraseLeads } from '../use-cases/erase-leads.use-case';
import { MergeLeads } from '../use-cases/merge-leads.use-case';
import { RecordCosts } from '../use-cases/record-costs.use-case';
import { RecordSalesActivities } from '../use-cases/record-sales-activities.use-case';
import { RecordTouchpoints } from '../use-cases/record-touchpoints.use-case';
import { SpendReport } from '../use-cases/spend-report.use-case';
import { memoryTx, type MemoryTx } from './memory-tx';

const T0 = Date.UTC(2026, 2, 2, 9);
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const settings = parseAttributionSettings(bundled);
const MODELS = settings.models.length;

let n = 0;
const incoming = <V extends { occurredAt: number }>(value: V): Incoming<V> => ({
  eventId: `e-${++n}`,
  occurredAt: value.occurredAt,
  value,
});
const touch = (
  leadId: string,
  id: string,
  at: number,
  channel: TouchpointRecorded['channel'],
  campaignId: string | null = null,
) =>
  incoming({
    touchpointId: id,
    leadId,
    channel,
    campaignId,
    accountId: null,
    occurredAt: at,
  } as TouchpointRecorded);
const lifecycle = (
  leadId: string,
  from: LifecycleChanged['from'],
  to: LifecycleChanged['to'],
  at: number,
  cycle = 0,
) => incoming({ leadId, from, to, cycle, occurredAt: at } as LifecycleChanged);
const opportunity = (over: Partial<OpportunityUpdated>) =>
  incoming({
    opportunityId: 'opp-1',
    accountId: null,
    name: null,
    stage: 'x',
    status: 'open',
    amount: null,
    closeDate: null,
    leadIds: [],
    created: false,
    occurredAt: T0,
    ...over,
  } as OpportunityUpdated);

describe('crediting conversions from the events of their journeys', () => {
  let tx: MemoryTx;
  const recredit = new Recredit();
  const touches = new RecordTouchpoints(recredit);
  const sales = new RecordSalesActivities(recredit);
  const stages = new ApplyLifecycle(recredit);
  const opps = new ApplyOpportunities(recredit);

  beforeEach(async () => {
    tx = memoryTx();
    await tx.settings.insert({ settings, publishedAt: 0, source: 'bundled' });
  });

  const latest = (conversionId: string, modelId: string) => tx.credits.rows.get(`${conversionId} ${modelId}`);

  it('credits an MQL under every model in force, version 1, once', async () => {
    await touches.execute([touch('l1', 'a', T0, 'paid_search'), touch('l1', 'b', T0 + HOUR, 'email')], tx);
    await stages.execute(
      [lifecycle('l1', null, 'lead', T0 + 30 * 60_000), lifecycle('l1', 'lead', 'mql', T0 + 2 * HOUR, 1)],
      tx,
    );
    expect(tx.events.sent).toHaveLength(MODELS);
    expect(new Set(tx.events.sent.map((e) => e.modelId)).size).toBe(MODELS);
    for (const e of tx.events.sent) {
      expect(e).toMatchObject({
        conversionId: 'mql:l1:1',
        conversionKind: 'mql',
        leadId: 'l1',
        version: 1,
        supersedes: null,
      });
    }
    const u = tx.events.sent.find((e) => e.model === 'u_shaped');
    expect(u?.anchorsUsed).toEqual([
      { anchor: 'first', touchpointId: 'a', at: T0 },
      { anchor: 'lead_creation', touchpointId: 'a', at: T0 + 30 * 60_000 },
    ]);
    expect(u?.credits.map((c) => [c.touchpointId, c.weight])).toEqual([['a', 1]]);
    expect(u?.touchCount).toBe(2);
  });

  it('a late touchpoint re-emits a superseding version for the models whose numbers it changes, and only those', async () => {
    await touches.execute([touch('l1', 'b', T0 + HOUR, 'email')], tx);
    await stages.execute([lifecycle('l1', 'lead', 'mql', T0 + 2 * HOUR, 1)], tx);
    const v1 = latest('mql:l1:1', 'linear');
    tx.events.sent.length = 0;

    await touches.execute([touch('l1', 'a', T0, 'paid_search')], tx);
    const byModel = new Map(tx.events.sent.map((e) => [e.modelId, e]));
    expect(byModel.get('linear')).toMatchObject({ version: 2, supersedes: v1?.creditId });
    expect(byModel.get('linear')?.credits.map((c) => [c.touchpointId, c.weight])).toEqual([
      ['a', 0.5],
      ['b', 0.5],
    ]);
    expect(byModel.get('first_touch')).toMatchObject({ version: 2 });
    // The last touch is still b: its credits did not change, nothing is re-emitted for it.
    expect(byModel.has('last_touch')).toBe(false);
  });

  it('a redelivered touchpoint (same id) re-emits nothing', async () => {
    await touches.execute([touch('l1', 'a', T0, 'email')], tx);
    await stages.execute([lifecycle('l1', 'lead', 'sql', T0 + HOUR, 1)], tx);
    tx.events.sent.length = 0;
    await touches.execute([touch('l1', 'a', T0, 'email')], tx);
    expect(tx.events.sent).toEqual([]);
  });

  it('a touch after the conversion, or before the lookback window, changes nothing', async () => {
    await touches.execute([touch('l1', 'a', T0, 'email')], tx);
    await stages.execute([lifecycle('l1', 'lead', 'mql', T0 + HOUR, 1)], tx);
    tx.events.sent.length = 0;
    await touches.execute(
      [touch('l1', 'later', T0 + 2 * HOUR, 'social'), touch('l1', 'old', T0 - 91 * DAY, 'social')],
      tx,
    );
    expect(tx.events.sent).toEqual([]);
  });

  it('gives the same latest credits whatever order the events arrive in', async () => {
    const events = {
      t: [
        touch('l1', 'a', T0, 'paid_search'),
        touch('l1', 'b', T0 + HOUR, 'email'),
        touch('l1', 'c', T0 + 2 * HOUR, 'social'),
      ],
      s: [lifecycle('l1', null, 'lead', T0 + HOUR), lifecycle('l1', 'lead', 'mql', T0 + 3 * HOUR, 1)],
    };
    await touches.execute(events.t, tx);
    await stages.execute(events.s, tx);
    // The numbers (shares, amounts, anchors) are the guarantee; touchCount is as of the version.
    const numbers = () =>
      [...tx.credits.rows.values()].map((v) => [v.modelId, v.credit.credits, v.credit.anchorsUsed]);
    const first = numbers();

    tx = memoryTx();
    await tx.settings.insert({ settings, publishedAt: 0, source: 'bundled' });
    await stages.execute([...events.s].reverse(), tx);
    for (const t of [...events.t].reverse()) await touches.execute([t], tx);
    const second = numbers();
    expect(second.sort()).toEqual(first.sort());
  });

  it('credits a won opportunity of an account: every lead of the account, revenue split to the cent', async () => {
    for (const [lead, id, at, ch] of [
      ['l1', 'a', T0, 'paid_search'],
      ['l2', 'b', T0 + HOUR, 'paid_social'],
      ['l1', 'c', T0 + 2 * HOUR, 'paid_search'],
    ] as const)
      await touches.execute(
        [{ ...touch(lead, id, at, ch), value: { ...touch(lead, id, at, ch).value, accountId: 'acc' } }],
        tx,
      );
    await sales.execute(
      [
        incoming({
          activityId: 'call-1',
          leadId: 'l2',
          repId: 'r',
          kind: 'call',
          outcome: null,
          occurredAt: T0 + 3 * HOUR,
        } as SalesActivityRecorded),
      ],
      tx,
    );
    await opps.execute(
      [
        opportunity({ accountId: 'acc', leadIds: ['l1'], created: true, occurredAt: T0 + 2.5 * HOUR }),
        opportunity({
          accountId: 'acc',
          leadIds: ['l1'],
          status: 'won',
          amount: { amountMinor: 1_000_001, currency: 'USD' },
          occurredAt: T0 + 4 * HOUR,
        }),
      ],
      tx,
    );
    const won = tx.events.sent.filter((e) => e.conversionId === 'won:opp-1');
    expect(won).toHaveLength(MODELS);
    for (const e of won) {
      expect(e.revenue).toEqual({ amountMinor: 1_000_001, currency: 'USD' });
      expect(e.journeyScope).toBe('account');
      if (e.model === 'time_decay_unnormalized') continue;
      expect(e.credits.reduce((a, c) => a + (c.amountMinor ?? 0), 0)).toBe(1_000_001);
    }
    const full = won.find((e) => e.model === 'full_path');
    // Sales touches count in the full-path model (with_sales): a, b, c, the call.
    expect(full?.credits.map((c) => [c.touchpointId, c.touchKind])).toEqual([
      ['a', 'touchpoint'],
      ['b', 'touchpoint'],
      ['c', 'touchpoint'],
      ['sales:call-1', 'sales_activity'],
    ]);
    expect(won.find((e) => e.model === 'linear')?.credits).toHaveLength(3);
  });

  it('a changed amount on the won opportunity re-emits the won credits as a new version', async () => {
    await touches.execute([touch('l1', 'a', T0, 'email')], tx);
    const won = (amountMinor: number, at: number) =>
      opportunity({
        leadIds: ['l1'],
        status: 'won',
        amount: { amountMinor, currency: 'EUR' },
        occurredAt: at,
      });
    await opps.execute([won(500, T0 + HOUR)], tx);
    tx.events.sent.length = 0;
    await opps.execute([won(700, T0 + 2 * HOUR)], tx);
    const linear = tx.events.sent.filter((e) => e.conversionId === 'won:opp-1' && e.model === 'linear');
    expect(linear).toEqual([
      expect.objectContaining({ version: 2, revenue: { amountMinor: 700, currency: 'EUR' } }),
    ]);
    // Won time stays the first won update's; the opportunity conversion's numbers did not change.
    expect(linear[0]?.occurredAt).toBe(T0 + HOUR);
    expect(tx.events.sent.some((e) => e.conversionId === 'opportunity:opp-1')).toBe(false);
  });

  it('a merge moves the anonymous touches to the person and recredits', async () => {
    await touches.execute([touch('anon', 'a', T0, 'social')], tx);
    await touches.execute([touch('l1', 'b', T0 + HOUR, 'email')], tx);
    await stages.execute([lifecycle('l1', 'lead', 'mql', T0 + 2 * HOUR, 1)], tx);
    tx.events.sent.length = 0;
    await new MergeLeads(recredit).execute(
      [
        incoming({
          leadId: 'l1',
          mergedLeadIds: ['anon'],
          anonymousIds: [],
          reason: 'identify',
          occurredAt: T0 + 3 * HOUR,
        } as LeadsMerged),
      ],
      tx,
    );
    const first = tx.events.sent.find((e) => e.model === 'first_touch');
    expect(first).toMatchObject({ version: 2, conversionId: 'mql:l1:1' });
    expect(first?.credits.map((c) => [c.touchpointId, c.weight])).toEqual([['a', 1]]);
  });

  it('an erased lead leaves no touches, no lead row, no lead id on its conversions; late events before the erasure are ignored', async () => {
    await touches.execute([touch('l1', 'a', T0, 'email')], tx);
    await stages.execute([lifecycle('l1', 'lead', 'mql', T0 + HOUR, 1)], tx);
    await new EraseLeads().execute(
      [
        incoming({
          leadId: 'l1',
          erasureId: 'er-1',
          requestedBy: 'key',
          occurredAt: T0 + 2 * HOUR,
        } as LeadErased),
      ],
      tx,
    );
    await touches.execute([touch('l1', 'late', T0 + 30 * 60_000, 'social')], tx);
    expect([...tx.facts.touches.values()]).toEqual([]);
    expect(tx.facts.leadRows.has('l1')).toBe(false);
    expect(tx.conversions.rows.get('mql:l1:1')?.leadId).toBeNull();
    expect(tx.facts.erased.get('l1')).toEqual({ leadId: 'l1', erasureId: 'er-1', at: T0 + 2 * HOUR });
  });

  it('reports ROAS and CAC per campaign from costs and won credits in one currency', async () => {
    await touches.execute([touch('l1', 'a', T0, 'paid_search', 'spring')], tx);
    await opps.execute(
      [
        opportunity({
          leadIds: ['l1'],
          status: 'won',
          amount: { amountMinor: 50_000, currency: 'EUR' },
          occurredAt: T0 + HOUR,
        }),
      ],
      tx,
    );
    const day = Math.floor(T0 / DAY);
    await new RecordCosts().execute(
      [
        incoming({
          costId: 'c1',
          campaignId: 'spring',
          campaignName: null,
          channel: 'paid_search',
          periodStart: day,
          periodEnd: day,
          amount: { amountMinor: 10_000, currency: 'EUR' },
          occurredAt: T0,
        } as CampaignCostRecorded),
      ],
      tx,
    );
    const report = await new SpendReport({ run: (work) => work(tx) }).execute({
      from: T0 - DAY,
      to: T0 + DAY,
      by: 'campaign',
      modelId: 'linear',
    });
    expect(report.rows).toEqual([
      expect.objectContaining({
        key: 'spring',
        currency: 'EUR',
        costMinor: '10000',
        revenueMinor: '50000',
        won: 1,
        roas: 5,
        cacMinor: 10_000,
        roi: 4,
      }),
    ]);
  });
});
