import { uuidV5 } from '@smarketing/contracts';
import { InvalidInputError } from '../../app/errors';
import { INGESTION_EVENT_NAMESPACE } from '../../app/event-ids';

/** A deterministic id for a record we will reject, so validate() can name the problem. */
export const fallbackEventId = (value: unknown): string =>
  uuidV5(`invalid\n${JSON.stringify(value)}`, INGESTION_EVENT_NAMESPACE);

/** The time ingestion received a batch of intake records: the newest record time, else now. */
export const receivedAtOf = (events: readonly { occurredAt: number }[]): number =>
  Math.max(...events.map((e) => e.occurredAt).filter(Number.isFinite), 0) || Date.now();

/** The dead-letter reason: the field paths and problems, bounded. */
export function reasonOf(error: unknown): string {
  if (error instanceof InvalidInputError)
    return error.errors
      .map((e) => `${e.path}: ${e.message}`)
      .join('; ')
      .slice(0, 2_000);
  return error instanceof Error ? error.message.slice(0, 2_000) : 'invalid record';
}
