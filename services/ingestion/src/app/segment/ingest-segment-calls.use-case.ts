import { GroupCommit } from '../group-commit';
import type { Clock } from '../ports/clock.port';
import type { UnitOfWork } from '../ports/ingestion-tx.port';
import type { SegmentCallsProcessor, SegmentInput, SegmentOutcome } from './segment-calls.processor';
import { parseSegmentInput, type SegmentRoute } from './segment-input';

export type GroupCommitSettings = {
  /** Most events one shared transaction takes (a single larger request still goes alone). */
  readonly maxEventsPerTransaction: number;
  /** Shared transactions in flight at once. */
  readonly concurrentTransactions: number;
};

/**
 * POST /v1/identify|track|page|group|batch: validates the body, then applies every call in one
 * transaction; resolves once the events are durable in the outbox. A bad call rejects the whole
 * request, so nothing is half-applied. Requests that arrive while transactions are in flight share
 * the next one (group commit), each still answered only after its own events committed.
 */
export class IngestSegmentCallsUseCase {
  private readonly group: GroupCommit<SegmentInput, SegmentOutcome>;

  constructor(
    uow: UnitOfWork,
    private readonly clock: Clock,
    processor: SegmentCallsProcessor,
    settings: GroupCommitSettings,
  ) {
    this.group = new GroupCommit({
      run: (inputs) => uow.run((tx) => processor.applyAll(tx, inputs)),
      weight: (input) => input.calls.length,
      maxWeight: settings.maxEventsPerTransaction,
      concurrency: settings.concurrentTransactions,
    });
  }

  async execute(input: { source: string; route: SegmentRoute; body: unknown }): Promise<SegmentOutcome> {
    const calls = parseSegmentInput(input.route, input.body);
    return this.group.submit({ source: input.source, calls, receivedAt: this.clock.now() });
  }
}
