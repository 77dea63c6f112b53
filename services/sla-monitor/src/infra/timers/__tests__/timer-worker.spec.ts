import type { FireDueTimers, FiredTimers } from '../../../app/use-cases/fire-due-timers.use-case';
import { TimerWorker } from '../timer-worker';

/** A FireDueTimers that returns the given round sizes, then empty rounds; counts its calls. */
const rounds = (...claimed: number[]) => {
  const calls = { n: 0 };
  const fire = {
    execute: async (): Promise<FiredTimers> => {
      const c = claimed[calls.n++] ?? 0;
      return { claimed: c, latenessMs: Array.from({ length: c }, () => 5) };
    },
  } as unknown as FireDueTimers;
  return { fire, calls };
};

const settle = async () => {
  for (let i = 0; i < 20; i++) await Promise.resolve();
};

describe('the timer worker', () => {
  // A poll far longer than any test: only wake() and shutdown move the loop on.
  const options = { pollMs: 3_600_000, concurrency: 1, batchSize: 10, enabled: true };

  it('drains while rounds come back full, then waits for the poll or a wake-up', async () => {
    const { fire, calls } = rounds(10, 10, 3);
    const worker = new TimerWorker(fire, options);
    worker.onApplicationBootstrap();
    await settle();
    expect(calls.n).toBe(3);
    worker.wake();
    await settle();
    expect(calls.n).toBe(4);
    await worker.beforeApplicationShutdown();
    const after = calls.n;
    worker.wake();
    await settle();
    expect(calls.n).toBe(after);
  });

  it('keeps going after a failed round (the timers stay due)', async () => {
    let n = 0;
    const fire = {
      execute: async (): Promise<FiredTimers> => {
        n++;
        if (n === 1) throw new Error('database unavailable');
        return { claimed: 0, latenessMs: [] };
      },
    } as unknown as FireDueTimers;
    const worker = new TimerWorker(fire, options);
    worker.onApplicationBootstrap();
    await settle();
    worker.wake();
    await settle();
    expect(n).toBe(2);
    await worker.beforeApplicationShutdown();
  });

  it('fires nothing when disabled, and drains on demand', async () => {
    const { fire, calls } = rounds(10, 4);
    const worker = new TimerWorker(fire, { ...options, enabled: false });
    worker.onApplicationBootstrap();
    await settle();
    expect(calls.n).toBe(0);
    expect(await worker.runUntilIdle()).toBe(14);
    await worker.beforeApplicationShutdown();
  });
});
