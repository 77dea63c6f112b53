import { TOPICS, type EventOf, type TopicDef } from '@smarketing/contracts';
import { PermanentEventError, type Envelope, type EventHandler, type TxContext } from '@smarketing/messaging';
import type { Incoming, RoutingTx } from '../../app/ports/transactions.port';
import type { ApplyLifecycleChanges } from '../../app/use-cases/apply-lifecycle-changes.use-case';
import {
  UnknownReferenceError,
  type ApplySlaStatusChanges,
} from '../../app/use-cases/apply-sla-status-changes.use-case';
import type { EraseLeads } from '../../app/use-cases/erase-leads.use-case';
import type { MergeLeads } from '../../app/use-cases/merge-leads.use-case';
import type { RecordAccountScores } from '../../app/use-cases/record-account-scores.use-case';
import type { RecordLeadFacts } from '../../app/use-cases/record-lead-facts.use-case';
import { routingTx } from '../persistence/routing-tx';

type BatchUseCase<T extends TopicDef> = {
  execute(events: readonly Incoming<EventOf<T>>[], tx: RoutingTx): Promise<void>;
};

/**
 * The handler of one topic: runs its use case on each batch, in the batch's transaction. An event
 * naming a rep the org does not know is permanent: the consumer bisects the batch to it and
 * dead-letters it; the rest of the batch is applied, the partition moves on.
 */
export class RoutingHandler<T extends TopicDef> implements EventHandler<T> {
  constructor(
    readonly topic: T,
    private readonly useCase: BatchUseCase<T>,
    readonly validate?: (event: Envelope<EventOf<T>>) => string | undefined,
  ) {}

  async handle(events: readonly Envelope<EventOf<T>>[], tx: TxContext): Promise<void> {
    try {
      await this.useCase.execute(events, routingTx(tx));
    } catch (error) {
      if (error instanceof UnknownReferenceError)
        throw new PermanentEventError(error.message, 'UnknownReferenceError');
      throw error;
    }
  }
}

const nonEmpty = (field: string, value: string) => (value.trim() === '' ? `${field} is empty` : undefined);

/** Every topic routing consumes, each with its use case (the module passes them in: kafkaHandlers). */
export const routingHandlers = (
  lifecycle: ApplyLifecycleChanges,
  sla: ApplySlaStatusChanges,
  facts: RecordLeadFacts,
  merges: MergeLeads,
  erasures: EraseLeads,
  accounts: RecordAccountScores,
): EventHandler[] =>
  [
    // Sales-ready leads are routed; recycled, disqualified and customer end ownership. The hot path.
    new RoutingHandler(
      TOPICS.lifecycleChanged,
      lifecycle,
      (e) =>
        nonEmpty('leadId', e.value.leadId) ??
        (e.value.to === 'mql' && e.value.cycle < 1 ? 'cycle must be >= 1 for an MQL' : undefined),
    ),
    // SLA breaches reassign or escalate the lead.
    new RoutingHandler(TOPICS.slaStatusChanged, sla, (e) => nonEmpty('leadId', e.value.leadId)),
    // The non-personal attributes rules match on.
    new RoutingHandler(TOPICS.leadUpserted, facts, (e) => nonEmpty('leadId', e.value.leadId)),
    new RoutingHandler(TOPICS.leadsMerged, merges, (e) => nonEmpty('leadId', e.value.leadId)),
    new RoutingHandler(TOPICS.leadErased, erasures, (e) => nonEmpty('leadId', e.value.leadId)),
    // The accounts' ICP tiers and bands, for rules on accountTier and accountBand.
    new RoutingHandler(TOPICS.accountScored, accounts, (e) => nonEmpty('accountId', e.value.accountId)),
  ] as EventHandler[];
