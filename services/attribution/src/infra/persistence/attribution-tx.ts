import { TOPICS, type AttributionCredited } from '@smarketing/contracts';
import type { TxContext } from '@smarketing/messaging';
import { AttributionEvents } from '../../app/ports/attribution-events.port';
import type { AttributionTx } from '../../app/ports/transactions.port';
import { PgConversionStore } from './pg-conversion-store';
import { PgCreditStore } from './pg-credit-store';
import { PgFactStore } from './pg-fact-store';
import { PgSettingsStore } from './pg-settings-store';

class OutboxEvents extends AttributionEvents {
  constructor(private readonly tx: TxContext) {
    super();
  }
  credited(event: AttributionCredited): void {
    this.tx.publish(TOPICS.attributionCredited, event);
  }
}

/** The app's view of one messaging transaction (a consumer batch or a TransactionRunner unit). */
export const attributionTx = (tx: TxContext): AttributionTx => ({
  facts: new PgFactStore(tx),
  conversions: new PgConversionStore(tx),
  credits: new PgCreditStore(tx),
  settings: new PgSettingsStore(tx),
  events: new OutboxEvents(tx),
});
