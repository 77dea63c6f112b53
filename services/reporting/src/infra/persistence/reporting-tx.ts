import type { TxContext } from '@smarketing/messaging';
import type { ReportingTx } from '../../app/ports/transactions.port';
import { PgAccountStore, PgSlaStore, PgVolumeStore } from './pg-fact-stores';
import { PgPeopleStore } from './pg-people-store';
import { PgRecordStore } from './pg-record-store';
import { PgActionItemStore, PgRebuildStore, PgTargetStore } from './pg-review-stores';
import { PgRollupStore } from './pg-rollup-store';
import { COSTS, CREDITS, LEADS, OPPORTUNITIES } from './record-tables';

/** The app's view of one messaging transaction (a consumer batch or a TransactionRunner unit). */
export const reportingTx = (tx: TxContext): ReportingTx => ({
  leads: new PgRecordStore(tx, LEADS),
  opportunities: new PgRecordStore(tx, OPPORTUNITIES),
  costs: new PgRecordStore(tx, COSTS),
  credits: new PgRecordStore(tx, CREDITS),
  sla: new PgSlaStore(tx),
  volume: new PgVolumeStore(tx),
  accounts: new PgAccountStore(tx),
  people: new PgPeopleStore(tx),
  rollup: new PgRollupStore(tx),
  targets: new PgTargetStore(tx),
  actionItems: new PgActionItemStore(tx),
  rebuild: new PgRebuildStore(tx),
});
