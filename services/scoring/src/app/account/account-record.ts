import type { AccountMembers, AccountProfile, AccountScore } from '../../domain';

/** Everything the service keeps about one account: firmographics, its leads' contributions, its score. */
export type AccountRecord = {
  accountId: string;
  /** Earliest event time known for the account. */
  firstSeenAt: number;
  profile: AccountProfile;
  /** Event time of the lead profile the firmographics come from; older ones are ignored. */
  profileAt: number | null;
  /** One contribution per lead of the account (the buying group). */
  members: AccountMembers;
  /** Current score under the current ICP, with its explanation. */
  score: AccountScore | null;
  /** Event time of the last change. */
  lastEventAt: number;
};

export const newAccountRecord = (accountId: string, firstSeenAt: number): AccountRecord => ({
  accountId,
  firstSeenAt,
  profile: { properties: {} },
  profileAt: null,
  members: {},
  score: null,
  lastEventAt: firstSeenAt,
});
