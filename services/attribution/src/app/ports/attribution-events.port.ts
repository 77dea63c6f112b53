import type { AttributionCredited } from '@smarketing/contracts';

/** Outgoing events, written to the outbox of the current transaction. */
export abstract class AttributionEvents {
  abstract credited(event: AttributionCredited): void;
}
