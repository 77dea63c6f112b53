import { registerSchemas, schemaText, valueSubject } from '../register-schemas';
import type { SchemaRegistryClient } from '../schema-registry-client';

const topic = (name: string) => ({ name, schema: { type: 'record', name: 'X', fields: [] } });

/** An in-memory registry recording the order of calls. */
function fakeRegistry(subjects: string[]) {
  const calls: string[] = [];
  const registry = {
    listSubjects: async () => subjects,
    register: async (subject: string, schema: string) => {
      calls.push(`register ${subject} ${schema}`);
      return 7;
    },
    setCompatibility: async (subject: string, level: string) => {
      calls.push(`config ${subject} ${level}`);
    },
  } as unknown as SchemaRegistryClient;
  return { registry, calls };
}

describe('registerSchemas', () => {
  it('registers a new subject first, then pins FULL_TRANSITIVE', async () => {
    const { registry, calls } = fakeRegistry([]);
    const out = await registerSchemas(registry, [topic('a.b.v1')]);
    expect(calls).toEqual([
      `register a.b.v1-value ${schemaText(topic('a.b.v1'))}`,
      'config a.b.v1-value FULL_TRANSITIVE',
    ]);
    expect(out).toEqual([{ subject: 'a.b.v1-value', topic: 'a.b.v1', id: 7, isNew: true }]);
  });

  it('pins FULL_TRANSITIVE on an existing subject before registering, so the new version is checked under it', async () => {
    const { registry, calls } = fakeRegistry([valueSubject('a.b.v1')]);
    await registerSchemas(registry, [topic('a.b.v1')]);
    expect(calls.map((c) => c.split(' ')[0])).toEqual(['config', 'register']);
  });
});
