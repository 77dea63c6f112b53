import { TOPICS, type SlaStatusChanged, type VolumeSlaEvaluated } from '@smarketing/contracts';
import type { TxContext } from '@smarketing/messaging';
import { SlaEventSink } from '../../app/ports/sla-event-sink.port';
import type { SlaMonitorTx } from '../../app/ports/transactions.port';
import { PgCalendarStore, PgPolicyStore } from './pg-document-store';
import { PgLeadFactsStore } from './pg-lead-facts-store';
import { PgMqlStore } from './pg-mql-store';
import { PgSlaRecordStore } from './pg-sla-record-store';
import { PgTimerStore } from './pg-timer-store';

class OutboxEventSink extends SlaEventSink {
  constructor(private readonly tx: TxContext) {
    super();
  }
  statusChanged(event: SlaStatusChanged, eventId: string): void {
    this.tx.publish(TOPICS.slaStatusChanged, event, { eventId });
  }
  volumeEvaluated(event: VolumeSlaEvaluated, eventId: string): void {
    this.tx.publish(TOPICS.volumeSlaEvaluated, event, { eventId });
  }
}

/** The app's view of one messaging transaction (a consumer batch or a TransactionRunner unit). */
export const slaMonitorTx = (tx: TxContext): SlaMonitorTx => ({
  policies: new PgPolicyStore(tx),
  calendars: new PgCalendarStore(tx),
  records: new PgSlaRecordStore(tx),
  timers: new PgTimerStore(tx),
  facts: new PgLeadFactsStore(tx),
  mqls: new PgMqlStore(tx),
  events: new OutboxEventSink(tx),
});
