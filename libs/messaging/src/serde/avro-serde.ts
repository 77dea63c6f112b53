import * as avro from 'avsc';
import type { TopicDef } from '@smarketing/contracts';
import { InvalidEventError, UndecodableEventError } from '../errors';
import { SchemaRegistryClient, SchemaRegistryError } from './schema-registry';

const MAGIC_BYTE = 0;

/**
 * Avro in the Confluent wire format (magic byte 0, 4-byte schema id, Avro binary).
 * Values are written with the repo's schema (its registry id looked up, never registered here:
 * registration is a deploy step) and read with the repo's schema as the reader schema, resolved
 * from whatever writer schema the id names, so a service on an older schema reads newer data.
 * An unreachable or failing registry rejects with `DependencyUnavailableError` (retried in place);
 * an id the registry does not know makes the record undecodable.
 */
export class AvroSerde {
  private readonly registry: SchemaRegistryClient;
  private readonly readerTypes = new Map<string, avro.Type>();
  private readonly writerIds = new Map<string, Promise<number>>();
  private readonly writerTypes = new Map<number, Promise<avro.Type>>();
  private readonly resolvers = new Map<string, avro.Resolver | 'same'>();

  constructor(registryUrl: string) {
    this.registry = new SchemaRegistryClient(registryUrl);
  }

  /** The repo schema of a topic as an avsc type (built once). */
  typeOf(topic: TopicDef): avro.Type {
    let t = this.readerTypes.get(topic.name);
    if (!t) {
      t = avro.Type.forSchema(JSON.parse(JSON.stringify(topic.schema)) as avro.Schema);
      this.readerTypes.set(topic.name, t);
    }
    return t;
  }

  /** Field paths of `value` that do not match the topic schema; empty when valid. */
  invalidPaths(topic: TopicDef, value: unknown): string[] {
    const paths: string[] = [];
    this.typeOf(topic).isValid(value, { errorHook: (path) => paths.push(path.join('.') || '(root)') });
    return paths;
  }

  /** The registry id of the repo schema of a topic; fails when the deploy step did not register it. */
  schemaId(topic: TopicDef): Promise<number> {
    let id = this.writerIds.get(topic.name);
    if (!id) {
      id = this.registry.idOf(`${topic.name}-value`, JSON.stringify(topic.schema));
      id.catch(() => this.writerIds.delete(topic.name));
      this.writerIds.set(topic.name, id);
    }
    return id;
  }

  /**
   * `validated: true` skips the field-by-field check for values already checked against the same
   * schema (outbox rows are checked when written); encoding still fails on a value it cannot write.
   */
  async encode(topic: TopicDef, value: unknown, options: { validated?: boolean } = {}): Promise<Buffer> {
    const id = await this.schemaId(topic);
    const type = this.typeOf(topic);
    if (!options.validated) {
      const paths = this.invalidPaths(topic, value);
      if (paths.length) throw new InvalidEventError(topic.name, paths);
    }
    const body = type.toBuffer(value);
    const out = Buffer.allocUnsafe(5 + body.length);
    out.writeUInt8(MAGIC_BYTE, 0);
    out.writeInt32BE(id, 1);
    body.copy(out, 5);
    return out;
  }

  async decode<T>(topic: TopicDef, buffer: Buffer | null): Promise<T> {
    if (!buffer || buffer.length < 6)
      throw new UndecodableEventError(`${topic.name}: empty or truncated value`);
    if (buffer.readUInt8(0) !== MAGIC_BYTE)
      throw new UndecodableEventError(`${topic.name}: unknown magic byte ${buffer.readUInt8(0)}`);
    const id = buffer.readInt32BE(1);
    const reader = this.typeOf(topic);
    const key = `${topic.name}:${id}`;
    let resolver = this.resolvers.get(key);
    if (!resolver) {
      const writer = await this.writerType(id);
      try {
        resolver = writer.equals(reader) ? 'same' : reader.createResolver(writer);
      } catch (e) {
        throw new UndecodableEventError(
          `${topic.name}: writer schema ${id} is incompatible with the reader schema: ${(e as Error).message}`,
        );
      }
      this.resolvers.set(key, resolver);
    }
    try {
      const body = buffer.subarray(5);
      return (resolver === 'same' ? reader.fromBuffer(body) : reader.fromBuffer(body, resolver)) as T;
    } catch (e) {
      throw new UndecodableEventError(
        `${topic.name}: cannot decode with schema ${id}: ${(e as Error).message}`,
      );
    }
  }

  private writerType(id: number): Promise<avro.Type> {
    let t = this.writerTypes.get(id);
    if (!t) {
      t = this.registry.schemaById(id).then(
        ({ schema, schemaType }) => {
          if (schemaType !== undefined && schemaType !== 'AVRO')
            throw new UndecodableEventError(`schema ${id} is ${schemaType}, not Avro`);
          try {
            return avro.Type.forSchema(JSON.parse(schema) as avro.Schema);
          } catch (e) {
            throw new UndecodableEventError(
              `schema ${id} is not a usable Avro schema: ${(e as Error).message}`,
            );
          }
        },
        (e: unknown) => {
          // An id the registry does not know is bad data; an unreachable registry is transient
          // (DependencyUnavailableError, passed on).
          if (e instanceof SchemaRegistryError && e.status === 404)
            throw new UndecodableEventError(`unknown schema id ${id}`);
          throw e;
        },
      );
      t.catch(() => this.writerTypes.delete(id));
      this.writerTypes.set(id, t);
    }
    return t;
  }

  /** Reachability of the registry for readiness probes. */
  ping(): Promise<void> {
    return this.registry.ping();
  }
}
