import type { ConversionKind } from '../../domain';
import { modelsOf } from '../credit/recredit';
import type { CreditTotal } from '../ports/credit-store.port';
import type { Transactions } from '../ports/transactions.port';

export type PeriodRequest = {
  readonly from: number;
  readonly to: number;
  readonly by: 'channel' | 'campaign';
  /** Model ids; empty: every model in force. */
  readonly models: readonly string[];
  readonly kinds: readonly ConversionKind[];
};

export type ModelsSideBySide = {
  readonly models: readonly string[];
  /** One row per group, conversion kind and currency, with each model's conversions and revenue credited. */
  readonly rows: readonly {
    readonly key: string;
    readonly conversionKind: ConversionKind;
    readonly currency: string | null;
    readonly byModel: Readonly<Record<string, { conversions: number; amountMinor: string }>>;
  }[];
};

/** Credits per channel or campaign over a period (conversion time), several models side by side. */
export class CreditsByPeriod {
  constructor(private readonly transactions: Transactions) {}

  execute(req: PeriodRequest): Promise<ModelsSideBySide> {
    return this.transactions.run(async (tx) => {
      const settings = await tx.settings.latest();
      const models = req.models.length
        ? req.models
        : settings
          ? modelsOf(settings.settings).map((m) => m.id)
          : [];
      const totals = await tx.credits.totals({ ...req, modelIds: models });
      return { models, rows: sideBySide(totals, models) };
    });
  }
}

const sideBySide = (totals: readonly CreditTotal[], models: readonly string[]): ModelsSideBySide['rows'] => {
  const rows = new Map<
    string,
    {
      key: string;
      conversionKind: ConversionKind;
      currency: string | null;
      byModel: Record<string, { conversions: number; amountMinor: string }>;
    }
  >();
  for (const t of totals) {
    const k = JSON.stringify([t.key, t.conversionKind, t.currency]);
    let row = rows.get(k);
    if (!row) {
      row = { key: t.key, conversionKind: t.conversionKind, currency: t.currency, byModel: {} };
      for (const m of models) row.byModel[m] = { conversions: 0, amountMinor: '0' };
      rows.set(k, row);
    }
    row.byModel[t.modelId] = { conversions: t.conversions, amountMinor: t.amountMinor.toString() };
  }
  return [...rows.values()].sort((a, b) =>
    a.key === b.key ? a.conversionKind.localeCompare(b.conversionKind) : a.key.localeCompare(b.key),
  );
};
