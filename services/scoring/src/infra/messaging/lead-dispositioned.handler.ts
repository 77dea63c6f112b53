import { Inject, Injectable } from '@nestjs/common';
import { TOPICS, type EventOf } from '@smarketing/contracts';
import type { Envelope, EventHandler, TxContext } from '@smarketing/messaging';
import { ApplyDispositions } from '../../app/use-cases/apply-dispositions.use-case';
import { ModelCache } from '../persistence/model-cache';
import { scoringTx } from '../persistence/scoring-tx';

type Topic = typeof TOPICS.leadDispositioned;

/** Sales dispositions: SAL, SQL, recycled, disqualified. */
@Injectable()
export class LeadDispositionedHandler implements EventHandler<Topic> {
  readonly topic = TOPICS.leadDispositioned;
  private readonly useCase = new ApplyDispositions();

  constructor(@Inject(ModelCache) private readonly cache: ModelCache) {}

  handle(events: readonly Envelope<EventOf<Topic>>[], tx: TxContext): Promise<void> {
    return this.useCase.execute(events, scoringTx(tx, this.cache));
  }
}
