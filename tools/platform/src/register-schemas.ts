import { ALL_TOPICS, type TopicDef } from '@smarketing/contracts';
import type { CompatibilityLevel, SchemaRegistryClient } from './schema-registry-client';

/** The subject of a topic's value schema (Confluent TopicNameStrategy). */
export const valueSubject = (topic: string): string => `${topic}-value`;

/**
 * The exact text registered for a schema. Registries compare text (Apicurio) or a canonical form (Confluent),
 * so every registration and every lookup uses this one serialization.
 */
export const schemaText = (t: Pick<TopicDef, 'schema'>): string => JSON.stringify(t.schema);

export type RegisteredSubject = {
  readonly subject: string;
  readonly topic: string;
  readonly id: number;
  /** The subject did not exist before this run. */
  readonly isNew: boolean;
};

/**
 * Registers each topic's schema from the repo under `<topic>-value` and pins the subject's compatibility.
 * Idempotent: an unchanged schema keeps its id. On an existing subject the compatibility is pinned before
 * registering, so a changed schema is checked under FULL_TRANSITIVE even if someone relaxed the subject.
 */
export async function registerSchemas(
  registry: SchemaRegistryClient,
  topics: readonly Pick<TopicDef, 'name' | 'schema'>[] = ALL_TOPICS,
  compatibility: CompatibilityLevel = 'FULL_TRANSITIVE',
): Promise<RegisteredSubject[]> {
  const existing = new Set(await registry.listSubjects());
  const out: RegisteredSubject[] = [];
  for (const t of topics) {
    const subject = valueSubject(t.name);
    const isNew = !existing.has(subject);
    if (!isNew) await registry.setCompatibility(subject, compatibility);
    const id = await registry.register(subject, schemaText(t));
    if (isNew) await registry.setCompatibility(subject, compatibility);
    out.push({ subject, topic: t.name, id, isNew });
  }
  return out;
}
