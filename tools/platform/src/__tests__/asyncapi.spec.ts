import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DiagnosticSeverity, Parser, type SchemaParser } from '@asyncapi/parser';
import { ALL_DLQ_TOPICS, ALL_INTAKE_TOPICS, ALL_TOPICS, HEADER } from '@smarketing/contracts';
import { Type } from 'avsc';
import { parse as parseYaml } from 'yaml';
import { AVRO_SCHEMA_FORMAT, buildAsyncApi, renderAsyncApi } from '../asyncapi';

/**
 * @asyncapi/avro-schema-parser is not a dependency; this stand-in checks each embedded Avro schema with avsc
 * (the library our serde uses) so that payloads are validated rather than skipped with a warning.
 * @asyncapi/parser 3.6 calls only parse() for AsyncAPI 3 documents (validate() is used for 2.x), and turns
 * an exception there into an error diagnostic, so parse() is where the check has to happen.
 */
const checkAvro = (data: unknown): Type => {
  try {
    return Type.forSchema(data as never);
  } catch (e) {
    throw new Error(`invalid Avro schema: ${(e as Error).message}`);
  }
};
const avroParser: SchemaParser = {
  getMimeTypes: () => [AVRO_SCHEMA_FORMAT],
  validate: (input) => {
    try {
      checkAvro(input.data);
      return [];
    } catch (e) {
      return [{ message: (e as Error).message, path: input.path }];
    }
  },
  parse: (input) => {
    checkAvro(input.data);
    return { type: 'object', description: String((input.data as { doc?: string }).doc ?? '') };
  },
};

type Channel = { address: string; 'x-writer': string; 'x-readers': string[] };
type Operation = { action: 'send' | 'receive'; channel: { $ref: string } };

describe('AsyncAPI document', () => {
  const text = renderAsyncApi();

  it('parses with @asyncapi/parser without error diagnostics, Avro payloads included', async () => {
    const parser = new Parser({ schemaParsers: [avroParser] });
    const { document, diagnostics } = await parser.parse(text);
    const errors = diagnostics.filter((d) => d.severity === DiagnosticSeverity.Error);
    expect(errors.map((d) => `${d.path.join('.')}: ${d.message}`)).toEqual([]);
    expect(document).toBeDefined();
    expect(document!.channels().length).toBe(
      ALL_TOPICS.length + ALL_INTAKE_TOPICS.length + ALL_DLQ_TOPICS.length,
    );
    expect(document!.messages().length).toBeGreaterThanOrEqual(ALL_TOPICS.length);
  });

  it('fails validation when an embedded Avro schema is broken (the payload check is real)', async () => {
    const doc = buildAsyncApi() as {
      components: { messages: Record<string, { payload: { schema: unknown } }> };
    };
    doc.components.messages.LeadUpserted!.payload.schema = {
      type: 'record',
      name: 'Broken',
      fields: [{ name: 'x', type: 'nope' }],
    };
    const { diagnostics } = await new Parser({ schemaParsers: [avroParser] }).parse(JSON.stringify(doc));
    expect(
      diagnostics.some(
        (d) => d.severity === DiagnosticSeverity.Error && /invalid Avro schema/.test(d.message),
      ),
    ).toBe(true);
  });

  it('has one channel per topic, intake topic and dead-letter topic, addressed by topic name', () => {
    const doc = parseYaml(text) as { channels: Record<string, Channel> };
    const addresses = Object.values(doc.channels)
      .map((c) => c.address)
      .sort();
    expect(addresses).toEqual(
      [...ALL_TOPICS, ...ALL_INTAKE_TOPICS]
        .map((t) => t.name)
        .concat(ALL_DLQ_TOPICS)
        .sort(),
    );
  });

  it('names the writer on a send operation and each reader on its own receive operation', () => {
    const doc = parseYaml(text) as {
      channels: Record<string, Channel>;
      operations: Record<string, Operation>;
    };
    for (const t of [...ALL_TOPICS, ...ALL_INTAKE_TOPICS]) {
      const [id, channel] = Object.entries(doc.channels).find(([, c]) => c.address === t.name)!;
      expect(channel['x-writer']).toBe(t.writer);
      expect(channel['x-readers']).toEqual(t.readers);
      const ops = Object.values(doc.operations).filter((o) => o.channel.$ref === `#/channels/${id}`);
      expect(ops.filter((o) => o.action === 'send')).toHaveLength(1);
      expect(ops.filter((o) => o.action === 'receive')).toHaveLength(t.readers.length);
    }
  });

  it('embeds each Avro schema with its key field and the platform headers', () => {
    const doc = parseYaml(text) as {
      components: {
        messages: Record<
          string,
          {
            payload: { schemaFormat: string; schema: unknown };
            headers: { properties: object; 'x-cloudevents'?: unknown };
            bindings: { kafka: { key: object } };
            'x-key-field'?: string;
            'x-subject'?: string;
          }
        >;
      };
    };
    for (const t of ALL_TOPICS) {
      const m = Object.values(doc.components.messages).find((x) => x['x-subject'] === `${t.name}-value`)!;
      expect(m.payload).toEqual({ schemaFormat: AVRO_SCHEMA_FORMAT, schema: t.schema });
      expect(m['x-key-field']).toBe(t.keyField);
      expect(m.bindings.kafka.key).toMatchObject({ type: 'string', 'x-key-field': t.keyField });
      expect(Object.keys(m.headers.properties)).toEqual(
        expect.arrayContaining([
          HEADER.eventId,
          HEADER.eventType,
          HEADER.occurredAt,
          HEADER.producer,
          HEADER.traceparent,
        ]),
      );
      // CloudEvents names are mapped to, not written (DESIGN: "use them or map to them").
      expect(Object.keys(m.headers.properties)).not.toContain(HEADER.ceId);
      expect(m.headers['x-cloudevents']).toEqual({
        [HEADER.ceSpecVersion]: '1.0',
        [HEADER.ceId]: `header ${HEADER.eventId}`,
        [HEADER.ceType]: `io.smarketing.${t.eventType}.v1`,
        [HEADER.ceSource]: `/smarketing/${t.writer}`,
        [HEADER.ceTime]: `header ${HEADER.occurredAt}`,
      });
    }
  });

  it('is committed up to date (docs/asyncapi.yaml)', () => {
    const committed = readFileSync(join(__dirname, '..', '..', '..', '..', 'docs', 'asyncapi.yaml'), 'utf8');
    expect(committed).toBe(text);
  });
});
