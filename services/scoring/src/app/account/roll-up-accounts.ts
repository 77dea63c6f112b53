import type { AccountProfile, LeadContribution } from '../../domain';
import type { LeadRecord } from '../lead/lead-record';
import type { ScoringTx } from '../ports/transactions.port';
import type { AccountRecord } from './account-record';
import { rescoreAccount } from './rescore-account';

/**
 * A lead a batch changed: where its contribution was, and the event time of the change. `loaded` is
 * the lead as the batch loaded it (what its account holds for it): when the lead still belongs to the
 * same account with the same contribution, profile and profile time, its account has nothing to
 * update and is neither locked nor re-scored. Without `loaded` the lead is always rolled up.
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
export const contributionOf = (lead: LeadRecord): LeadContribution => ({
  leadId: lead.leadId,
  engagement: lead.score?.engagement ?? 0,
  total: lead.score?.total ?? 0,
  band: lead.score?.band ?? 'cold',
  seniority: lead.profile?.seniority ?? 'unknown',
});

/** The company's attributes as the lead's latest profile gives them (firmographics, not the person). */
const accountProfileOf = (lead: LeadRecord, current: AccountProfile): AccountProfile => {
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
 * Moves each changed lead's contribution to the account it now belongs to (out of its previous one:
 * an account change, a merge or an erasure), refreshes the account's firmographics from the newest
 * lead profile, and re-scores every account that changed, in the batch's transaction: one query locks
 * (or creates) the accounts, one writes back those that changed, and each emits at most one
 * account-scored per batch. Leads whose contribution did not change (same account, engagement, total,
 * band, seniority and profile) are left out before anything is locked. A lead without an account
 * contributes nowhere.
 *
 * Cost: linear in the batch's leads and their accounts' members (a lead-to-account index, members
 * copied once per account per batch), so the fold stays cheap however many accounts a batch touches.
 */
export const rollUpAccounts = async (
  allChanges: readonly LeadAccountChange[],
  cause: string,
  tx: ScoringTx,
): Promise<void> => {
  const changes = allChanges.filter((c) => !isNoOp(c));
  const involved = new Map<string, number>();
  const note = (accountId: string | null | undefined, at: number) => {
    if (accountId) involved.set(accountId, Math.min(at, involved.get(accountId) ?? Number.POSITIVE_INFINITY));
  };
  for (const c of changes) {
    note(c.accountBefore, c.at);
    note(c.lead.account?.accountId, c.at);
  }
  if (involved.size === 0) return;
  const icp = await tx.icps.current();
  if (icp === undefined) throw new Error('no current ICP: the bundled ICP was not seeded');
  const accounts = await tx.accounts.lockMany(involved);

  // Which loaded accounts hold each lead (normally one), and each account's members, copied on first write.
  const holders = new Map<string, Set<string>>();
  for (const [accountId, account] of accounts) {
    for (const leadId of Object.keys(account.members)) {
      const set = holders.get(leadId);
      if (set === undefined) holders.set(leadId, new Set([accountId]));
      else set.add(accountId);
    }
  }
  const written = new Map<string, Record<string, LeadContribution>>();
  const writable = (account: AccountRecord): Record<string, LeadContribution> => {
    let members = written.get(account.accountId);
    if (members === undefined) {
      members = { ...account.members };
      written.set(account.accountId, members);
    }
    return members;
  };
  const dirty = new Map<string, { account: AccountRecord; at: number }>();
  const mark = (account: AccountRecord, at: number) =>
    dirty.set(account.accountId, { account, at: Math.max(at, dirty.get(account.accountId)?.at ?? at) });

  for (const { lead, at } of changes) {
    const target = lead.account === null ? undefined : accounts.get(lead.account.accountId);
    const held = holders.get(lead.leadId);
    // Out of every account that holds it but the one it now belongs to.
    if (held !== undefined) {
      for (const accountId of [...held]) {
        const account = accounts.get(accountId);
        if (accountId === target?.accountId || account === undefined) continue;
        delete writable(account)[lead.leadId];
        held.delete(accountId);
        mark(account, at);
      }
    }
    if (target !== undefined) {
      const contribution = contributionOf(lead);
      const before = (written.get(target.accountId) ?? target.members)[lead.leadId];
      if (before === undefined || !sameContribution(before, contribution)) {
        writable(target)[lead.leadId] = contribution;
        if (held === undefined) holders.set(lead.leadId, new Set([target.accountId]));
        else held.add(target.accountId);
        mark(target, at);
      }
      if (lead.profileAt !== null && (target.profileAt === null || lead.profileAt >= target.profileAt)) {
        const profile = accountProfileOf(lead, target.profile);
        if (lead.profileAt !== target.profileAt || !sameValue(profile, target.profile)) {
          target.profile = profile;
          target.profileAt = lead.profileAt;
          mark(target, at);
        }
      }
    }
  }
  for (const { account, at } of dirty.values()) {
    account.members = written.get(account.accountId) ?? account.members;
    rescoreAccount(account, icp, { cause, at }, tx.events);
  }
  await tx.accounts.saveMany([...dirty.values()].map((d) => d.account));
};
