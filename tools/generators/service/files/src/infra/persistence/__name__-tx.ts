import type { TxContext } from '@smarketing/messaging';
import type { __Name__Tx } from '../../app/ports/transactions.port';
import { PgLeadStore } from './pg-lead-store';

/** The app's view of one messaging transaction (a consumer batch or a TransactionRunner unit). */
export const __nameCamel__Tx = (tx: TxContext): __Name__Tx => ({
  leads: new PgLeadStore(tx),
});
