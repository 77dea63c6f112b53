import { GroupCommit } from '../group-commit';

type Input = { readonly id: string; readonly events: number; readonly fail?: boolean };

/** A run function that records each transaction's inputs and finishes only when released. */
function recorder() {
  const transactions: string[][] = [];
  const pending: (() => void)[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const run = async (inputs: readonly Input[]): Promise<string[]> => {
    transactions.push(inputs.map((i) => i.id));
    inFlight += 1;
    maxInFlight = Math.max(maxInFlight, inFlight);
    await new Promise<void>((resolve) => pending.push(resolve));
    inFlight -= 1;
    if (inputs.some((i) => i.fail)) throw new Error(`rejected ${inputs.find((i) => i.fail)?.id}`);
    return inputs.map((i) => `done ${i.id}`);
  };
  const releaseAll = async () => {
    while (pending.length) {
      pending.splice(0).forEach((r) => r());
      await new Promise((r) => setImmediate(r));
    }
  };
  return { transactions, run, releaseAll, maxInFlight: () => maxInFlight };
}

const input = (id: string, events = 1, fail = false): Input => ({ id, events, fail });

describe('GroupCommit', () => {
  it('runs the first input at once and the ones arriving meanwhile together in the next transaction', async () => {
    const r = recorder();
    const group = new GroupCommit({ run: r.run, weight: (i) => i.events, maxWeight: 100, concurrency: 1 });
    const results = Promise.all(['a', 'b', 'c', 'd'].map((id) => group.submit(input(id))));
    await new Promise((resolve) => setImmediate(resolve));
    expect(r.transactions).toEqual([['a']]); // b, c, d wait for a's transaction
    await r.releaseAll();
    expect(await results).toEqual(['done a', 'done b', 'done c', 'done d']);
    expect(r.transactions).toEqual([['a'], ['b', 'c', 'd']]);
  });

  it('caps a transaction at maxWeight, but never leaves a heavier input waiting forever', async () => {
    const r = recorder();
    const group = new GroupCommit({ run: r.run, weight: (i) => i.events, maxWeight: 10, concurrency: 1 });
    const results = Promise.all([
      group.submit(input('first', 1)),
      group.submit(input('a', 6)),
      group.submit(input('b', 4)),
      group.submit(input('c', 1)),
      group.submit(input('huge', 50)),
    ]);
    await r.releaseAll();
    await results;
    expect(r.transactions).toEqual([['first'], ['a', 'b'], ['c'], ['huge']]);
  });

  it('keeps at most `concurrency` transactions in flight', async () => {
    const r = recorder();
    const group = new GroupCommit({ run: r.run, weight: () => 1, maxWeight: 100, concurrency: 2 });
    const results = Promise.all(['a', 'b', 'c', 'd', 'e'].map((id) => group.submit(input(id))));
    await new Promise((resolve) => setImmediate(resolve));
    expect(r.transactions).toEqual([['a'], ['b']]); // two slots taken: c, d, e wait
    expect(r.maxInFlight()).toBe(2);
    await r.releaseAll();
    await results;
    expect(r.transactions).toEqual([['a'], ['b'], ['c', 'd', 'e']]);
    expect(r.maxInFlight()).toBe(2);
  });

  it('when a shared transaction fails, retries its inputs alone: only the bad one fails', async () => {
    const r = recorder();
    const group = new GroupCommit({ run: r.run, weight: () => 1, maxWeight: 100, concurrency: 1 });
    const first = group.submit(input('first'));
    const good = group.submit(input('good'));
    const bad = group.submit(input('bad', 1, true));
    const alsoGood = group.submit(input('also-good'));
    const settled = Promise.allSettled([first, good, bad, alsoGood]);
    await r.releaseAll();
    const outcomes = await settled;
    expect(outcomes.map((o) => (o.status === 'fulfilled' ? o.value : String(o.reason)))).toEqual([
      'done first',
      'done good',
      'Error: rejected bad',
      'done also-good',
    ]);
    expect(r.transactions).toEqual([
      ['first'],
      ['good', 'bad', 'also-good'],
      ['good'],
      ['bad'],
      ['also-good'],
    ]);
  });

  it('rejects the submitter of a lone input with its own error', async () => {
    const r = recorder();
    const group = new GroupCommit({ run: r.run, weight: () => 1, maxWeight: 100, concurrency: 1 });
    const lone = group.submit(input('lone', 1, true));
    const settled = lone.catch((e: unknown) => String(e));
    await r.releaseAll();
    expect(await settled).toBe('Error: rejected lone');
    expect(r.transactions).toEqual([['lone']]);
  });

  it('refuses a concurrency below 1', () => {
    expect(
      () => new GroupCommit({ run: async () => [], weight: () => 1, maxWeight: 1, concurrency: 0 }),
    ).toThrow('concurrency must be at least 1');
  });
});
