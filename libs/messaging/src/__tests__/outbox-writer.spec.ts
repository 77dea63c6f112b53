import { TOPICS, HEADER } from '@smarketing/contracts';
import { InvalidEventError } from '../errors';
import { eventHeaders, OutboxWriter } from '../outbox/outbox-writer';
import { AvroSerde } from '../serde/avro-serde';

const serde = new AvroSerde('http://127.0.0.1:1/unused');
const erased = {
  leadId: 'lead-1',
  erasureId: 'e-1',
  requestedBy: 'key-1',
  occurredAt: Date.UTC(2026, 0, 5, 9),
};

describe('OutboxWriter', () => {
  it('writes one row per transaction: the events as records, their encoded values back to back', async () => {
    const encoded = Buffer.from([0, 0, 0, 0, 7, 1, 2, 3]);
    const fake = { encode: jest.fn(async () => encoded), invalidPaths: serde.invalidPaths.bind(serde) };
    const writer = new OutboxWriter(fake as unknown as AvroSerde);
    const id = writer.add(TOPICS.leadErased, erased, { eventId: '5b2c0d4e-1f0a-4c57-9d3c-7f1c2b3a4d5e' });
    const second = writer.add(TOPICS.leadErased, { ...erased, leadId: 'lead-2' });
    const calls: unknown[][] = [];
    const ids = await writer.flush({ query: async (_sql, params) => (calls.push(params ?? []), []) });
    expect(ids).toEqual([id, second]);
    expect(calls).toHaveLength(1);
    const [count, topics, records, values] = calls[0] as [number, string[], string, Buffer];
    expect(count).toBe(2);
    expect(topics).toEqual(['ingestion.lead-erased.v1']);
    expect(JSON.parse(records)).toEqual([
      {
        topic: 'ingestion.lead-erased.v1',
        key: 'lead-1', // the topic's key field
        eventId: id,
        eventType: 'lead-erased',
        occurredAt: Date.UTC(2026, 0, 5, 9),
        offset: 0,
        length: 8,
        // no headers: no active span here, so no trace context
      },
      expect.objectContaining({ key: 'lead-2', eventId: second, offset: 8, length: 8 }),
    ]);
    expect(values).toEqual(Buffer.concat([encoded, encoded]));
    expect(fake.encode).toHaveBeenCalledWith(TOPICS.leadErased, erased, { validated: true });
  });

  it('derives the platform headers from the event columns, and only them (CloudEvents names are mapped to)', () => {
    const h = eventHeaders({
      eventId: '5b2c0d4e-1f0a-4c57-9d3c-7f1c2b3a4d5e',
      eventType: 'lead-erased',
      occurredAt: Date.UTC(2026, 0, 5, 9),
      producer: 'ingestion',
    });
    expect(h).toEqual({
      [HEADER.eventId]: '5b2c0d4e-1f0a-4c57-9d3c-7f1c2b3a4d5e',
      [HEADER.eventType]: 'lead-erased',
      [HEADER.occurredAt]: '2026-01-05T09:00:00.000Z',
      [HEADER.producer]: 'ingestion',
    });
  });

  it('rejects a value that does not match the schema, naming the field', () => {
    const writer = new OutboxWriter(serde);
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
    const writer = new OutboxWriter(serde);
    let called = false;
    const ids = await writer.flush({ query: async () => ((called = true), []) });
    expect(called).toBe(false);
    expect(ids).toEqual([]);
  });
});
