import { Clock } from '../ports/clock.port';
import { UnitOfWork } from '../ports/ingestion-tx.port';
import { SegmentCallsProcessor, type SegmentOutcome } from './segment-calls.processor';
import { parseSegmentInput, type SegmentRoute } from './segment-input';

/**
 * POST /v1/identify|track|page|group|batch: validates the body, then applies every call in one
 * transaction; resolves once the events are durable in the outbox. A bad call rejects the whole
 * request, so nothing is half-applied.
 */
export class IngestSegmentCallsUseCase {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
    private readonly processor: SegmentCallsProcessor,
  ) {}

  async execute(input: { source: string; route: SegmentRoute; body: unknown }): Promise<SegmentOutcome> {
    const calls = parseSegmentInput(input.route, input.body);
    const receivedAt = this.clock.now();
    return this.uow.run((tx) => this.processor.apply(tx, { source: input.source, calls, receivedAt }));
  }
}
