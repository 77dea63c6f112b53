import { ensureTopics, type EnsureTopicsResult } from './ensure-topics';
import { withAdmin } from './kafka-admin';
import type { PlatformConfig } from './platform-config';
import { registerSchemas, type RegisteredSubject } from './register-schemas';
import { schemaRegistryClient } from './schema-registry-client';
import { platformTopicSpecs } from './topic-specs';

export type ProvisionResult = {
  readonly topics: EnsureTopicsResult;
  readonly subjects: readonly RegisteredSubject[];
};

/** Creates every topic and registers every schema of the platform. Idempotent. */
export async function provision(config: PlatformConfig): Promise<ProvisionResult> {
  const topics = await withAdmin(config, (admin) => ensureTopics(admin, platformTopicSpecs(config)));
  const subjects = await registerSchemas(schemaRegistryClient(config.registryUrl));
  return { topics, subjects };
}

/** A compact, human summary of a provisioning run. */
export function formatTopics(
  r: EnsureTopicsResult,
  config: Pick<PlatformConfig, 'partitions' | 'replication'>,
): string[] {
  const lines = [
    `topics: ${r.created.length + r.existing.length} (${r.created.length} created, ${r.existing.length} existing, ${r.reconfigured.length} reconfigured); partitions ${config.partitions}, replication ${config.replication}`,
  ];
  if (r.reconfigured.length) lines.push(`  reconfigured: ${r.reconfigured.join(', ')}`);
  lines.push(...r.warnings.map((w) => `  warning: ${w}`));
  return lines;
}

export function formatSubjects(subjects: readonly RegisteredSubject[]): string[] {
  const width = Math.max(0, ...subjects.map((s) => s.subject.length));
  return [
    `subjects: ${subjects.length} (${subjects.filter((s) => s.isNew).length} new), compatibility FULL_TRANSITIVE`,
    ...subjects.map((s) => `  ${s.subject.padEnd(width)}  id ${s.id}${s.isNew ? '  (new)' : ''}`),
  ];
}
