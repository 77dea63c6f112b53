import { Inject, Injectable } from '@nestjs/common';
import { TOPICS, type EventOf } from '@smarketing/contracts';
import type { Envelope, EventHandler, TxContext } from '@smarketing/messaging';
import { UpsertProfiles } from '../../app/use-cases/upsert-profiles.use-case';
import { ModelCache } from '../persistence/model-cache';
import { scoringTx } from '../persistence/scoring-tx';

type Topic = typeof TOPICS.leadUpserted;

/** Profiles: replace the lead's scoring profile and re-score. */
@Injectable()
export class LeadUpsertedHandler implements EventHandler<Topic> {
  readonly topic = TOPICS.leadUpserted;
  private readonly useCase = new UpsertProfiles();

  constructor(@Inject(ModelCache) private readonly cache: ModelCache) {}

  handle(events: readonly Envelope<EventOf<Topic>>[], tx: TxContext): Promise<void> {
    return this.useCase.execute(events, scoringTx(tx, this.cache));
  }
}
