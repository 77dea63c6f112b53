import type { AccountScored } from '@smarketing/contracts';
import { newestAccountScores } from '../../domain';
import type { Incoming, RoutingTx } from '../ports/transactions.port';

/**
 * account-scored: keeps each account's newest tier and band by event time (a late older event is
 * ignored), for rules on `accountTier` and `accountBand`. Leads already routed keep their owner:
 * a score decides the next routing of the account's leads, it does not re-route them.
 */
export class RecordAccountScores {
  async execute(events: readonly Incoming<AccountScored>[], tx: RoutingTx): Promise<void> {
    if (events.length === 0) return;
    await tx.accounts.saveNewest(
      newestAccountScores(
        events.map(({ value, occurredAt }) => ({
          accountId: value.accountId,
          tier: value.tier,
          band: value.band,
          occurredAt,
        })),
      ),
    );
  }
}
