import { HEADER } from '@smarketing/contracts';
import {
  restartKafka,
  readTopic,
  topicEndOffsets,
  waitFor,
  waitForOutboxDrained,
  waitForStable,
} from '@smarketing/testing';
import { TransactionRunner } from '../src';
import { effectCounts, effectsHandler, leadErased, startConsumer } from './support/harness';
import { consumerBed } from './support/beds';

const N = 6_000;
const PER_TX = 50;

describe('a broker restart while events flow', () => {
  const bed = consumerBed('restart');
  const { topic, consumer, dlq, serde: s } = bed;

  it('ends with every written event applied exactly once: relay and consumer ride out the restart', async () => {
    // The relay publishes what TransactionRunner writes; the consumer applies it.
    const running = (bed.running = await startConsumer({
      name: consumer,
      dataSource: bed.ds,
      handlers: [effectsHandler(topic, { consumer })],
      serde: s,
      relay: true,
    }));
    const runner = new TransactionRunner(bed.ds, s, () => running?.relay?.wake());

    let written = 0;
    const writer = (async () => {
      for (let i = 0; i < N; i += PER_TX) {
        await runner.run(async (tx) => {
          for (let j = i; j < i + PER_TX; j++) tx.publish(topic, leadErased(j));
        });
        written += PER_TX;
        await new Promise((r) => setTimeout(r, 40)); // a steady stream, not one burst
      }
    })();

    await waitFor(async () => (await effectCounts(bed.db.query, consumer)).rows >= N / 5, {
      timeoutMs: 60_000,
      description: 'first effects',
    });
    const beforeRestart = (await effectCounts(bed.db.query, consumer)).rows;
    const writtenAtRestart = written;
    await restartKafka();
    await writer;
    expect(written).toBe(N);
    expect(beforeRestart).toBeLessThan(N);
    expect(writtenAtRestart).toBeLessThan(N); // events were still being written when the broker went away

    await waitForStable(async () => (await effectCounts(bed.db.query, consumer)).rows, N, {
      timeoutMs: 150_000,
      stableMs: 3_000,
      description: 'applied effects',
    });
    expect(await effectCounts(bed.db.query, consumer)).toEqual({ rows: N, distinct: N, total: N });
    // Every written event was published (the relay deletes what the broker acknowledged); repeated
    // publishes are allowed (at least once on the wire) and nothing was dead-lettered.
    await waitForOutboxDrained(bed.db, { topic: topic.name });
    const published = await readTopic(topic.name);
    expect(new Set(published.map((r) => r.headers[HEADER.eventId])).size).toBe(N);
    expect((await topicEndOffsets(dlq)).total).toBe(0);
  });
});
