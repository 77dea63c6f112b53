import type { SlaStatusChanged, VolumeSlaEvaluated } from '@smarketing/contracts';

/** Outgoing events, written to the outbox of the current transaction. */
export abstract class SlaEventSink {
  abstract statusChanged(event: SlaStatusChanged, eventId: string): void;
  abstract volumeEvaluated(event: VolumeSlaEvaluated, eventId: string): void;
}
