import type { LifecycleChanged, OpportunityUpdated, TouchpointRecorded } from '@smarketing/contracts';
import bundled from '../../../models/default.v1.json';
import { parseAttributionSettings } from '../../domain';
import { Recredit } from '../credit/recredit';
import type { AttributionTx, Incoming, Transactions } from '../ports/transactions.port';
import { ApplyLifecycle } from '../use-cases/apply-lifecycle.use-case';
import { ApplyOpportunities } from '../use-cases/apply-opportunities.use-case';
import { CreditsByPeriod } from '../use-cases/credits-by-period.use-case';
import { PreviewCredits } from '../use-cases/preview-credits.use-case';
import { PublishSettings } from '../use-cases/publish-settings.use-case';
import { RecordTouchpoints } from '../use-cases/record-touchpoints.use-case';
import { memoryTx, type MemoryTx } from './memory-tx';

const T0 = Date.UTC(2026, 3, 1, 8);
const HOUR = 3_600_000;
let n = 0;
const incoming = <V extends { occurredAt: number }>(value: V): Incoming<V> => ({
  eventId: `r-${++n}`,
  occurredAt: value.occurredAt,
  value,
});

describe('the read side: models side by side, previews, settings', () => {
  let tx: MemoryTx;
  let transactions: Transactions;
  const recredit = new Recredit();

  beforeEach(async () => {
    tx = memoryTx();
    transactions = { run: <R>(work: (t: AttributionTx) => Promise<R>) => work(tx) };
    await tx.settings.insert({
      settings: parseAttributionSettings(bundled),
      publishedAt: 0,
      source: 'bundled',
    });
    const touch = (id: string, at: number, channel: TouchpointRecorded['channel']) =>
      incoming({
        touchpointId: id,
        leadId: 'l1',
        channel,
        campaignId: null,
        accountId: null,
        occurredAt: at,
      } as TouchpointRecorded);
    await new RecordTouchpoints(recredit).execute(
      [
        touch('a', T0, 'paid_search'),
        touch('b', T0 + HOUR, 'email'),
        touch('c', T0 + 2 * HOUR, 'paid_search'),
      ],
      tx,
    );
    await new ApplyLifecycle(recredit).execute(
      [
        incoming({
          leadId: 'l1',
          from: 'lead',
          to: 'sql',
          cycle: 1,
          occurredAt: T0 + 3 * HOUR,
        } as LifecycleChanged),
      ],
      tx,
    );
    await new ApplyOpportunities(recredit).execute(
      [
        incoming({
          opportunityId: 'o1',
          accountId: null,
          name: null,
          stage: 'closed',
          closeDate: null,
          leadIds: ['l1'],
          status: 'won',
          amount: { amountMinor: 900, currency: 'EUR' },
          created: true,
          occurredAt: T0 + 4 * HOUR,
        } as OpportunityUpdated),
      ],
      tx,
    );
  });

  it('puts first touch and linear side by side per channel, conversions and revenue', async () => {
    const r = await new CreditsByPeriod(transactions).execute({
      from: T0,
      to: T0 + 5 * HOUR,
      by: 'channel',
      models: ['first_touch', 'linear'],
      kinds: ['won'],
    });
    expect(r.rows).toEqual([
      {
        key: 'email',
        conversionKind: 'won',
        currency: 'EUR',
        byModel: {
          first_touch: { conversions: 0, amountMinor: '0' },
          linear: { conversions: 1 / 3, amountMinor: '300' },
        },
      },
      {
        key: 'paid_search',
        conversionKind: 'won',
        currency: 'EUR',
        byModel: {
          first_touch: { conversions: 1, amountMinor: '900' },
          linear: { conversions: 2 / 3, amountMinor: '600' },
        },
      },
    ]);
  });

  it('previews a custom model on an opportunity without storing or emitting anything', async () => {
    const sent = tx.events.sent.length;
    const stored = tx.credits.rows.size;
    const [opportunity, won] = (
      await new PreviewCredits(transactions).execute('o1', {
        family: 'custom',
        name: 'ends',
        shares: { first: 70, last: 30 },
      })
    ).sort((x, y) => x.conversionId.localeCompare(y.conversionId));
    expect(opportunity?.conversionId).toBe('opportunity:o1');
    expect(won?.credit.modelId).toBe('custom:ends:first+last:70/30/0');
    expect(won?.credit.credits.map((c) => [c.touchId, c.amountMinor])).toEqual([
      ['a', 630n],
      ['c', 270n],
    ]);
    expect(tx.events.sent.length).toBe(sent);
    expect(tx.credits.rows.size).toBe(stored);
  });

  it('publishes the next settings version, refusing a bad document with the paths of its fields', async () => {
    const publish = new PublishSettings(transactions, { now: () => T0 });
    const { version: _, ...doc } = bundled;
    const bad = await publish.execute({ ...doc, lookbackDays: 0, models: [{ family: 'nope' }] });
    expect(bad.kind).toBe('invalid');
    expect(bad.kind === 'invalid' && bad.errors.map((e) => e.path)).toEqual(['lookbackDays', 'models.0']);
    expect(await publish.execute({ ...doc, version: 7 })).toEqual({
      kind: 'conflict',
      message: 'the next settings version is 2, not 7',
    });
    const good = await publish.execute({ ...doc, lookbackDays: 30 });
    expect(good.kind === 'published' && good.stored.settings).toMatchObject({ version: 2, lookbackDays: 30 });
  });
});
