import { metricById } from '../../domain/metrics-catalog';
import { parsePeriodOrThrow } from '../dashboard/period-data';
import type { Transactions } from '../ports/transactions.port';
import { InvalidQueryError, type TargetInput } from '../queries';

/** Replaces a period's targets and owners for the metrics listed (all or nothing). */
export class SetTargets {
  constructor(private readonly transactions: Transactions) {}

  async execute(q: { readonly period: string; readonly targets: readonly TargetInput[] }): Promise<void> {
    const period = parsePeriodOrThrow(q.period);
    q.targets.forEach((t, i) => {
      if (!metricById(t.metricId))
        throw new InvalidQueryError(`targets[${i}].metricId`, `unknown metric "${t.metricId}"`);
      if (t.target !== null && !Number.isFinite(t.target))
        throw new InvalidQueryError(`targets[${i}].target`, 'target must be a finite number or null');
    });
    await this.transactions.run((tx) =>
      tx.targets.replace(
        q.targets.map((t) => ({ period: period.id, metricId: t.metricId, target: t.target, owner: t.owner })),
      ),
    );
  }
}
