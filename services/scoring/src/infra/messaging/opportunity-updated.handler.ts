import { Inject, Injectable } from '@nestjs/common';
import { TOPICS, type EventOf } from '@smarketing/contracts';
import type { Envelope, EventHandler, TxContext } from '@smarketing/messaging';
import { ApplyOpportunityUpdates } from '../../app/use-cases/apply-opportunity-updates.use-case';
import { ModelCache } from '../persistence/model-cache';
import { scoringTx } from '../persistence/scoring-tx';

type Topic = typeof TOPICS.opportunityUpdated;

/** CRM opportunities (keyed by opportunity id): opportunity, customer, recycled for each contact lead. */
@Injectable()
export class OpportunityUpdatedHandler implements EventHandler<Topic> {
  readonly topic = TOPICS.opportunityUpdated;
  private readonly useCase = new ApplyOpportunityUpdates();

  constructor(@Inject(ModelCache) private readonly cache: ModelCache) {}

  handle(events: readonly Envelope<EventOf<Topic>>[], tx: TxContext): Promise<void> {
    return this.useCase.execute(events, scoringTx(tx, this.cache));
  }
}
