import { INTAKE_TOPICS } from '@smarketing/contracts';
import type { Envelope, JsonIntakeHandler, TxContext } from '@smarketing/messaging';
import { segmentCallKey, sourceEventId } from '../../app/event-ids';
import { parseSegmentInput } from '../../app/segment/segment-input';
import type { ApplySegmentCalls } from '../../app/use-cases/apply-segment-calls.use-case';
import type { SegmentCall } from '../../app/validation';
import { ingestionTx } from '../persistence/ingestion-tx';
import { fallbackEventId, reasonOf, receivedAtOf } from './intake-support';

/** Source name of Segment calls produced to Kafka directly; HTTP sources are named by their key. */
export const SEGMENT_INTAKE_SOURCE = 'kafka-segment';

/** intake.segment.v1: one Segment call per record, validated like HTTP; rejects are dead-lettered. */
export class SegmentIntakeHandler implements JsonIntakeHandler {
  readonly topic = INTAKE_TOPICS.segment;
  private readonly parsed = new WeakMap<object, SegmentCall>();

  constructor(private readonly applySegmentCalls: ApplySegmentCalls) {}

  eventIdOf(value: unknown): string | undefined {
    const messageId = (value as { messageId?: unknown }).messageId;
    if (
      (typeof messageId === 'string' && messageId.length > 0 && messageId.length <= 200) ||
      typeof messageId === 'number'
    ) {
      return sourceEventId(SEGMENT_INTAKE_SOURCE, String(messageId));
    }
    // Without a messageId, a valid call's key comes from its content, as over HTTP.
    const call = messageId === undefined ? this.callOf(value) : undefined;
    return typeof call === 'object'
      ? sourceEventId(SEGMENT_INTAKE_SOURCE, segmentCallKey(call))
      : fallbackEventId(value); // validate() names the problem
  }

  validate(event: Envelope<unknown>): string | undefined {
    const call = this.callOf(event.value);
    return typeof call === 'string' ? call : undefined;
  }

  /** The validated call (kept for validate and handle), or why it is invalid. */
  private callOf(value: unknown): SegmentCall | string {
    const known = this.parsed.get(value as object);
    if (known !== undefined) return known;
    try {
      const call = parseSegmentInput('any', value)[0] as SegmentCall;
      this.parsed.set(value as object, call);
      return call;
    } catch (error) {
      return reasonOf(error);
    }
  }

  async handle(events: readonly Envelope<unknown>[], tx: TxContext): Promise<void> {
    const calls = events
      .map((e) => this.parsed.get(e.value as object) ?? parseSegmentInput('any', e.value)[0])
      .filter((c): c is SegmentCall => c !== undefined);
    await this.applySegmentCalls.execute(
      [{ source: SEGMENT_INTAKE_SOURCE, calls, receivedAt: receivedAtOf(events) }],
      ingestionTx(tx),
    );
  }
}
