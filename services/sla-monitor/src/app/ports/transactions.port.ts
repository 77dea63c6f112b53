import type { CalendarStore, PolicyStore } from './document-store.port';
import type { LeadFactsStore } from './lead-facts-store.port';
import type { MqlStore } from './mql-store.port';
import type { SlaEventSink } from './sla-event-sink.port';
import type { SlaRecordStore } from './sla-record-store.port';
import type { TimerStore } from './timer-store.port';

/** The stores and the outbox of one PostgreSQL transaction. */
export type SlaMonitorTx = {
  readonly policies: PolicyStore;
  readonly calendars: CalendarStore;
  readonly records: SlaRecordStore;
  readonly timers: TimerStore;
  readonly facts: LeadFactsStore;
  readonly mqls: MqlStore;
  readonly events: SlaEventSink;
};

/** Runs a unit of work in one transaction (state and outgoing events commit together). */
export abstract class Transactions {
  abstract run<R>(work: (tx: SlaMonitorTx) => Promise<R>): Promise<R>;
}

/** An incoming event as the use cases see it: its id, event time (epoch ms) and value. */
export type Incoming<V> = { readonly eventId: string; readonly occurredAt: number; readonly value: V };
