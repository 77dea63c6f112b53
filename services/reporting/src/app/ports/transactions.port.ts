import type { CostRecord, CreditRecord } from '../../domain/fact-records';
import type { LeadRecord } from '../../domain/lead-record';
import type { OpportunityRecord } from '../../domain/opportunity-record';
import type { AccountStore } from './account-store.port';
import type { PeopleStore } from './people-store.port';
import type { RebuildStore } from './rebuild-store.port';
import type { RecordStore } from './record-store.port';
import type { ActionItemStore, TargetStore } from './review-store.port';
import type { RollupStore } from './rollup-store.port';
import type { SlaStore } from './sla-store.port';
import type { VolumeStore } from './volume-store.port';

/** The stores of one PostgreSQL transaction. */
export type ReportingTx = {
  readonly leads: RecordStore<LeadRecord>;
  readonly opportunities: RecordStore<OpportunityRecord>;
  readonly costs: RecordStore<CostRecord>;
  readonly credits: RecordStore<CreditRecord>;
  readonly sla: SlaStore;
  readonly volume: VolumeStore;
  readonly accounts: AccountStore;
  readonly people: PeopleStore;
  readonly rollup: RollupStore;
  readonly targets: TargetStore;
  readonly actionItems: ActionItemStore;
  readonly rebuild: RebuildStore;
};

/** Runs a unit of work in one transaction. */
export abstract class Transactions {
  abstract run<R>(work: (tx: ReportingTx) => Promise<R>): Promise<R>;
}

/** An incoming event as the use cases see it: its id, event time (epoch ms) and value. */
export type Incoming<V> = { readonly eventId: string; readonly occurredAt: number; readonly value: V };
