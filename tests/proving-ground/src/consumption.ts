import { ALL_TOPICS, type ServiceName } from '@smarketing/contracts';
import type { TestDatabase } from '@smarketing/testing';
import type { TopicCounts } from './digest';

/**
 * Nothing lost, nothing applied twice, whatever the order: every event on every platform topic a
 * service reads is in that service's inbox exactly once (the inbox row commits in the same
 * transaction as the event's effects, keyed by consumer and event id), and the inbox holds no event
 * the topic does not carry. Order-independent, so it holds for the parts whose end state depends
 * on the order the topics were consumed in (digest.ts, ORDER_DEPENDENT).
 */
export async function checkConsumption(
  databases: ReadonlyMap<ServiceName, Pick<TestDatabase, 'query'>>,
  topics: ReadonlyMap<string, TopicCounts>,
): Promise<string[]> {
  const problems: string[] = [];
  for (const [service, db] of databases)
    for (const topic of ALL_TOPICS.filter((t) => t.readers.includes(service))) {
      const rows = await db.query<{ event_id: string }>(
        `SELECT event_id::text FROM messaging_inbox WHERE topic = $1`,
        [topic.name],
      );
      const inbox = new Set(rows.map((r) => r.event_id.toLowerCase()));
      const published = new Set([...(topics.get(topic.name)?.ids ?? [])].map((id) => id.toLowerCase()));
      const lost = [...published].filter((id) => !inbox.has(id));
      const foreign = [...inbox].filter((id) => !published.has(id));
      if (lost.length)
        problems.push(
          `${service} never applied ${lost.length} of ${published.size} events of ${topic.name}, e.g. ${lost[0]}`,
        );
      // Compaction may drop superseded values of the profile topic while the run goes on, so
      // only there an applied event may no longer be on the topic.
      if (foreign.length && topic.retention !== 'profile')
        problems.push(
          `${service} applied ${foreign.length} events ${topic.name} does not carry, e.g. ${foreign[0]}`,
        );
    }
  return problems;
}
