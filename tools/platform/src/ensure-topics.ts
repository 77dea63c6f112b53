import { ConfigResourceTypes, type Admin } from 'kafkajs';
import type { TopicSpec } from './topic-specs';

/** What ensureTopics did. */
export type EnsureTopicsResult = {
  readonly created: string[];
  readonly existing: string[];
  /** Existing topics whose managed configs differed and were set to the desired values. */
  readonly reconfigured: string[];
  /** Differences that are not fixed automatically (partition counts). */
  readonly warnings: string[];
};

/**
 * Creates missing topics and converges the configs of existing ones. Idempotent.
 * Partition counts are never changed on an existing topic: adding partitions remaps keys to partitions
 * and so breaks per-key ordering for consumers mid-stream; a mismatch is reported instead.
 */
export async function ensureTopics(admin: Admin, specs: readonly TopicSpec[]): Promise<EnsureTopicsResult> {
  const before = new Set(await admin.listTopics());
  const missing = specs.filter((s) => !before.has(s.name));
  if (missing.length) {
    await admin.createTopics({
      waitForLeaders: true,
      topics: missing.map((s) => ({
        topic: s.name,
        numPartitions: s.partitions,
        replicationFactor: s.replication,
        configEntries: Object.entries(s.configs).map(([name, value]) => ({ name, value })),
      })),
    });
  }
  const present = specs.filter((s) => before.has(s.name));
  const warnings: string[] = [];
  const reconfigured: string[] = [];
  if (present.length) {
    const { topics } = await admin.fetchTopicMetadata({ topics: present.map((s) => s.name) });
    const partitions = new Map(topics.map((t) => [t.name, t.partitions.length]));
    for (const s of present) {
      const n = partitions.get(s.name);
      if (n !== s.partitions)
        warnings.push(
          `${s.name} has ${n} partitions, want ${s.partitions} (not changed: it would remap keys)`,
        );
    }
    const described = await admin.describeConfigs({
      includeSynonyms: false,
      resources: present.map((s) => ({
        type: ConfigResourceTypes.TOPIC,
        name: s.name,
        configNames: Object.keys(s.configs),
      })),
    });
    const actual = new Map(
      described.resources.map((r) => [
        r.resourceName,
        new Map(r.configEntries.map((e) => [e.configName, e.configValue])),
      ]),
    );
    const drifted = present.filter((s) =>
      Object.entries(s.configs).some(([k, v]) => actual.get(s.name)?.get(k) !== v),
    );
    if (drifted.length) {
      await admin.alterConfigs({
        validateOnly: false,
        resources: drifted.map((s) => ({
          type: ConfigResourceTypes.TOPIC,
          name: s.name,
          configEntries: Object.entries(s.configs).map(([name, value]) => ({ name, value })),
        })),
      });
      reconfigured.push(...drifted.map((s) => s.name));
    }
  }
  return {
    created: missing.map((s) => s.name),
    existing: present.map((s) => s.name),
    reconfigured,
    warnings,
  };
}
