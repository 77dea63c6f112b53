import { HEADER } from '@smarketing/contracts';
import { shutdownTelemetry, startTelemetry, withProducerSpan } from '@smarketing/observability';
import { outboxEvents, readTopic, waitFor, waitForOutboxDrained } from '@smarketing/testing';
import { OutboxRelay, ProducerPort, TransactionRunner, type OutgoingRecord } from '../src';
import { consumerBed } from './support/beds';
import { kafkaAdapter, leadErased, quietLogger, testMetrics } from './support/harness';

/** The real kafkajs producer, recording each send (one produce request) as it passes through. */
class RecordingProducer extends ProducerPort {
  /** `at`: when the relay called send; `doneAt`: when the broker acknowledged it. */
  readonly sends: { at: number; doneAt: number; eventIds: string[] }[] = [];
  /** While set, a send waits for it (to hold the relay inside a round). */
  gate?: Promise<void>;
  constructor(private readonly inner: ProducerPort) {
    super();
  }
  connect = () => this.inner.connect();
  disconnect = () => this.inner.disconnect();
  async send(records: readonly OutgoingRecord[]): Promise<void> {
    const at = Date.now();
    await this.gate;
    await this.inner.send(records);
    this.sends.push({
      at,
      doneAt: Date.now(),
      eventIds: records.map((r) => r.headers[HEADER.eventId] ?? ''),
    });
  }
}

describe('the outbox relay', () => {
  const bed = consumerBed('relay');
  const { topic } = bed;
  let producer: RecordingProducer;
  let relay: OutboxRelay | undefined;

  beforeAll(async () => {
    producer = new RecordingProducer(kafkaAdapter('relay-linger-test').producer());
    await producer.connect();
  });
  afterAll(async () => {
    await relay?.stop();
    await producer?.disconnect();
    await shutdownTelemetry();
  });

  /** Stops the previous test's relay, starts a new one on the bed, and gives a writer that wakes it. */
  const startRelay = async (timing: { idleMs: number; lingerMs: number }) => {
    await relay?.stop();
    producer.sends.length = 0;
    const started = new OutboxRelay({
      dataSource: bed.ds,
      producer,
      producerName: 'relay-test',
      logger: quietLogger(),
      metrics: testMetrics(),
      ...timing,
    });
    relay = started;
    started.start();
    const runner = new TransactionRunner(bed.ds, bed.serde, () => started.wake());
    return {
      relay: started,
      commit: (i: number) => runner.run(async (tx) => tx.publish(topic, leadErased(i))),
    };
  };

  /** Holds the relay's next send until `open()`. */
  const holdSends = () => {
    let open: () => void = () => undefined;
    producer.gate = new Promise<void>((r) => (open = r));
    return () => {
      producer.gate = undefined;
      open();
    };
  };

  it('publishes a commit that follows an idle round at once, however long lingerMs is', async () => {
    const lingerMs = 2_000;
    const { commit } = await startRelay({ idleMs: 60_000, lingerMs });
    await commit(0); // wakes the relay: round 1, one row
    await waitFor(() => producer.sends.length === 1, { timeoutMs: 10_000, description: 'first round' });
    await new Promise((r) => setTimeout(r, 300)); // round 1 is over and so is its rest: idle

    const committed = Date.now();
    await commit(1);
    await waitFor(() => producer.sends.length === 2, { timeoutMs: 10_000, description: 'second round' });
    // A fixed linger would hold it until lingerMs after round 1 started (1.7 s from here).
    expect(producer.sends[1]!.at - committed).toBeLessThan(lingerMs / 2);
  });

  it('lets commits during a long round share the next produce request, after resting as long, in commit order', async () => {
    const open = holdSends();
    const { commit } = await startRelay({ idleMs: 60_000, lingerMs: 10_000 });
    await commit(0); // round 1
    await new Promise((r) => setTimeout(r, 300)); // round 1 is now held in send: a busy relay
    for (let i = 1; i <= 5; i++) await commit(i); // each wakes the relay mid-round
    await new Promise((r) => setTimeout(r, 1_000));
    open();

    await waitForOutboxDrained(bed.db, { topic: topic.name, timeoutMs: 20_000 });
    expect(producer.sends).toHaveLength(2);
    const [first, second] = producer.sends;
    // Round 2 started no sooner than round 1 lasted (its send alone, here) after round 1 ended.
    expect(second!.at - first!.doneAt).toBeGreaterThanOrEqual(first!.doneAt - first!.at - 5); // timer granularity
    // Both requests went to the broker, in commit order (outbox id order), each event once.
    const onTopic = await readTopic(topic.name); // the first test's two events are there too
    const keyOf = new Map(onTopic.map((r) => [r.headers[HEADER.eventId], r.key]));
    const sent = producer.sends.flatMap((x) => x.eventIds);
    expect(sent.map((id) => onTopic.filter((r) => r.headers[HEADER.eventId] === id).length)).toEqual(
      [0, 1, 2, 3, 4, 5].map(() => 1),
    );
    const keys = (ids: string[]) => ids.map((id) => keyOf.get(id));
    expect(keys(first!.eventIds)).toEqual([leadErased(0).leadId]);
    expect(keys(second!.eventIds)).toEqual([1, 2, 3, 4, 5].map((i) => leadErased(i).leadId));
  });

  it('stops at once while resting, leaving what it has not published in the outbox', async () => {
    const open = holdSends();
    const { relay: resting, commit } = await startRelay({ idleMs: 60_000, lingerMs: 60_000 });
    await commit(10);
    await new Promise((r) => setTimeout(r, 3_000)); // round 1 held in send: it will rest about as long
    open();
    await waitFor(() => producer.sends.length === 1, { timeoutMs: 10_000, description: 'first round' });
    await commit(11); // wakes it: it rests

    const t0 = Date.now();
    await resting.stop();
    expect(Date.now() - t0).toBeLessThan(1_500);
    expect(producer.sends).toHaveLength(1);
    expect(await outboxEvents(bed.db)).toHaveLength(1);
    expect(await resting.drain()).toBe(1); // the next relay (here: a drain) publishes it
  });

  it('does not miss a commit that lands while a round is under way (its wake is kept)', async () => {
    let open: () => void = () => undefined;
    producer.gate = new Promise<void>((r) => (open = r));
    // Without the kept wake, the second row would wait for the idle poll, a minute.
    const { commit } = await startRelay({ idleMs: 60_000, lingerMs: 0 });
    await commit(20);
    await new Promise((r) => setTimeout(r, 300)); // the relay's round is now held in send
    await commit(21); // wakes it mid-round
    open();
    producer.gate = undefined;
    await waitForOutboxDrained(bed.db, { topic: topic.name, timeoutMs: 10_000 });
    expect(producer.sends.flatMap((x) => x.eventIds)).toHaveLength(2);
  });

  it('publishes a transaction of large events for one key in requests the broker accepts (one 2 MiB batch would be MESSAGE_TOO_LARGE)', async () => {
    const { relay: started } = await startRelay({ idleMs: 100, lingerMs: 0 });
    const runner = new TransactionRunner(bed.ds, bed.serde, () => started.wake());
    const leadId = `big-${'x'.repeat(16 * 1024)}`; // the key: every event on one partition
    await runner.run(async (tx) => {
      for (let i = 0; i < 64; i++) tx.publish(topic, leadErased(40_000 + i, leadId));
    });
    await waitForOutboxDrained(bed.db, { topic: topic.name, timeoutMs: 20_000 });
    expect(producer.sends.flatMap((x) => x.eventIds)).toHaveLength(64);
    expect(producer.sends.length).toBeGreaterThan(1);
  });

  it("puts the platform headers from the row's records on each record, and the writer's trace context", async () => {
    startTelemetry({ serviceName: 'relay-test' });
    const { commit } = await startRelay({ idleMs: 60_000, lingerMs: 0 }); // commits wake it
    const writer: Record<string, string> = {};
    const traced = await withProducerSpan('test write', writer, {}, () => commit(30));
    const untraced = await commit(31); // outside any span: no trace context
    await waitForOutboxDrained(bed.db, { topic: topic.name, timeoutMs: 10_000 });
    const byId = new Map((await readTopic(topic.name)).map((r) => [r.headers[HEADER.eventId], r]));
    const eventId = traced.eventIds[0] as string;
    expect(writer['traceparent']).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);
    expect(byId.get(eventId)?.headers).toEqual({
      [HEADER.eventId]: eventId,
      [HEADER.eventType]: topic.eventType,
      [HEADER.occurredAt]: new Date(leadErased(30).occurredAt).toISOString(),
      [HEADER.producer]: 'relay-test',
      traceparent: writer['traceparent'],
    });
    expect(Object.keys(byId.get(untraced.eventIds[0])?.headers ?? {}).sort()).toEqual(
      [HEADER.eventId, HEADER.eventType, HEADER.occurredAt, HEADER.producer].sort(),
    );
  });

  it('publishes whole rows in id order, a round taking rows until they hold batchSize events', async () => {
    await relay?.stop(); // nothing publishes but the rounds below
    relay = undefined;
    producer.sends.length = 0;
    const quiet = new TransactionRunner(bed.ds, bed.serde);
    const event = (i: number) => leadErased(i, 'lead-row-order'); // one key: one partition
    const written: string[] = [];
    for (const i of [40, 42, 44]) {
      const { eventIds } = await quiet.run(async (tx) => {
        tx.publish(topic, event(i));
        tx.publish(topic, event(i + 1));
      });
      written.push(...eventIds);
    }
    const rounds = new OutboxRelay({
      dataSource: bed.ds,
      producer,
      producerName: 'relay-test',
      logger: quietLogger(),
      metrics: testMetrics(),
      batchSize: 3,
    });

    // Three rows of two events: the first round takes two rows (one held fewer than 3 events), sent
    // in requests of at most 3; the second takes the last row.
    expect(await rounds.publishOnce()).toBe(4);
    expect(await rounds.publishOnce()).toBe(2);
    expect(await rounds.publishOnce()).toBe(0);
    expect(producer.sends.map((x) => x.eventIds.length)).toEqual([3, 1, 2]);
    expect(producer.sends.flatMap((x) => x.eventIds)).toEqual(written);
    const onTopic = (await readTopic(topic.name)).filter((r) => r.key === 'lead-row-order');
    expect(onTopic.map((r) => r.headers[HEADER.eventId])).toEqual(written);
  });

  it('sends a tombstone as a record with a null value, in order with the values around it', async () => {
    await relay?.stop();
    relay = undefined;
    const quiet = new TransactionRunner(bed.ds, bed.serde);
    // The relay does not care which topic; the writer only takes a tombstone for a profile topic.
    const profile = { ...topic, retention: 'profile' as const };
    const key = 'lead-tombstone';
    await quiet.run(async (tx) => {
      tx.publish(topic, leadErased(50, key));
      tx.tombstone(profile, key, { occurredAt: leadErased(50).occurredAt });
    });
    await expect(() =>
      new TransactionRunner(bed.ds, bed.serde).run(async (tx) => tx.tombstone(topic, key, { occurredAt: 0 })),
    ).rejects.toThrow(/only a compacted profile topic/);
    const drained = new OutboxRelay({
      dataSource: bed.ds,
      producer,
      producerName: 'relay-test',
      logger: quietLogger(),
      metrics: testMetrics(),
    });
    expect(await drained.publishOnce()).toBe(2);
    const onTopic = (await readTopic(topic.name)).filter((r) => r.key === key);
    expect(onTopic.map((r) => r.value === null)).toEqual([false, true]);
    expect(onTopic[1]?.headers[HEADER.eventType]).toBe(topic.eventType);
  });
});
