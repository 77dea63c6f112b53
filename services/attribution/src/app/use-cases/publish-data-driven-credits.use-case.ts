import {
  dataDrivenJourneyCredit,
  fingerprint,
  journeyOf,
  nextVersion,
  type ChannelWeight,
  type DataDrivenSpec,
} from '../../domain';
import { conversionJourneys } from '../credit/conversion-journeys';
import { creditedEvent } from '../credit/credited-event';
import { creditIdOf } from '../credit/recredit';
import type { CreditVersion } from '../ports/credit-store.port';
import type { Transactions } from '../ports/transactions.port';
import type { DataDrivenByPeriod, DataDrivenRequest } from './data-driven-by-period.use-case';

/** Conversions credited per transaction. */
const CHUNK = 500;

/**
 * Fits a data-driven model over a period and credits each conversion of the kind in the period
 * with it (dataDrivenJourneyCredit), intervals included: stored and emitted as attribution-credited
 * versions of model `markov`/`shapley`, superseding the previous fit's. Runs in chunks of
 * conversions, one transaction each, so a large period never holds one long transaction.
 */
export class PublishDataDrivenCredits {
  constructor(
    private readonly transactions: Transactions,
    private readonly fit: DataDrivenByPeriod,
  ) {}

  async execute(
    req: DataDrivenRequest & { spec: DataDrivenSpec },
  ): Promise<{ modelId: string; conversions: number; versions: number }> {
    const { results, settingsVersion } = await this.fit.execute(req);
    const result = results[0];
    if (!result) return { modelId: '', conversions: 0, versions: 0 };
    const fitted = new Map<string, ChannelWeight>(
      result.channels.map((c) => [c.channel, { credit: c.credit, interval: c.interval }]),
    );
    let after = '';
    let conversions = 0;
    let versions = 0;
    for (;;) {
      const done = await this.transactions.run(async (tx) => {
        const ids = await tx.conversions.idsInPeriod(req.kind, req.from, req.to, after, CHUNK);
        if (!ids.length) return true;
        after = ids[ids.length - 1] ?? after;
        const settings = (await tx.settings.latest())?.settings;
        if (!settings) return true;
        const found = [...(await tx.conversions.get(ids)).values()];
        const latest = await tx.credits.latest(ids);
        const out: CreditVersion[] = [];
        for (const j of await conversionJourneys(found, settings, tx)) {
          const c = j.conversion;
          const credit = dataDrivenJourneyCredit(
            result.modelId,
            journeyOf(j.touches, c.at, j.milestones, settings, 'marketing'),
            fitted,
            c.revenue,
          );
          const print = fingerprint(
            credit,
            c.revenue ? `${c.revenue.amountMinor} ${c.revenue.currency}` : '',
          );
          const next = nextVersion(latest.get(c.id)?.get(result.modelId), print);
          if (!next) continue;
          out.push({
            conversionId: c.id,
            conversionKind: c.kind,
            convertedAt: c.at,
            modelId: result.modelId,
            family: req.spec.model,
            creditId: creditIdOf(c.id, result.modelId, next.version),
            version: next.version,
            supersedes: next.supersedes,
            fingerprint: print,
            scope: j.scope,
            currency: c.revenue?.currency ?? null,
            revenueMinor: c.revenue?.amountMinor ?? null,
            settingsVersion,
            credit,
          });
        }
        await tx.credits.save(out);
        const byId = new Map(found.map((c) => [c.id, c]));
        for (const v of out) {
          const c = byId.get(v.conversionId);
          tx.events.credited(
            creditedEvent(v, {
              leadId: c?.leadId ?? null,
              opportunityId: c?.opportunityId ?? null,
              accountId: c?.accountId ?? null,
            }),
          );
        }
        conversions += ids.length;
        versions += out.length;
        return ids.length < CHUNK;
      });
      if (done) break;
    }
    return { modelId: result.modelId, conversions, versions };
  }
}
