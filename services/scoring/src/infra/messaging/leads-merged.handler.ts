import { Inject, Injectable } from '@nestjs/common';
import { TOPICS, type EventOf } from '@smarketing/contracts';
import type { Envelope, EventHandler, TxContext } from '@smarketing/messaging';
import { MergeLeads } from '../../app/use-cases/merge-leads.use-case';
import { ModelCache } from '../persistence/model-cache';
import { scoringTx } from '../persistence/scoring-tx';

type Topic = typeof TOPICS.leadsMerged;

/** Merges: move the merged leads' state into the survivor. */
@Injectable()
export class LeadsMergedHandler implements EventHandler<Topic> {
  readonly topic = TOPICS.leadsMerged;
  private readonly useCase = new MergeLeads();

  constructor(@Inject(ModelCache) private readonly cache: ModelCache) {}

  handle(events: readonly Envelope<EventOf<Topic>>[], tx: TxContext): Promise<void> {
    return this.useCase.execute(events, scoringTx(tx, this.cache));
  }
}
