import type { CampaignCostRecorded } from '@smarketing/contracts';
import { costContributions } from '../../domain/contributions';
import { latestCost } from '../../domain/fact-records';
import { deltaOf, foldRecords, newestOf } from '../rollup/apply-changes';
import type { RollupSettings } from '../rollup/rollup-settings';
import type { Incoming, ReportingTx } from '../ports/transactions.port';

/** campaign-cost-recorded: the latest line per cost id, spread over its days as spend. */
export class RecordCosts {
  constructor(private readonly settings: RollupSettings) {}

  async execute(events: readonly Incoming<CampaignCostRecorded>[], tx: ReportingTx): Promise<void> {
    const changed = await foldRecords(
      tx.costs,
      events.map(({ value, occurredAt }) => ({
        key: value.costId,
        fold: (known) => latestCost(known, { costId: value.costId, at: occurredAt, cost: value }),
      })),
    );
    await tx.rollup.add(deltaOf(changed, (r) => costContributions(r, this.settings)));
    await tx.rollup.applied(newestOf(events));
  }
}
