import { TOPICS, type AttributionCredited } from '@smarketing/contracts';
import { AvroSerde } from '@smarketing/messaging';
import { readTopic, stackEnv, topicPositions, waitFor } from '@smarketing/testing';

/**
 * Reads attribution-credited from where it stood when `mark()` was called, keeping the records of
 * the keys (conversion ids) a test asks for: the topic is shared with other runs.
 */
export class CreditedReader {
  private readonly serde = new AvroSerde(stackEnv().registryUrl);
  private from: ReadonlyMap<number, number> | undefined;

  async mark(): Promise<void> {
    this.from = (await topicPositions([TOPICS.attributionCredited.name])).get(
      TOPICS.attributionCredited.name,
    );
  }

  async of(conversionId: string): Promise<AttributionCredited[]> {
    const records = await readTopic(TOPICS.attributionCredited.name, { from: this.from });
    const mine = records.filter((r) => r.key === conversionId);
    return Promise.all(
      mine.map((r) => this.serde.decode<AttributionCredited>(TOPICS.attributionCredited, r.value)),
    );
  }

  /** Waits until `enough` holds for the conversion's events, and returns them. */
  async waitFor(
    conversionId: string,
    enough: (events: AttributionCredited[]) => boolean,
    description: string,
  ): Promise<AttributionCredited[]> {
    let last: AttributionCredited[] = [];
    await waitFor(
      async () => {
        last = await this.of(conversionId);
        return enough(last);
      },
      { timeoutMs: 60_000, intervalMs: 250, description },
    );
    return last;
  }
}
