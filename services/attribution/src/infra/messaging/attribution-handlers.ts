import { TOPICS, type EventOf, type TopicDef } from '@smarketing/contracts';
import type { Envelope, EventHandler, TxContext } from '@smarketing/messaging';
import type { AttributionTx, Incoming } from '../../app/ports/transactions.port';
import type { ApplyLifecycle } from '../../app/use-cases/apply-lifecycle.use-case';
import type { ApplyOpportunities } from '../../app/use-cases/apply-opportunities.use-case';
import type { EraseLeads } from '../../app/use-cases/erase-leads.use-case';
import type { MergeLeads } from '../../app/use-cases/merge-leads.use-case';
import type { RecordCosts } from '../../app/use-cases/record-costs.use-case';
import type { RecordSalesActivities } from '../../app/use-cases/record-sales-activities.use-case';
import type { RecordTouchpoints } from '../../app/use-cases/record-touchpoints.use-case';
import type { UpsertLeads } from '../../app/use-cases/upsert-leads.use-case';
import { attributionTx } from '../persistence/attribution-tx';
import { validateCost, validateOpportunity } from './event-validation';

type BatchUseCase<T extends TopicDef> = {
  execute(events: readonly Incoming<EventOf<T>>[], tx: AttributionTx): Promise<void>;
};

/** The handler of one topic: runs its use case on each batch, in the batch's transaction. */
export class AttributionHandler<T extends TopicDef> implements EventHandler<T> {
  constructor(
    readonly topic: T,
    private readonly useCase: BatchUseCase<T>,
    readonly validate?: (event: Envelope<EventOf<T>>) => string | undefined,
  ) {}

  handle(events: readonly Envelope<EventOf<T>>[], tx: TxContext): Promise<void> {
    return this.useCase.execute(events, attributionTx(tx));
  }
}

/** Every topic attribution consumes, each with its use case (the module passes them in: kafkaHandlers). */
export const attributionHandlers = (
  touchpoints: RecordTouchpoints,
  salesActivities: RecordSalesActivities,
  leads: UpsertLeads,
  lifecycle: ApplyLifecycle,
  opportunities: ApplyOpportunities,
  costs: RecordCosts,
  merges: MergeLeads,
  erasures: EraseLeads,
): EventHandler[] =>
  [
    // Marketing touches: the hot path; late ones recredit what they change.
    new AttributionHandler(TOPICS.touchpointRecorded, touchpoints),
    // Sales touches, offline touchpoints for the models that count them.
    new AttributionHandler(TOPICS.salesActivityRecorded, salesActivities),
    // The lead's account (account journeys) and first sighting; no personal data kept.
    new AttributionHandler(TOPICS.leadUpserted, leads),
    // Lead creation (an anchor), MQL and SQL (conversions).
    new AttributionHandler(TOPICS.lifecycleChanged, lifecycle),
    // Opportunity created (an anchor and a conversion), won (a conversion with revenue).
    new AttributionHandler(TOPICS.opportunityUpdated, opportunities, validateOpportunity),
    // Spend, for ROAS, CAC, cost per SQL and ROI.
    new AttributionHandler(TOPICS.campaignCostRecorded, costs, validateCost),
    new AttributionHandler(TOPICS.leadsMerged, merges),
    // GDPR erasure: the person's touches go, a PII-free audit row stays.
    new AttributionHandler(TOPICS.leadErased, erasures),
  ] as EventHandler[];
