import { TOPICS, type LeadAssigned } from '@smarketing/contracts';
import type { TxContext } from '@smarketing/messaging';
import { RoutingEventSink } from '../../app/ports/routing-event-sink.port';
import type { RoutingTx } from '../../app/ports/transactions.port';
import { PgAccountScoreStore } from './pg-account-score-store';
import { PgAssignmentStore } from './pg-assignment-store';
import { PgHeldStore } from './pg-held-store';
import { PgLeadStore } from './pg-lead-store';
import { PgOrgStore } from './pg-org-store';
import { PgPoolStateStore } from './pg-pool-state-store';
import { PgRulesStore } from './pg-rules-store';

class OutboxEventSink extends RoutingEventSink {
  constructor(private readonly tx: TxContext) {
    super();
  }
  // The assignment id is the event id: a decision re-made after a crash publishes the same event-id.
  leadAssigned(event: LeadAssigned, eventId: string): void {
    this.tx.publish(TOPICS.leadAssigned, event, { eventId });
  }
}

/** The app's view of one messaging transaction (a consumer batch or a TransactionRunner unit). */
export const routingTx = (tx: TxContext): RoutingTx => ({
  leads: new PgLeadStore(tx),
  accounts: new PgAccountScoreStore(tx),
  assignments: new PgAssignmentStore(tx),
  pools: new PgPoolStateStore(tx),
  held: new PgHeldStore(tx),
  org: new PgOrgStore(tx),
  rules: new PgRulesStore(tx),
  events: new OutboxEventSink(tx),
});
