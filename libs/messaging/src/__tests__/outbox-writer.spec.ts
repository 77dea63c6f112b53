import { TOPICS, HEADER } from '@smarketing/contracts';
import { InvalidEventError } from '../errors';
import { OutboxWriter } from '../outbox/outbox-writer';
import { AvroSerde } from '../serde/avro-serde';

const serde = new AvroSerde('http://127.0.0.1:1/unused');
const erased = {
  leadId: 'lead-1',
  erasureId: 'e-1',
  requestedBy: 'key-1',
  occurredAt: Date.UTC(2026, 0, 5, 9),
};

describe('OutboxWriter', () => {
  it('keys the record by the topic key field and writes the platform and CloudEvents headers', async () => {
    const writer = new OutboxWriter(serde, 'ingestion');
    const id = writer.add(TOPICS.leadErased, erased, { eventId: '5b2c0d4e-1f0a-4c57-9d3c-7f1c2b3a4d5e' });
    const calls: unknown[][] = [];
    await writer.flush({ query: async (_sql, params) => (calls.push(params ?? []), [{ event_id: id }]) });
    const [topics, keys, ids, types, headers] = calls[0] as string[][];
    expect(topics).toEqual(['ingestion.lead-erased.v1']);
    expect(keys).toEqual(['lead-1']);
    expect(ids).toEqual([id]);
    expect(types).toEqual(['lead-erased']);
    const h = JSON.parse(headers![0]!) as Record<string, string>;
    expect(h[HEADER.eventId]).toBe(id);
    expect(h[HEADER.ceId]).toBe(id);
    expect(h[HEADER.occurredAt]).toBe('2026-01-05T09:00:00.000Z');
    expect(h[HEADER.producer]).toBe('ingestion');
    expect(h[HEADER.ceType]).toBe('io.smarketing.lead-erased.v1');
  });

  it('rejects a value that does not match the schema, naming the field', () => {
    const writer = new OutboxWriter(serde, 'ingestion');
    expect(() => writer.add(TOPICS.leadErased, { ...erased, requestedBy: 42 } as never)).toThrow(
      InvalidEventError,
    );
    try {
      writer.add(TOPICS.leadErased, { ...erased, requestedBy: 42 } as never);
    } catch (e) {
      expect((e as InvalidEventError).paths).toEqual(['requestedBy']);
    }
    expect(writer.size).toBe(0);
  });

  it('writes nothing when no event was added', async () => {
    const writer = new OutboxWriter(serde, 'scoring');
    let called = false;
    const fresh = await writer.flush({ query: async () => ((called = true), []) });
    expect(called).toBe(false);
    expect(fresh.size).toBe(0);
  });
});
