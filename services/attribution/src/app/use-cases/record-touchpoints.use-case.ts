import type { TouchpointRecorded } from '@smarketing/contracts';
import { applyTouches } from '../credit/apply-touches';
import type { Recredit } from '../credit/recredit';
import type { AttributionTx, Incoming } from '../ports/transactions.port';

/** touchpoint-recorded: a marketing touch (channel, campaign, event time); late ones recredit what they change. */
export class RecordTouchpoints {
  constructor(private readonly recredit: Recredit) {}

  execute(events: readonly Incoming<TouchpointRecorded>[], tx: AttributionTx): Promise<void> {
    return applyTouches(
      events.map(({ value: v }) => ({
        id: v.touchpointId,
        leadId: v.leadId,
        at: v.occurredAt,
        channel: v.channel,
        campaignId: v.campaignId,
        kind: 'touchpoint' as const,
        accountId: v.accountId,
      })),
      tx,
      this.recredit,
    );
  }
}
