import { randomUUID } from 'node:crypto';
import { TOPICS, type AccountScored, type LeadScored, type LifecycleChanged } from '@smarketing/contracts';
import { AvroSerde } from '@smarketing/messaging';
import { stackEnv, startGroupAtEnd, waitFor } from '@smarketing/testing';
import { Kafka, logLevel, type Consumer } from 'kafkajs';

type Collected<V> = V & { eventId: string };

/**
 * Reads lead-scored, lifecycle-changed and account-scored from their end at start-up, decoding with the
 * registry and keeping only the leads and accounts a test asked for (the topics are shared with concurrent test runs).
 */
export class OutputCollector {
  readonly scored: Collected<LeadScored>[] = [];
  readonly lifecycle: Collected<LifecycleChanged>[] = [];
  readonly accounts: Collected<AccountScored>[] = [];
  private readonly serde = new AvroSerde(stackEnv().registryUrl);
  private readonly watched = new Set<string>();
  private consumer?: Consumer;

  watch(...leadIds: string[]): void {
    for (const id of leadIds) this.watched.add(id);
  }

  async start(): Promise<void> {
    const groupId = `scoring-test-output-${randomUUID()}`;
    const topics = [TOPICS.leadScored.name, TOPICS.lifecycleChanged.name, TOPICS.accountScored.name];
    await startGroupAtEnd(groupId, topics);
    const kafka = new Kafka({
      clientId: 'scoring-test-output',
      brokers: stackEnv().brokers,
      logLevel: logLevel.NOTHING,
    });
    this.consumer = kafka.consumer({ groupId, maxWaitTimeInMs: 100 });
    await this.consumer.connect();
    await this.consumer.subscribe({ topics, fromBeginning: false });
    let joined = false;
    this.consumer.on(this.consumer.events.GROUP_JOIN, () => {
      joined = true;
    });
    await this.consumer.run({
      eachMessage: async ({ topic, message }) => {
        const key = message.key?.toString('utf8') ?? '';
        if (!this.watched.has(key)) return;
        const eventId = message.headers?.['event-id']?.toString() ?? '';
        if (topic === TOPICS.leadScored.name)
          this.scored.push({
            ...(await this.serde.decode<LeadScored>(TOPICS.leadScored, message.value)),
            eventId,
          });
        else if (topic === TOPICS.accountScored.name)
          this.accounts.push({
            ...(await this.serde.decode<AccountScored>(TOPICS.accountScored, message.value)),
            eventId,
          });
        else
          this.lifecycle.push({
            ...(await this.serde.decode<LifecycleChanged>(TOPICS.lifecycleChanged, message.value)),
            eventId,
          });
      },
    });
    await waitFor(() => joined, { timeoutMs: 60_000, description: 'output collector joined' });
  }

  scoredFor(leadId: string): Collected<LeadScored>[] {
    return this.scored.filter((e) => e.leadId === leadId);
  }

  accountsFor(accountId: string): Collected<AccountScored>[] {
    return this.accounts.filter((e) => e.accountId === accountId);
  }

  lifecycleFor(leadId: string): Collected<LifecycleChanged>[] {
    return this.lifecycle.filter((e) => e.leadId === leadId);
  }

  /** Waits until `probe` finds what it looks for in the collected events. */
  until<T>(probe: () => T | undefined | false, description: string, timeoutMs = 60_000): Promise<T> {
    return waitFor(probe, { timeoutMs, intervalMs: 100, description });
  }

  async stop(): Promise<void> {
    await this.consumer?.disconnect();
  }
}
