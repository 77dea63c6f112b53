import { scoreAccount, type Icp } from '../../domain';
import type { ScoringEventSink } from '../ports/scoring-event-sink.port';
import type { AccountRecord } from './account-record';
import { accountScoreFields } from './account-view';

export type AccountTrigger = {
  /** account-scored's `cause`, e.g. "lead:touchpoint", "lead:merge", "icp:aligned@2". */
  cause: string;
  /** Event time of what changed the account. */
  at: number;
};

/**
 * Scores an account under the ICP and emits account-scored when its total, tier or band changed.
 * Evaluated at the account's latest event time: a late event never moves it back in time.
 * Returns whether it changed.
 */
export const rescoreAccount = (
  account: AccountRecord,
  icp: Icp,
  trigger: AccountTrigger,
  sink: ScoringEventSink,
): boolean => {
  account.lastEventAt = Math.max(account.lastEventAt, trigger.at);
  const score = scoreAccount(icp, account.profile, account.members, account.lastEventAt);
  const previous = account.score;
  account.score = score;
  const changed =
    previous === null ||
    previous.total !== score.total ||
    previous.tier !== score.tier ||
    previous.band !== score.band;
  if (changed)
    sink.accountScored({
      ...accountScoreFields(account, score),
      previousTier: previous?.tier ?? null,
      previousBand: previous?.band ?? null,
      cause: trigger.cause,
      occurredAt: account.lastEventAt,
    });
  return changed;
};
