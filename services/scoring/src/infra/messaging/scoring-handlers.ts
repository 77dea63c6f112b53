import { TOPICS, type EventOf, type TopicDef } from '@smarketing/contracts';
import type { Envelope, EventHandler, TxContext } from '@smarketing/messaging';
import type { Incoming, ScoringTx } from '../../app/ports/transactions.port';
import type { ApplyDispositions } from '../../app/use-cases/apply-dispositions.use-case';
import type { ApplyOpportunityUpdates } from '../../app/use-cases/apply-opportunity-updates.use-case';
import type { EraseLeads } from '../../app/use-cases/erase-leads.use-case';
import type { MergeLeads } from '../../app/use-cases/merge-leads.use-case';
import type { RecordTouchpoints } from '../../app/use-cases/record-touchpoints.use-case';
import type { UpsertProfiles } from '../../app/use-cases/upsert-profiles.use-case';
import type { ModelCache } from '../persistence/model-cache';
import { scoringTx } from '../persistence/scoring-tx';

type BatchUseCase<T extends TopicDef> = {
  execute(events: readonly Incoming<EventOf<T>>[], tx: ScoringTx): Promise<void>;
};

/** The handler of one topic: runs its use case on each batch, in the batch's transaction. */
export class ScoringHandler<T extends TopicDef> implements EventHandler<T> {
  constructor(
    readonly topic: T,
    private readonly useCase: BatchUseCase<T>,
    private readonly cache: ModelCache,
  ) {}

  handle(events: readonly Envelope<EventOf<T>>[], tx: TxContext): Promise<void> {
    return this.useCase.execute(events, scoringTx(tx, this.cache));
  }
}

/** Every topic scoring consumes, each with its use case (the module passes them in: kafkaHandlers). */
export const scoringHandlers = (
  cache: ModelCache,
  upsertProfiles: UpsertProfiles,
  recordTouchpoints: RecordTouchpoints,
  applyDispositions: ApplyDispositions,
  applyOpportunityUpdates: ApplyOpportunityUpdates,
  mergeLeads: MergeLeads,
  eraseLeads: EraseLeads,
): EventHandler[] =>
  [
    // Profiles: replace the lead's scoring profile and re-score.
    new ScoringHandler(TOPICS.leadUpserted, upsertProfiles, cache),
    // Touchpoints: the hot path (see bench/scoring.bench.ts).
    new ScoringHandler(TOPICS.touchpointRecorded, recordTouchpoints, cache),
    // Sales dispositions: SAL, SQL, recycled, disqualified.
    new ScoringHandler(TOPICS.leadDispositioned, applyDispositions, cache),
    // CRM opportunities (keyed by opportunity id): opportunity, customer, recycled for each contact lead.
    new ScoringHandler(TOPICS.opportunityUpdated, applyOpportunityUpdates, cache),
    // Merges: move the merged leads' state into the survivor.
    new ScoringHandler(TOPICS.leadsMerged, mergeLeads, cache),
    // GDPR erasure: drop the person's signals, keep a PII-free audit row.
    new ScoringHandler(TOPICS.leadErased, eraseLeads, cache),
  ] as EventHandler[];
