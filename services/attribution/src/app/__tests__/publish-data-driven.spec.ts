import type { LifecycleChanged, TouchpointRecorded } from '@smarketing/contracts';
import bundled from '../../../models/default.v1.json';
import { parseAttributionSettings } from '../../domain';
import { Recredit } from '../credit/recredit';
import type { AttributionTx, Incoming, Transactions } from '../ports/transactions.port';
import { ApplyLifecycle } from '../use-cases/apply-lifecycle.use-case';
import type { DataDrivenByPeriod } from '../use-cases/data-driven-by-period.use-case';
import { PublishDataDrivenCredits } from '../use-cases/publish-data-driven-credits.use-case';
import { RecordTouchpoints } from '../use-cases/record-touchpoints.use-case';
import { memoryTx } from './memory-tx';

const T0 = Date.UTC(2026, 4, 1);
const HOUR = 3_600_000;
let n = 0;
const incoming = <V extends { occurredAt: number }>(value: V): Incoming<V> => ({
  eventId: `p-${++n}`,
  occurredAt: value.occurredAt,
  value,
});

describe('publishing data-driven credits per conversion', () => {
  it('credits every conversion of the period with the fitted model and its intervals, then supersedes on a refit', async () => {
    const tx = memoryTx();
    const transactions: Transactions = { run: <R>(work: (t: AttributionTx) => Promise<R>) => work(tx) };
    await tx.settings.insert({
      settings: parseAttributionSettings(bundled),
      publishedAt: 0,
      source: 'bundled',
    });
    const recredit = new Recredit();
    for (const lead of ['l1', 'l2']) {
      await new RecordTouchpoints(recredit).execute(
        [
          incoming({
            touchpointId: `${lead}-a`,
            leadId: lead,
            channel: 'paid_search',
            campaignId: null,
            accountId: null,
            occurredAt: T0,
          } as TouchpointRecorded),
          incoming({
            touchpointId: `${lead}-b`,
            leadId: lead,
            channel: 'email',
            campaignId: null,
            accountId: null,
            occurredAt: T0 + HOUR,
          } as TouchpointRecorded),
        ],
        tx,
      );
      await new ApplyLifecycle(recredit).execute(
        [
          incoming({
            leadId: lead,
            from: 'lead',
            to: 'mql',
            cycle: 1,
            occurredAt: T0 + 2 * HOUR,
          } as LifecycleChanged),
        ],
        tx,
      );
    }
    const fitted = (search: number) =>
      ({
        execute: async () => ({
          settingsVersion: 1,
          results: [
            {
              modelId: 'markov:order=1:unique',
              conversions: 2,
              journeys: 2,
              exact: true,
              errorBound: 0,
              detail: new Map(),
              channels: [
                {
                  channel: 'paid_search',
                  credit: search,
                  share: search / 2,
                  interval: { low: search / 2, high: search },
                },
                {
                  channel: 'email',
                  credit: 2 - search,
                  share: 1 - search / 2,
                  interval: { low: 0, high: 2 - search },
                },
              ],
            },
          ],
        }),
      }) as unknown as DataDrivenByPeriod;
    tx.events.sent.length = 0;
    const req = { from: T0, to: T0 + 3 * HOUR, kind: 'mql' as const, spec: { model: 'markov' as const } };
    expect(await new PublishDataDrivenCredits(transactions, fitted(1.5)).execute(req)).toEqual({
      modelId: 'markov:order=1:unique',
      conversions: 2,
      versions: 2,
    });
    expect(tx.events.sent.map((e) => [e.conversionId, e.model, e.version])).toEqual([
      ['mql:l1:1', 'markov', 1],
      ['mql:l2:1', 'markov', 1],
    ]);
    expect(tx.events.sent[0]?.credits.map((c) => [c.channel, c.weight, c.weightLow, c.weightHigh])).toEqual([
      ['paid_search', 0.75, 0.75 / 1.25, 1.5 / 2],
      ['email', 0.25, 0, 0.25],
    ]);
    tx.events.sent.length = 0;
    await new PublishDataDrivenCredits(transactions, fitted(1)).execute(req);
    expect(tx.events.sent.map((e) => [e.version, e.supersedes])).toEqual([
      [2, 'mql:l1:1/markov:order=1:unique/v1'],
      [2, 'mql:l2:1/markov:order=1:unique/v1'],
    ]);
  });
});
