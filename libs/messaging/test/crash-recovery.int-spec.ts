import { readTopic, waitFor, waitForOutboxDrained, waitForStable, type TsProcess } from '@smarketing/testing';
import { processBed } from './support/beds';
import { effectCounts, kafkaAdapter, produceEvents, serde } from './support/harness';

const N = 20_000;

describe('a consumer killed with SIGKILL in the middle of a batch', () => {
  const bed = processBed('crash');
  const { input, output, consumer } = bed;
  const start = (): TsProcess => bed.start({ DELAY_MS: '150', RELAY: '1' });

  it('applies every event exactly once after a restart, and publishes one output event per input event', async () => {
    const kafka = kafkaAdapter('crash-test-producer');
    const ids = await produceEvents(kafka, serde(), input, 0, N);
    await kafka.close();

    const first = start();
    await first.waitForLine('joined');
    // Kill it while it works: some batches applied, many still to come, one most likely open.
    await waitFor(async () => (await effectCounts(bed.db.query, consumer)).rows >= N / 5, {
      timeoutMs: 120_000,
      description: 'first effects',
    });
    first.kill('SIGKILL');
    const killed = await first.exited;
    expect(killed.signal).toBe('SIGKILL');
    const atKill = await effectCounts(bed.db.query, consumer);
    expect(atKill.rows).toBeLessThan(N);

    const second = start();
    await waitForStable(async () => (await effectCounts(bed.db.query, consumer)).rows, N, {
      timeoutMs: 170_000,
      stableMs: 3_000,
      description: 'applied effects',
    });

    const counts = await effectCounts(bed.db.query, consumer);
    expect(counts).toEqual({ rows: N, distinct: N, total: N });
    const [applied] = await bed.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM effects WHERE event_id = ANY($1::uuid[])`,
      [ids],
    );
    expect(applied?.n).toBe(N);
    const [inbox] = await bed.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM messaging_inbox WHERE consumer = $1`,
      [consumer],
    );
    expect(inbox?.n).toBe(N);

    // The relay may repeat a publish after the kill, never lose one. A repeat keeps its event id, and
    // an effect is committed once per input event: N distinct ids on the topic is one per input event.
    await waitForOutboxDrained(bed.db);
    const published = await readTopic(output.name);
    expect(new Set(published.map((r) => r.headers['event-id'])).size).toBe(N);

    second.kill('SIGTERM');
    expect((await second.exited).code).toBe(0);
  });
});
