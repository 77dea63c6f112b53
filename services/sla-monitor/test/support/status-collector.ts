import { randomUUID } from 'node:crypto';
import { TOPICS, type SlaStatusChanged, type VolumeSlaEvaluated } from '@smarketing/contracts';
import { AvroSerde } from '@smarketing/messaging';
import { stackEnv, startGroupAtEnd, waitFor } from '@smarketing/testing';
import { Kafka, logLevel, type Consumer } from 'kafkajs';

export type Collected<V> = V & { eventId: string };

/**
 * Reads sla-status-changed and volume-sla-evaluated from their ends at start-up, decoding with the
 * registry, keeping only the leads (and volume policies) a test watches: the topics are shared.
 */
export class StatusCollector {
  readonly statuses: Collected<SlaStatusChanged>[] = [];
  readonly volume: Collected<VolumeSlaEvaluated>[] = [];
  private readonly serde = new AvroSerde(stackEnv().registryUrl);
  private readonly watched = new Set<string>();
  private consumer?: Consumer;

  /** Lead ids (status events) or volume policy ids (evaluations) to keep. */
  watch(...keys: string[]): void {
    for (const k of keys) this.watched.add(k);
  }

  async start(): Promise<void> {
    const topics = [TOPICS.slaStatusChanged.name, TOPICS.volumeSlaEvaluated.name];
    const groupId = `sla-monitor-test-output-${randomUUID()}`;
    await startGroupAtEnd(groupId, topics);
    const kafka = new Kafka({
      clientId: 'sla-monitor-test-output',
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
        if (topic === TOPICS.slaStatusChanged.name)
          this.statuses.push({
            ...(await this.serde.decode<SlaStatusChanged>(TOPICS.slaStatusChanged, message.value)),
            eventId,
          });
        else
          this.volume.push({
            ...(await this.serde.decode<VolumeSlaEvaluated>(TOPICS.volumeSlaEvaluated, message.value)),
            eventId,
          });
      },
    });
    await waitFor(() => joined, { timeoutMs: 60_000, description: 'status collector joined' });
  }

  /** The status events of a lead and kind, one per event id (the relay may repeat one), by sequence. */
  of(leadId: string, kind: SlaStatusChanged['kind'] = 'response'): Collected<SlaStatusChanged>[] {
    const unique = new Map(
      this.statuses.filter((e) => e.leadId === leadId && e.kind === kind).map((e) => [e.eventId, e]),
    );
    return [...unique.values()].sort((a, b) => a.sequence - b.sequence);
  }

  steps(leadId: string, kind: SlaStatusChanged['kind'] = 'response'): string[] {
    return this.of(leadId, kind).map((e) => e.step);
  }

  until<T>(probe: () => T | undefined | false, description: string, timeoutMs = 60_000): Promise<T> {
    return waitFor(probe, { timeoutMs, intervalMs: 100, description });
  }

  async stop(): Promise<void> {
    await this.consumer?.disconnect();
  }
}
