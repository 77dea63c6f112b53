import type { LeadAssigned } from '@smarketing/contracts';

/** The outbox of the transaction: events commit with the state that caused them. */
export abstract class RoutingEventSink {
  abstract leadAssigned(event: LeadAssigned, eventId: string): void;
}
