import { costInPeriod, spendMetrics, type SpendMetrics } from '../../domain';
import type { Transactions } from '../ports/transactions.port';

const DAY_MS = 86_400_000;

export type SpendRow = {
  readonly key: string;
  readonly currency: string;
  readonly costMinor: string;
  readonly revenueMinor: string;
  readonly won: number;
  readonly sql: number;
  readonly opportunities: number;
} & SpendMetrics;

/**
 * Spend against credit over a period under one model: per channel or campaign and currency, the
 * cost (prorated by day), the won revenue credited, ROAS, CAC, cost per SQL and ROI; and per
 * campaign the lead-to-opportunity conversion. Currencies are never added together: a group spent
 * in one currency and credited in another shows both rows, each with its own ratios.
 */
export class SpendReport {
  constructor(private readonly transactions: Transactions) {}

  execute(req: { from: number; to: number; by: 'channel' | 'campaign'; modelId: string }) {
    return this.transactions.run(async (tx) => {
      const fromDay = Math.floor(req.from / DAY_MS);
      const toDay = Math.floor((req.to - 1) / DAY_MS);
      const costs = await tx.facts.costs(fromDay, toDay);
      const totals = await tx.credits.totals({
        from: req.from,
        to: req.to,
        modelIds: [req.modelId],
        by: req.by,
        kinds: ['sql', 'opportunity', 'won'],
      });
      type Acc = { cost: bigint; revenue: bigint; won: number; sql: number; opportunities: number };
      const groups = new Map<string, Acc>();
      const acc = (key: string, currency: string): Acc => {
        const k = `${key}\u0000${currency}`;
        let a = groups.get(k);
        if (!a) groups.set(k, (a = { cost: 0n, revenue: 0n, won: 0, sql: 0, opportunities: 0 }));
        return a;
      };
      for (const c of costs)
        acc(req.by === 'channel' ? c.channel : c.campaignId, c.currency).cost += costInPeriod(
          c,
          fromDay,
          toDay,
        );
      // SQL and opportunity counts have no currency: they go with each currency the group spends or earns in.
      const currenciesOf = new Map<string, Set<string>>();
      for (const k of groups.keys()) {
        const [key = '', cur = ''] = k.split('\u0000');
        currenciesOf.set(key, (currenciesOf.get(key) ?? new Set()).add(cur));
      }
      for (const t of totals)
        if (t.currency) currenciesOf.set(t.key, (currenciesOf.get(t.key) ?? new Set()).add(t.currency));
      for (const t of totals) {
        if (t.conversionKind === 'won' && t.currency) acc(t.key, t.currency).revenue += t.amountMinor;
        for (const cur of t.currency ? [t.currency] : (currenciesOf.get(t.key) ?? [])) {
          const a = acc(t.key, cur);
          if (t.conversionKind === 'won') a.won += t.conversions;
          else if (t.conversionKind === 'sql') a.sql += t.conversions;
          else if (t.conversionKind === 'opportunity') a.opportunities += t.conversions;
        }
      }
      const rows: SpendRow[] = [...groups].map(([k, a]) => {
        const [key = '', currency = ''] = k.split('\u0000');
        return {
          key,
          currency,
          costMinor: a.cost.toString(),
          revenueMinor: a.revenue.toString(),
          won: a.won,
          sql: a.sql,
          opportunities: a.opportunities,
          ...spendMetrics({
            costMinor: a.cost,
            revenueMinor: a.revenue,
            won: a.won,
            sql: a.sql,
            opportunities: a.opportunities,
          }),
        };
      });
      rows.sort((a, b) => a.key.localeCompare(b.key) || a.currency.localeCompare(b.currency));
      const leadToOpportunity =
        req.by === 'campaign'
          ? (await tx.facts.campaignLeadConversion(req.from, req.to)).map((c) => ({
              ...c,
              rate: c.leads > 0 ? c.withOpportunity / c.leads : null,
            }))
          : [];
      return { modelId: req.modelId, rows, leadToOpportunity };
    });
  }
}
