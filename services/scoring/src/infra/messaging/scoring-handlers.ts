import { Inject, Injectable, type Type } from '@nestjs/common';
import { TOPICS, type EventOf, type TopicDef } from '@smarketing/contracts';
import type { Envelope, EventHandler, TxContext } from '@smarketing/messaging';
import type { Incoming, ScoringTx } from '../../app/ports/transactions.port';
import { ApplyDispositions } from '../../app/use-cases/apply-dispositions.use-case';
import { ApplyOpportunityUpdates } from '../../app/use-cases/apply-opportunity-updates.use-case';
import { EraseLeads } from '../../app/use-cases/erase-leads.use-case';
import { MergeLeads } from '../../app/use-cases/merge-leads.use-case';
import { RecordTouchpoints } from '../../app/use-cases/record-touchpoints.use-case';
import { UpsertProfiles } from '../../app/use-cases/upsert-profiles.use-case';
import { ModelCache } from '../persistence/model-cache';
import { scoringTx } from '../persistence/scoring-tx';

type BatchUseCase<T extends TopicDef> = {
  execute(events: readonly Incoming<EventOf<T>>[], tx: ScoringTx): Promise<void>;
};

/** The Nest handler of one topic: runs its use case on each batch, in the batch's transaction. */
function scoringHandler<T extends TopicDef>(topic: T, useCase: BatchUseCase<T>): Type<EventHandler> {
  @Injectable()
  class ScoringHandler implements EventHandler<T> {
    readonly topic = topic;

    constructor(@Inject(ModelCache) private readonly cache: ModelCache) {}

    handle(events: readonly Envelope<EventOf<T>>[], tx: TxContext): Promise<void> {
      return useCase.execute(events, scoringTx(tx, this.cache));
    }
  }
  // A distinct name per topic, for Nest's diagnostics.
  Object.defineProperty(ScoringHandler, 'name', { value: `ScoringHandler(${topic.name})` });
  return ScoringHandler as Type<EventHandler>;
}

/** Every topic scoring consumes. */
export const SCORING_HANDLERS = [
  // Profiles: replace the lead's scoring profile and re-score.
  scoringHandler(TOPICS.leadUpserted, new UpsertProfiles()),
  // Touchpoints: the hot path (see bench/scoring.bench.ts).
  scoringHandler(TOPICS.touchpointRecorded, new RecordTouchpoints()),
  // Sales dispositions: SAL, SQL, recycled, disqualified.
  scoringHandler(TOPICS.leadDispositioned, new ApplyDispositions()),
  // CRM opportunities (keyed by opportunity id): opportunity, customer, recycled for each contact lead.
  scoringHandler(TOPICS.opportunityUpdated, new ApplyOpportunityUpdates()),
  // Merges: move the merged leads' state into the survivor.
  scoringHandler(TOPICS.leadsMerged, new MergeLeads()),
  // GDPR erasure: drop the person's signals, keep a PII-free audit row.
  scoringHandler(TOPICS.leadErased, new EraseLeads()),
];
