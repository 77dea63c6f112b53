import { Inject, Injectable } from '@nestjs/common';
import { TOPICS, type EventOf } from '@smarketing/contracts';
import type { Envelope, EventHandler, TxContext } from '@smarketing/messaging';
import { RecordTouchpoints } from '../../app/use-cases/record-touchpoints.use-case';
import { ModelCache } from '../persistence/model-cache';
import { scoringTx } from '../persistence/scoring-tx';

type Topic = typeof TOPICS.touchpointRecorded;

/** Touchpoints: the hot path (see bench/scoring.bench.ts). */
@Injectable()
export class TouchpointRecordedHandler implements EventHandler<Topic> {
  readonly topic = TOPICS.touchpointRecorded;
  private readonly useCase = new RecordTouchpoints();

  constructor(@Inject(ModelCache) private readonly cache: ModelCache) {}

  handle(events: readonly Envelope<EventOf<Topic>>[], tx: TxContext): Promise<void> {
    return this.useCase.execute(events, scoringTx(tx, this.cache));
  }
}
