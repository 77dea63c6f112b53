import type { AccountProfile, LeadContribution } from '../../domain';
import type { LeadRecord } from '../lead/lead-record';
import type { AccountLead } from '../ports/account-store.port';
import type { ScoringTx } from '../ports/transactions.port';
import type { AccountRecord } from './account-record';
import { rescoreAccount } from './rescore-account';

/**
 * A lead a batch changed: where its contribution was, and the event time of the change. `loaded` is
 * the lead as the batch loaded it (what its account holds for it): when the lead still belongs to the
 * same account with the same contribution, profile and profile time, its account has nothing to
 * update and is not queued. Without `loaded` the lead's accounts are always queued.
 */
export type LeadAccountChange = {
  lead: LeadRecord;
  accountBefore: string | null;
  at: number;
  loaded?: LoadedLead;
};

/** What a lead's account knows of it, as the batch loaded the lead. */
export type LoadedLead = {
  contribution: LeadContribution;
  profileAt: number | null;
  profile: LeadRecord['profile'];
  account: LeadRecord['account'];
};

export const loadedLead = (lead: LeadRecord): LoadedLead => ({
  contribution: contributionOf(lead),
  profileAt: lead.profileAt,
  profile: lead.profile,
  account: lead.account,
});

/** What a lead brings to its account: its score under the default model and its seniority. */
export const contributionOf = (
  lead: Pick<AccountLead, 'leadId' | 'score' | 'profile'>,
): LeadContribution => ({
  leadId: lead.leadId,
  engagement: lead.score?.engagement ?? 0,
  total: lead.score?.total ?? 0,
  band: lead.score?.band ?? 'cold',
  seniority: lead.profile?.seniority ?? 'unknown',
});

/** The company's attributes as the lead's latest profile gives them (firmographics, not the person). */
const accountProfileOf = (lead: AccountLead, current: AccountProfile): AccountProfile => {
  const p = lead.profile;
  const a = lead.account;
  if (p === null || a === null) return current;
  return {
    ...((a.domain ?? current.domain) === undefined ? {} : { domain: a.domain ?? current.domain }),
    ...((a.name ?? current.name) === undefined ? {} : { name: a.name ?? current.name }),
    ...(p.employeeCount === undefined ? {} : { employeeCount: p.employeeCount }),
    ...(p.industry === undefined ? {} : { industry: p.industry }),
    ...(p.country === undefined ? {} : { country: p.country }),
    ...(p.region === undefined ? {} : { region: p.region }),
    properties: p.properties,
  };
};

const sameContribution = (a: LeadContribution, b: LeadContribution): boolean =>
  a.engagement === b.engagement && a.total === b.total && a.band === b.band && a.seniority === b.seniority;

/** Same value: the same object (a touchpoint keeps them) or equal JSON (a profile re-sent at the same time). */
const sameValue = (a: unknown, b: unknown): boolean => a === b || JSON.stringify(a) === JSON.stringify(b);

const sameMembers = (
  a: Readonly<Record<string, LeadContribution>>,
  b: Readonly<Record<string, LeadContribution>>,
) => {
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((k) => {
    const other = b[k];
    return other !== undefined && sameContribution(a[k] as LeadContribution, other);
  });
};

/** Whether the change can move nothing: same account, contribution, profile and profile time as when loaded. */
const isNoOp = ({ lead, accountBefore, loaded }: LeadAccountChange): boolean =>
  loaded !== undefined &&
  accountBefore !== null &&
  lead.account?.accountId === accountBefore &&
  lead.profileAt === loaded.profileAt &&
  sameContribution(loaded.contribution, contributionOf(lead)) &&
  sameValue(lead.account, loaded.account) &&
  sameValue(lead.profile, loaded.profile);

/**
 * Queues the accounts a batch's changed leads belong to, and those they left (an account change, a
 * merge or an erasure), in the batch's transaction: the roll-up worker re-scores them from their
 * leads (`rollUpQueuedAccounts`). Leads whose contribution did not change (same account, engagement,
 * total, band, seniority and profile as loaded) queue nothing. A lead without an account contributes
 * nowhere. Nothing is locked here: leads of one account arrive on every partition, and a lock on the
 * account row would serialize those partitions' batches.
 */
export const queueAccountRollUps = async (
  allChanges: readonly LeadAccountChange[],
  cause: string,
  tx: ScoringTx,
): Promise<void> => {
  const involved = new Map<string, number>();
  const note = (accountId: string | null | undefined, at: number) => {
    if (accountId) involved.set(accountId, Math.max(at, involved.get(accountId) ?? at));
  };
  for (const c of allChanges) {
    if (isNoOp(c)) continue;
    note(c.accountBefore, c.at);
    note(c.lead.account?.accountId, c.at);
  }
  if (involved.size === 0) return;
  await tx.accounts.enqueue(
    [...involved].map(([accountId, at]) => ({ accountId, at })),
    cause,
  );
};

/**
 * One roll-up round: takes up to `limit` queued changes, locks (or creates) their accounts, recomputes
 * each account's members from its live leads (so a lead that moved, merged or was erased leaves by
 * construction and the contributions are always conserved), refreshes the firmographics from the
 * newest lead profile, and re-scores the accounts that changed: at most one account-scored per account
 * per round. Returns the number of queued changes taken (0: the queue is empty).
 */
export const rollUpQueuedAccounts = async (tx: ScoringTx, limit: number): Promise<number> => {
  const { changes, accounts: queued } = await tx.accounts.claimQueued(limit);
  if (queued.length === 0) return changes;
  const icp = await tx.icps.current();
  if (icp === undefined) throw new Error('no current ICP: the bundled ICP was not seeded');
  const accounts = await tx.accounts.lockMany(new Map(queued.map((q) => [q.accountId, q.firstAt])));
  const leadsByAccount = new Map<string, AccountLead[]>();
  for (const lead of await tx.accounts.leadsOf(queued.map((q) => q.accountId))) {
    const accountId = lead.account?.accountId;
    if (accountId === undefined) continue;
    const list = leadsByAccount.get(accountId);
    if (list === undefined) leadsByAccount.set(accountId, [lead]);
    else list.push(lead);
  }
  const changed: AccountRecord[] = [];
  for (const { accountId, at, cause } of queued) {
    const account = accounts.get(accountId);
    if (account === undefined) continue;
    const leads = (leadsByAccount.get(accountId) ?? []).sort((a, b) => (a.leadId < b.leadId ? -1 : 1));
    const members: Record<string, LeadContribution> = {};
    for (const lead of leads) members[lead.leadId] = contributionOf(lead);
    let dirty = !sameMembers(members, account.members);
    account.members = members;
    // The firmographics follow the newest lead profile (ties: the first lead id), never an older one.
    let newest: AccountLead | undefined;
    for (const lead of leads)
      if (lead.profileAt !== null && (newest?.profileAt == null || lead.profileAt > newest.profileAt))
        newest = lead;
    if (
      newest !== undefined &&
      newest.profileAt !== null &&
      (account.profileAt === null || newest.profileAt >= account.profileAt)
    ) {
      const profile = accountProfileOf(newest, account.profile);
      if (newest.profileAt !== account.profileAt || !sameValue(profile, account.profile)) {
        account.profile = profile;
        account.profileAt = newest.profileAt;
        dirty = true;
      }
    }
    if (!dirty) continue;
    rescoreAccount(account, icp, { cause, at }, tx.events);
    changed.push(account);
  }
  await tx.accounts.saveMany(changed);
  return changes;
};
