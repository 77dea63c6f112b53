import { outboxEvents, waitFor, waitForStable, withAdmin, type TsProcess } from '@smarketing/testing';
import { processBed } from './support/beds';
import { effectCounts, kafkaAdapter, produceEvents, serde } from './support/harness';

const N = 10_000;

describe('graceful shutdown', () => {
  const bed = processBed('shutdown');
  const { input, output, consumer } = bed;
  const start = (): TsProcess => bed.start({ DELAY_MS: '100', MAX_BATCH_SIZE: '200' });

  const committed = async (): Promise<number> => {
    const [t] = await withAdmin((admin) => admin.fetchOffsets({ groupId: consumer, topics: [input.name] }));
    return (t?.partitions ?? []).reduce((sum, p) => sum + Math.max(0, Number(p.offset)), 0);
  };

  it('exits 0 promptly on SIGTERM mid-stream, keeps committed offsets behind applied effects, and finishes exactly once after a restart', async () => {
    const kafka = kafkaAdapter('shutdown-test-producer');
    await produceEvents(kafka, serde(), input, 0, N);
    await kafka.close();

    const first = start();
    await first.waitForLine('joined');
    await waitFor(async () => (await effectCounts(bed.db.query, consumer)).rows >= N / 5, {
      timeoutMs: 120_000,
      description: 'first effects',
    });
    const signalled = Date.now();
    first.kill('SIGTERM');
    const exit = await first.exited;
    const tookMs = Date.now() - signalled;
    expect(exit).toEqual({ code: 0, signal: null });
    expect(first.output()).toContain('stopped');
    expect(tookMs).toBeLessThan(15_000);

    // It stopped mid-stream; every committed offset is backed by an applied (and committed) effect.
    const applied = await effectCounts(bed.db.query, consumer);
    expect(applied.rows).toBeLessThan(N);
    expect(applied.distinct).toBe(applied.rows);
    const offsets = await committed();
    expect(offsets).toBeGreaterThan(0);
    expect(offsets).toBeLessThanOrEqual(applied.rows);

    const second = start();
    await waitForStable(async () => (await effectCounts(bed.db.query, consumer)).rows, N, {
      timeoutMs: 150_000,
      stableMs: 3_000,
      description: 'applied effects',
    });
    expect(await effectCounts(bed.db.query, consumer)).toEqual({ rows: N, distinct: N, total: N });
    expect((await outboxEvents(bed.db)).filter((e) => e.topic === output.name)).toHaveLength(N);
    await waitFor(async () => (await committed()) === N, {
      timeoutMs: 30_000,
      description: 'all offsets committed',
    });

    second.kill('SIGTERM');
    expect((await second.exited).code).toBe(0);
  });
});
