import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { ALL_DLQ_TOPICS, ALL_INTAKE_TOPICS, ALL_TOPICS, RETENTION, TOPICS } from '@smarketing/contracts';
import { Type } from 'avsc';
import { ConfigResourceTypes } from 'kafkajs';
import { withAdmin } from '../src/kafka-admin';
import { loadPlatformConfig } from '../src/platform-config';
import { provision, type ProvisionResult } from '../src/provision';
import { schemaText, valueSubject } from '../src/register-schemas';
import { SchemaRegistryError, schemaRegistryClient } from '../src/schema-registry-client';

const config = loadPlatformConfig();
const registry = schemaRegistryClient(config.registryUrl);
const repoRoot = join(__dirname, '..', '..', '..');
const DAY = 24 * 60 * 60 * 1000;

const stackUp = async (): Promise<boolean> => {
  try {
    await registry.listSubjects();
    await withAdmin(config, (a) => a.listTopics());
    return true;
  } catch {
    return false;
  }
};

/** A record schema for the throwaway subjects. */
const probe = (fields: object[]): string =>
  JSON.stringify({ type: 'record', name: 'Probe', namespace: 'io.smarketing.test', fields });

describe('provisioning against the local stack', () => {
  let first: ProvisionResult;
  let second: ProvisionResult;
  const scratch: string[] = [];

  beforeAll(async () => {
    // Never a skip: a missing stack is started, and a stack that cannot start fails the suite.
    if (!(await stackUp())) {
      execFileSync('bash', [join(repoRoot, 'deploy/local/stack.sh'), 'start'], {
        cwd: repoRoot,
        stdio: 'inherit',
        timeout: 600_000,
      });
      if (!(await stackUp()))
        throw new Error(`local stack not reachable at ${config.brokers.join(',')} / ${config.registryUrl}`);
    }
    first = await provision(config);
    second = await provision(config);
  }, 600_000);

  afterAll(async () => {
    for (const subject of scratch) await registry.deleteSubject(subject, true).catch(() => undefined);
  });

  it('creates every event, intake and dead-letter topic with the configured partition count', async () => {
    const wanted = [
      ...ALL_TOPICS.map((t) => t.name),
      ...ALL_INTAKE_TOPICS.map((t) => t.name),
      ...ALL_DLQ_TOPICS,
    ];
    const { topics } = await withAdmin(config, (a) => a.fetchTopicMetadata({ topics: wanted }));
    expect(topics.map((t) => t.name).sort()).toEqual([...wanted].sort());
    for (const t of topics)
      expect({ topic: t.name, partitions: t.partitions.length }).toEqual({
        topic: t.name,
        partitions: config.partitions,
      });
  });

  it('gives events and dead letters their retention and delete cleanup', async () => {
    const event = TOPICS.leadScored.name;
    const dlq = ALL_DLQ_TOPICS[0]!;
    const { resources } = await withAdmin(config, (a) =>
      a.describeConfigs({
        includeSynonyms: false,
        resources: [event, dlq].map((name) => ({
          type: ConfigResourceTypes.TOPIC,
          name,
          configNames: ['cleanup.policy', 'retention.ms'],
        })),
      }),
    );
    const get = (topic: string, key: string) =>
      resources.find((r) => r.resourceName === topic)?.configEntries.find((e) => e.configName === key)
        ?.configValue;
    expect(get(event, 'cleanup.policy')).toBe('delete');
    expect(get(event, 'retention.ms')).toBe(RETENTION[config.retentionProfile].history['retention.ms']);
    expect(get(dlq, 'retention.ms')).toBe(RETENTION[config.retentionProfile]['dead-letter']['retention.ms']);
    expect(get(dlq, 'retention.ms')).toBe(String(14 * DAY));
  });

  it('registers each topic schema from the repo under <topic>-value (the same schema, with docs and defaults)', async () => {
    const subjects = await registry.listSubjects();
    for (const t of ALL_TOPICS) {
      expect(subjects).toContain(valueSubject(t.name));
      const registered = first.subjects.find((s) => s.subject === valueSubject(t.name))!;
      // Apicurio answers with Avro Java's rendering (redundant nested namespaces dropped), so compare the
      // schemas as avsc normalizes them, docs and defaults included, not as text.
      const normalized = (schema: unknown) => Type.forSchema(schema as never).schema({ exportAttrs: true });
      expect(normalized(JSON.parse(await registry.getSchemaById(registered.id)))).toEqual(
        normalized(t.schema),
      );
    }
  });

  it('pins every subject to FULL_TRANSITIVE', async () => {
    for (const t of ALL_TOPICS)
      expect(await registry.getCompatibility(valueSubject(t.name))).toBe('FULL_TRANSITIVE');
  });

  it('is idempotent: a second run creates nothing, changes no config and keeps every schema id', () => {
    expect(second.topics.created).toEqual([]);
    expect(second.topics.reconfigured).toEqual([]);
    expect(second.topics.warnings).toEqual([]);
    expect(second.subjects.map((s) => [s.subject, s.id, s.isNew])).toEqual(
      first.subjects.map((s) => [s.subject, s.id, false]),
    );
  });

  it('has the registry refuse a field type change on a real topic subject', async () => {
    const t = TOPICS.leadScored;
    const schema = JSON.parse(schemaText(t)) as { fields: { name: string; type: unknown }[] };
    schema.fields.find((f) => f.name === 'modelVersion')!.type = 'string'; // int -> string
    expect(await registry.isCompatible(valueSubject(t.name), JSON.stringify(schema))).toBe(false);
    expect(await registry.isCompatible(valueSubject(t.name), schemaText(t))).toBe(true);
  });

  it('enforces FULL_TRANSITIVE on registration, against every earlier version and not only the latest', async () => {
    const subject = `test-${randomUUID()}-value`;
    scratch.push(subject);
    const v1 = probe([
      { name: 'leadId', type: 'string' },
      { name: 'note', type: ['null', 'string'], default: null },
    ]);
    const v2 = probe([{ name: 'leadId', type: 'string' }]); // drops note: it had a default, so FULL-compatible
    const v3 = probe([
      { name: 'leadId', type: 'string' },
      { name: 'note', type: ['null', 'long'], default: null }, // fine against v2, not against v1
    ]);
    const typeChange = probe([{ name: 'leadId', type: 'int' }]);

    const id1 = await registry.register(subject, v1);
    await registry.setCompatibility(subject, 'FULL_TRANSITIVE');
    expect(await registry.getCompatibility(subject)).toBe('FULL_TRANSITIVE');
    expect(await registry.register(subject, v1)).toBe(id1); // unchanged schema: same id

    await expect(registry.register(subject, typeChange)).rejects.toMatchObject({ status: 409 });
    expect(await registry.register(subject, v2)).not.toBe(id1);

    // The compatibility endpoint checks against the latest version only (v2), as in Confluent's API...
    expect(await registry.isCompatible(subject, v3)).toBe(true);
    // ...but registration applies the transitive rule and refuses v3 because of v1.
    const refused = await registry.register(subject, v3).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(SchemaRegistryError);
    expect((refused as SchemaRegistryError).status).toBe(409);
  });
});
