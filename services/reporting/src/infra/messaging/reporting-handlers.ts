import { TOPICS, type EventOf, type TopicDef } from '@smarketing/contracts';
import type { Envelope, EventHandler, TxContext } from '@smarketing/messaging';
import type { Incoming, ReportingTx } from '../../app/ports/transactions.port';
import type { EraseLeads } from '../../app/use-cases/erase-leads.use-case';
import type { MergeLeads } from '../../app/use-cases/merge-leads.use-case';
import type { RecordAccountScores } from '../../app/use-cases/record-account-scores.use-case';
import type { RecordAssignments } from '../../app/use-cases/record-assignments.use-case';
import type { RecordCosts } from '../../app/use-cases/record-costs.use-case';
import type { RecordCredits } from '../../app/use-cases/record-credits.use-case';
import type { RecordDispositions } from '../../app/use-cases/record-dispositions.use-case';
import type { RecordLeads } from '../../app/use-cases/record-leads.use-case';
import type { RecordLifecycle } from '../../app/use-cases/record-lifecycle.use-case';
import type { RecordOpportunities } from '../../app/use-cases/record-opportunities.use-case';
import type { RecordProfiles } from '../../app/use-cases/record-profiles.use-case';
import type { RecordSalesActivities } from '../../app/use-cases/record-sales-activities.use-case';
import type { RecordScores } from '../../app/use-cases/record-scores.use-case';
import type { RecordSlaStatuses } from '../../app/use-cases/record-sla-statuses.use-case';
import type { RecordTouchpoints } from '../../app/use-cases/record-touchpoints.use-case';
import type { RecordVolumeEvaluations } from '../../app/use-cases/record-volume-evaluations.use-case';
import { reportingTx } from '../persistence/reporting-tx';

type BatchUseCase<T extends TopicDef> = {
  execute(events: readonly Incoming<EventOf<T>>[], tx: ReportingTx): Promise<void>;
};

/** The handler of one topic: runs its use case on each batch, in the batch's transaction. */
export class ReportingHandler<T extends TopicDef> implements EventHandler<T> {
  constructor(
    readonly topic: T,
    private readonly useCase: BatchUseCase<T>,
  ) {}

  handle(events: readonly Envelope<EventOf<T>>[], tx: TxContext): Promise<void> {
    return this.useCase.execute(events, reportingTx(tx));
  }
}

/** The use cases of the topics, in the order of REPORTING_USE_CASES (the module passes them in: kafkaHandlers). */
export const reportingHandlers = (
  leads: RecordLeads,
  profiles: RecordProfiles,
  touchpoints: RecordTouchpoints,
  activities: RecordSalesActivities,
  dispositions: RecordDispositions,
  opportunities: RecordOpportunities,
  costs: RecordCosts,
  merges: MergeLeads,
  erasures: EraseLeads,
  scores: RecordScores,
  lifecycle: RecordLifecycle,
  accounts: RecordAccountScores,
  assignments: RecordAssignments,
  sla: RecordSlaStatuses,
  volume: RecordVolumeEvaluations,
  credits: RecordCredits,
): EventHandler[] =>
  [
    new ReportingHandler(TOPICS.leadUpserted, leads),
    new ReportingHandler(TOPICS.leadProfile, profiles),
    new ReportingHandler(TOPICS.touchpointRecorded, touchpoints),
    new ReportingHandler(TOPICS.salesActivityRecorded, activities),
    new ReportingHandler(TOPICS.leadDispositioned, dispositions),
    new ReportingHandler(TOPICS.opportunityUpdated, opportunities),
    new ReportingHandler(TOPICS.campaignCostRecorded, costs),
    new ReportingHandler(TOPICS.leadsMerged, merges),
    new ReportingHandler(TOPICS.leadErased, erasures),
    new ReportingHandler(TOPICS.leadScored, scores),
    new ReportingHandler(TOPICS.lifecycleChanged, lifecycle),
    new ReportingHandler(TOPICS.accountScored, accounts),
    new ReportingHandler(TOPICS.leadAssigned, assignments),
    new ReportingHandler(TOPICS.slaStatusChanged, sla),
    new ReportingHandler(TOPICS.volumeSlaEvaluated, volume),
    new ReportingHandler(TOPICS.attributionCredited, credits),
  ] as EventHandler[];
