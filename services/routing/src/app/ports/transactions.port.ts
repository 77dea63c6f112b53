import type { AccountScoreStore } from './account-score-store.port';
import type { AssignmentStore } from './assignment-store.port';
import type { HeldStore } from './held-store.port';
import type { LeadStore } from './lead-store.port';
import type { OrgStore } from './org-store.port';
import type { PoolStateStore } from './pool-state-store.port';
import type { RoutingEventSink } from './routing-event-sink.port';
import type { RulesStore } from './rules-store.port';

/** The stores and the outbox of one PostgreSQL transaction. */
export type RoutingTx = {
  readonly leads: LeadStore;
  readonly accounts: AccountScoreStore;
  readonly assignments: AssignmentStore;
  readonly pools: PoolStateStore;
  readonly held: HeldStore;
  readonly org: OrgStore;
  readonly rules: RulesStore;
  readonly events: RoutingEventSink;
};

/** Runs a unit of work in one transaction (state and outgoing events commit together). */
export abstract class Transactions {
  abstract run<R>(work: (tx: RoutingTx) => Promise<R>): Promise<R>;
  /** A read-only transaction (dry runs, reads): nothing it does can be written. */
  abstract read<R>(work: (tx: RoutingTx) => Promise<R>): Promise<R>;
}

/** An incoming event as the use cases see it: its id (the cause of what it triggers), event time and value. */
export type Incoming<V> = { readonly eventId: string; readonly occurredAt: number; readonly value: V };
