import type { LifecycleChanged } from '@smarketing/contracts';
import type { RoutingCause } from '../routing/routing-cause';
import type { RoutingEngine } from '../routing/routing-engine';
import type { Incoming, RoutingTx } from '../ports/transactions.port';

/** Stages that end a lead's ownership: sales gave it back, or it became a customer. */
const ENDING = new Set(['recycled', 'disqualified', 'customer']);

/**
 * lifecycle-changed: a lead entering MQL is routed (once per MQL cycle, whatever the redeliveries);
 * recycled, disqualified and customer end its ownership and cancel a held lead's timer. SAL, SQL
 * and opportunity keep the owner. ("Hot" is a score band, not a stage: a hot lead is an MQL here.)
 */
export class ApplyLifecycleChanges {
  constructor(private readonly engine: RoutingEngine) {}

  async execute(events: readonly Incoming<LifecycleChanged>[], tx: RoutingTx): Promise<void> {
    const causes: RoutingCause[] = [];
    for (const { eventId, occurredAt, value } of events) {
      if (value.to === 'mql' && value.from !== 'mql')
        causes.push({
          type: 'sales_ready',
          leadId: value.leadId,
          cycle: value.cycle,
          at: occurredAt,
          eventId,
        });
      else if (ENDING.has(value.to))
        causes.push({ type: 'ended', leadId: value.leadId, at: occurredAt, stage: value.to });
    }
    await this.engine.apply(causes, tx);
  }
}
