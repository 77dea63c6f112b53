import type { AccountStore } from './account-store.port';
import type { IcpStore } from './icp-store.port';
import type { LeadStore } from './lead-store.port';
import type { ModelStore } from './model-store.port';
import type { RescoreJobStore } from './rescore-job-store.port';
import type { ScoringEventSink } from './scoring-event-sink.port';

/** The stores and the outbox of one PostgreSQL transaction. */
export type ScoringTx = {
  readonly leads: LeadStore;
  readonly models: ModelStore;
  readonly jobs: RescoreJobStore;
  readonly icps: IcpStore;
  readonly accounts: AccountStore;
  readonly events: ScoringEventSink;
};

/** Runs a unit of work in one transaction (state and outgoing events commit together). */
export abstract class Transactions {
  abstract run<R>(work: (tx: ScoringTx) => Promise<R>): Promise<R>;
}

/** An incoming event as the use cases see it: its id (the causeEventId of what it triggers), event time and value. */
export type Incoming<V> = { readonly eventId: string; readonly occurredAt: number; readonly value: V };
