// Proves the local stack is real: a Kafka broker with consumer groups, a schema registry that
// stores and serves schemas, and a PostgreSQL server that keeps what it is given.
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { stackEnv } from '@smarketing/testing';
import { Kafka, logLevel } from 'kafkajs';
import { Client } from 'pg';

// The test stack (the Jest setup file points this process and stack.sh at it).
const { brokers, registryUrl: registry, databaseUrl } = stackEnv();

beforeAll(() => {
  // Start the stack when it is down (idempotent); in CI a stack that cannot start fails the suite.
  execFileSync('bash', [join(__dirname, '..', 'stack.sh'), 'start'], { stdio: 'inherit', timeout: 300_000 });
}, 320_000);

describe('the local stack', () => {
  it('produces and consumes through a Kafka consumer group', async () => {
    const kafka = new Kafka({ clientId: 'stack-smoke', brokers, logLevel: logLevel.NOTHING });
    const topic = `test.smoke.${randomUUID()}`;
    const admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic, numPartitions: 3 }], waitForLeaders: true });
    const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
    await producer.connect();
    const sent = Array.from({ length: 30 }, (_, i) => `m${i}`);
    await producer.send({ topic, acks: -1, messages: sent.map((v, i) => ({ key: `k${i % 5}`, value: v })) });
    const group = `smoke-${randomUUID()}`;
    const consumer = kafka.consumer({ groupId: group });
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    const got: string[] = [];
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`only ${got.length} of ${sent.length} consumed`)),
        60_000,
      );
      void consumer.run({
        eachMessage: async ({ message }) => {
          got.push(String(message.value));
          if (got.length === sent.length) {
            clearTimeout(timer);
            resolve();
          }
        },
      });
    });
    await consumer.disconnect();
    const offsets = await admin.fetchOffsets({ groupId: group, topics: [topic] });
    const committed = offsets[0]!.partitions.reduce((n, p) => n + Math.max(0, Number(p.offset)), 0);
    await producer.disconnect();
    await admin.deleteTopics({ topics: [topic] });
    await admin.disconnect();
    expect(got.sort()).toEqual([...sent].sort());
    expect(committed).toBe(sent.length);
  });

  it('registers and serves a schema in the registry', async () => {
    const subject = `test-smoke-${randomUUID()}-value`;
    const schema = JSON.stringify({ type: 'record', name: 'Smoke', fields: [{ name: 'n', type: 'int' }] });
    const reg = await fetch(`${registry}/subjects/${subject}/versions`, {
      method: 'POST',
      headers: { 'content-type': 'application/vnd.schemaregistry.v1+json' },
      body: JSON.stringify({ schema, schemaType: 'AVRO' }),
    });
    expect(reg.status).toBe(200);
    const { id } = (await reg.json()) as { id: number };
    const fetched = (await (await fetch(`${registry}/schemas/ids/${id}`)).json()) as { schema: string };
    expect(JSON.parse(fetched.schema)).toEqual(JSON.parse(schema));
    const versions = (await (await fetch(`${registry}/subjects/${subject}/versions`)).json()) as number[];
    expect(versions).toEqual([1]);
    await fetch(`${registry}/subjects/${subject}`, { method: 'DELETE' });
    await fetch(`${registry}/subjects/${subject}?permanent=true`, { method: 'DELETE' });
  });

  it('writes and reads PostgreSQL', async () => {
    const client = new Client({ connectionString: databaseUrl });
    await client.connect();
    const table = `smoke_${randomUUID().replace(/-/g, '')}`;
    await client.query(`CREATE TABLE ${table} (id int PRIMARY KEY, v text)`);
    await client.query(`INSERT INTO ${table} VALUES (1, 'one'), (2, 'two')`);
    const { rows } = await client.query(`SELECT v FROM ${table} ORDER BY id`);
    await client.query(`DROP TABLE ${table}`);
    await client.end();
    expect(rows.map((r: { v: string }) => r.v)).toEqual(['one', 'two']);
  });
});
