import {
  bouncePostgres,
  canControlPostgres,
  topicEndOffsets,
  waitFor,
  waitForStable,
} from '@smarketing/testing';
import { effectCounts, effectsHandler, kafkaAdapter, produceEvents, startConsumer } from './support/harness';
import { consumerBed } from './support/beds';

const N = 8_000;
const PER_SEND = 100;

describe('PostgreSQL down for 10 s under load', () => {
  beforeAll(() => {
    if (!canControlPostgres())
      throw new Error(
        'this test stops the machine PostgreSQL: run it as root with /etc/postgresql/<version>/main',
      );
  });
  const bed = consumerBed('pgdown');
  const { topic, consumer, dlq, serde: s } = bed;

  it('pauses and resumes by itself, dead-letters nothing, and applies every event exactly once', async () => {
    const running = (bed.running = await startConsumer({
      name: consumer,
      dataSource: bed.ds,
      handlers: [effectsHandler(topic, { consumer })],
      serde: s,
    }));
    // The serde caches the schema id, so producing needs neither the registry nor PostgreSQL.
    const kafka = kafkaAdapter('pgdown-producer');
    let produced = 0;
    const stream = (async () => {
      for (let i = 0; i < N; i += PER_SEND) {
        await produceEvents(kafka, s, topic, i, PER_SEND);
        produced += PER_SEND;
        await new Promise((r) => setTimeout(r, 150)); // ~15 s of steady load
      }
    })();

    await waitFor(async () => (await effectCounts(bed.db.query, consumer)).rows >= N / 5, {
      timeoutMs: 60_000,
      description: 'first effects',
    });
    const atOutage = produced;
    await bouncePostgres(10_000);
    const afterOutage = produced;
    await stream;
    await kafka.close();
    expect(atOutage).toBeLessThan(N); // the stream was still flowing into the outage
    expect(afterOutage).toBeGreaterThan(atOutage);

    await waitForStable(async () => (await effectCounts(bed.db.query, consumer)).rows, N, {
      timeoutMs: 150_000,
      stableMs: 3_000,
      description: 'applied effects',
    });
    expect(await effectCounts(bed.db.query, consumer)).toEqual({ rows: N, distinct: N, total: N });
    expect((await topicEndOffsets(dlq)).total).toBe(0);
    // The outage did reach the consumer: it retried in place.
    const retries = (await running.metrics.retries.get()).values.reduce((sum, v) => sum + v.value, 0);
    expect(retries).toBeGreaterThan(0);
  });
});
