import type { SalesActivityRecorded } from '@smarketing/contracts';
import { applyTouches } from '../credit/apply-touches';
import type { Recredit } from '../credit/recredit';
import type { AttributionTx, Incoming } from '../ports/transactions.port';

/** The channel sales activities are reported under (an offline touch, for the models that count them). */
export const SALES_CHANNEL = 'sales';

/** sales-activity-recorded: a rep's call, email or meeting, kept as an offline touch of the lead. */
export class RecordSalesActivities {
  constructor(private readonly recredit: Recredit) {}

  execute(events: readonly Incoming<SalesActivityRecorded>[], tx: AttributionTx): Promise<void> {
    return applyTouches(
      events.map(({ value: v }) => ({
        id: `sales:${v.activityId}`,
        leadId: v.leadId,
        at: v.occurredAt,
        channel: SALES_CHANNEL,
        campaignId: null,
        kind: 'sales_activity' as const,
        accountId: null,
      })),
      tx,
      this.recredit,
    );
  }
}
