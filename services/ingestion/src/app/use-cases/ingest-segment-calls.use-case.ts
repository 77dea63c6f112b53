import { GroupCommit } from '../group-commit';
import type { Clock } from '../ports/clock.port';
import type { Transactions } from '../ports/transactions.port';
import { parseSegmentInput, type SegmentRoute } from '../segment/segment-input';
import type { ApplySegmentCalls, SegmentInput, SegmentOutcome } from './apply-segment-calls.use-case';

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
export class IngestSegmentCalls {
  private readonly group: GroupCommit<SegmentInput, SegmentOutcome>;

  constructor(
    transactions: Transactions,
    private readonly clock: Clock,
    applySegmentCalls: ApplySegmentCalls,
    settings: GroupCommitSettings,
  ) {
    this.group = new GroupCommit({
      run: (inputs) => transactions.run((tx) => applySegmentCalls.execute(inputs, tx)),
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
