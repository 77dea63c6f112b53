/**
 * Group commit: inputs submitted while transactions are in flight wait, and the next free slot
 * applies all of them in one transaction. Each submitter still resolves only after the transaction
 * holding its input committed, so "2xx once durable" holds, but concurrent requests share the
 * transaction's round trips and its commit (one fsync for many requests).
 *
 * When a shared transaction fails, its inputs are retried one by one, so an input that fails for
 * its own reason fails alone and the others still commit.
 *
 * (DataLoader batches per event-loop tick and caps by key count; this groups by transaction
 * completion and caps by weight, i.e. events per transaction.)
 */
export type GroupCommitOptions<I, O> = {
  /** Applies the inputs in one transaction; returns one output per input, in order. */
  readonly run: (inputs: readonly I[]) => Promise<readonly O[]>;
  /** Weight of an input (events in it); a group stops growing at maxWeight. */
  readonly weight: (input: I) => number;
  readonly maxWeight: number;
  /** Transactions in flight at once. */
  readonly concurrency: number;
};

type Waiting<I, O> = { input: I; resolve: (o: O) => void; reject: (e: unknown) => void };

export class GroupCommit<I, O> {
  private readonly queue: Waiting<I, O>[] = [];
  private inFlight = 0;

  constructor(private readonly o: GroupCommitOptions<I, O>) {
    if (o.concurrency < 1) throw new Error('concurrency must be at least 1');
  }

  submit(input: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      this.queue.push({ input, resolve, reject });
      this.pump();
    });
  }

  private pump(): void {
    while (this.inFlight < this.o.concurrency && this.queue.length > 0) {
      const group = this.take();
      this.inFlight += 1;
      void this.commit(group).finally(() => {
        this.inFlight -= 1;
        this.pump();
      });
    }
  }

  /** The oldest waiting inputs up to maxWeight (always at least one). */
  private take(): Waiting<I, O>[] {
    let weight = 0;
    let n = 0;
    while (n < this.queue.length) {
      const w = this.o.weight((this.queue[n] as Waiting<I, O>).input);
      if (n > 0 && weight + w > this.o.maxWeight) break;
      weight += w;
      n += 1;
    }
    return this.queue.splice(0, n);
  }

  private async commit(group: readonly Waiting<I, O>[]): Promise<void> {
    try {
      const outputs = await this.o.run(group.map((w) => w.input));
      group.forEach((w, i) => w.resolve(outputs[i] as O));
    } catch (error) {
      if (group.length === 1) {
        group[0]?.reject(error);
        return;
      }
      // Isolate: each input alone, so one input's failure is only its own.
      await Promise.all(
        group.map(async (w) => {
          try {
            const [output] = await this.o.run([w.input]);
            w.resolve(output as O);
          } catch (own) {
            w.reject(own);
          }
        }),
      );
    }
  }
}
