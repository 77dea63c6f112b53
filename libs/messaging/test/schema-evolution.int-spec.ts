import { TOPICS, type AvroSchema } from '@smarketing/contracts';
import {
  deleteSubject,
  ensureStack,
  registerSchema,
  testTopicDef,
  uniqueTopicName,
} from '@smarketing/testing';
import { UndecodableEventError } from '../src';
import { leadErased, serde } from './support/harness';

type RecordSchema = {
  readonly type: string;
  readonly fields: readonly unknown[];
  readonly [key: string]: unknown;
};
const v1 = TOPICS.leadErased.schema as unknown as RecordSchema;
const withField = (field: Record<string, unknown>): AvroSchema => ({ ...v1, fields: [...v1.fields, field] });
const v2 = withField({ name: 'reason', type: 'string', default: 'unspecified' });

describe('Avro through the schema registry', () => {
  const name = uniqueTopicName('lead-erased');
  const subject = `${name}-value`;
  const oldReader = testTopicDef(name, v1);
  const newWriter = testTopicDef(name, v2);
  let ids: { v1: number; v2: number };

  beforeAll(async () => {
    await ensureStack();
    ids = { v1: await registerSchema(subject, v1), v2: await registerSchema(subject, v2) };
  });

  afterAll(async () => {
    await deleteSubject(subject);
  });

  it('round-trips a value in the Confluent wire format with the registered id', async () => {
    const value = leadErased(7);
    const bytes = await serde().encode(oldReader, value);
    expect(bytes.readUInt8(0)).toBe(0);
    expect(bytes.readInt32BE(1)).toBe(ids.v1);
    expect(await serde().decode(oldReader, bytes)).toEqual(value);
  });

  it('lets a reader on the older schema read data written with the newer one, and the reverse', async () => {
    const written = { ...leadErased(8), reason: 'customer request' };
    const bytes = await serde().encode(newWriter, written);
    expect(bytes.readInt32BE(1)).toBe(ids.v2);

    // A fresh serde (no cache): the writer schema comes from the registry by id.
    const { reason: _reason, ...asV1 } = written;
    expect(await serde().decode(oldReader, bytes)).toEqual(asV1);
    expect(await serde().decode(newWriter, bytes)).toEqual(written);

    const oldBytes = await serde().encode(oldReader, leadErased(9));
    expect(await serde().decode(newWriter, oldBytes)).toEqual({ ...leadErased(9), reason: 'unspecified' });
  });

  it('refuses to write with a schema the registry does not have, and to read an unknown schema id', async () => {
    const unregistered = testTopicDef(name, withField({ name: 'other', type: 'int', default: 0 }));
    await expect(serde().encode(unregistered, { ...leadErased(1), other: 1 } as never)).rejects.toThrow();

    const bytes = await serde().encode(oldReader, leadErased(10));
    bytes.writeInt32BE(2_000_000_000, 1);
    await expect(serde().decode(oldReader, bytes)).rejects.toBeInstanceOf(UndecodableEventError);
  });
});
