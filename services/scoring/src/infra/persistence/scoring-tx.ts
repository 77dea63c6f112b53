import { TOPICS, type AccountScored, type LeadScored, type LifecycleChanged } from '@smarketing/contracts';
import type { TxContext } from '@smarketing/messaging';
import { ScoringEventSink } from '../../app/ports/scoring-event-sink.port';
import type { ScoringTx } from '../../app/ports/transactions.port';
import type { ModelCache } from './model-cache';
import { PgAccountStore } from './pg-account-store';
import { PgIcpStore } from './pg-icp-store';
import { PgLeadStore } from './pg-lead-store';
import { PgModelStore } from './pg-model-store';
import { PgRescoreJobStore } from './pg-rescore-job-store';

class OutboxEventSink extends ScoringEventSink {
  constructor(private readonly tx: TxContext) {
    super();
  }
  leadScored(event: LeadScored): void {
    this.tx.publish(TOPICS.leadScored, event);
  }
  lifecycleChanged(event: LifecycleChanged): void {
    this.tx.publish(TOPICS.lifecycleChanged, event);
  }
  accountScored(event: AccountScored): void {
    this.tx.publish(TOPICS.accountScored, event);
  }
}

/** The app's view of one messaging transaction (a consumer batch or a TransactionRunner unit). */
export const scoringTx = (tx: TxContext, cache: ModelCache): ScoringTx => ({
  leads: new PgLeadStore(tx),
  models: new PgModelStore(tx, cache),
  jobs: new PgRescoreJobStore(tx),
  icps: new PgIcpStore(tx, cache),
  accounts: new PgAccountStore(tx),
  events: new OutboxEventSink(tx),
});
