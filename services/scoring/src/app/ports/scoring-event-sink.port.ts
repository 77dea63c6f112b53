import type { AccountScored, LeadScored, LifecycleChanged } from '@smarketing/contracts';

/** Outgoing events, written to the outbox of the current transaction. */
export abstract class ScoringEventSink {
  abstract leadScored(event: LeadScored): void;
  abstract lifecycleChanged(event: LifecycleChanged): void;
  abstract accountScored(event: AccountScored): void;
}
