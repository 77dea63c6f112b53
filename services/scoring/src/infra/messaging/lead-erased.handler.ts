import { Inject, Injectable } from '@nestjs/common';
import { TOPICS, type EventOf } from '@smarketing/contracts';
import type { Envelope, EventHandler, TxContext } from '@smarketing/messaging';
import { EraseLeads } from '../../app/use-cases/erase-leads.use-case';
import { ModelCache } from '../persistence/model-cache';
import { scoringTx } from '../persistence/scoring-tx';

type Topic = typeof TOPICS.leadErased;

/** GDPR erasure: drop the person's signals, keep a PII-free audit row. */
@Injectable()
export class LeadErasedHandler implements EventHandler<Topic> {
  readonly topic = TOPICS.leadErased;
  private readonly useCase = new EraseLeads();

  constructor(@Inject(ModelCache) private readonly cache: ModelCache) {}

  handle(events: readonly Envelope<EventOf<Topic>>[], tx: TxContext): Promise<void> {
    return this.useCase.execute(events, scoringTx(tx, this.cache));
  }
}
