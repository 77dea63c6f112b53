import type { AttributionEvents } from './attribution-events.port';
import type { ConversionStore } from './conversion-store.port';
import type { CreditStore } from './credit-store.port';
import type { FactStore } from './fact-store.port';
import type { SettingsStore } from './settings-store.port';

/** The stores and the outbox of one PostgreSQL transaction. */
export type AttributionTx = {
  readonly facts: FactStore;
  readonly conversions: ConversionStore;
  readonly credits: CreditStore;
  readonly settings: SettingsStore;
  readonly events: AttributionEvents;
};

/** Runs a unit of work in one transaction (state and outgoing events commit together). */
export abstract class Transactions {
  abstract run<R>(work: (tx: AttributionTx) => Promise<R>): Promise<R>;
}

/** An incoming event as the use cases see it: its id, event time (epoch ms) and value. */
export type Incoming<V> = { readonly eventId: string; readonly occurredAt: number; readonly value: V };
