import type { LeadStore } from './lead-store.port';

/** The stores (and, when the service produces events, the outbox) of one PostgreSQL transaction. */
export type __Name__Tx = {
  readonly leads: LeadStore;
};

/** Runs a unit of work in one transaction (state and outgoing events commit together). */
export abstract class Transactions {
  abstract run<R>(work: (tx: __Name__Tx) => Promise<R>): Promise<R>;
}

/** An incoming event as the use cases see it: its id, event time (epoch ms) and value. */
export type Incoming<V> = { readonly eventId: string; readonly occurredAt: number; readonly value: V };
