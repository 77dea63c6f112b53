import type { Band } from './band';
import { SENIORITIES, type Seniority } from './lead-signals';

/** What one lead brings to its account: its current score under the default scoring model. */
export type LeadContribution = {
  leadId: string;
  /** The lead's engagement sub-score. */
  engagement: number;
  /** The lead's total and band (for the hottest lead). */
  total: number;
  band: Band;
  seniority: Seniority;
};

/** An account's leads by lead id: one contribution per person. */
export type AccountMembers = Readonly<Record<string, LeadContribution>>;

/** The account's buying group as the ICP sees it. */
export type BuyingGroup = {
  leads: number;
  /** Distinct people whose engagement reaches the ICP's `engagedAt`. */
  engagedLeads: number;
  /** Sum of every lead's engagement (engaged or not), 2 decimals. */
  leadEngagement: number;
  /** Seniority levels covered by engaged people, most senior first; unknown never counts. */
  seniorityLevels: Seniority[];
  /** The lead with the highest total (ties: smallest lead id); null without leads. */
  hottestLead: { leadId: string; total: number; band: Band } | null;
};

const round2 = (n: number): number => Math.round(n * 100) / 100;

/** Rolls the account's leads up into its buying group. Pure; independent of the order of members. */
export const rollUpBuyingGroup = (members: AccountMembers, engagedAt: number): BuyingGroup => {
  const leads = Object.values(members);
  const engaged = leads.filter((l) => l.engagement >= engagedAt);
  const covered = new Set(engaged.map((l) => l.seniority));
  let hottest: LeadContribution | undefined;
  for (const lead of leads) {
    if (
      hottest === undefined ||
      lead.total > hottest.total ||
      (lead.total === hottest.total && lead.leadId < hottest.leadId)
    )
      hottest = lead;
  }
  return {
    leads: leads.length,
    engagedLeads: engaged.length,
    leadEngagement: round2(leads.reduce((sum, l) => sum + l.engagement, 0)),
    seniorityLevels: SENIORITIES.filter((s) => s !== 'unknown' && covered.has(s)),
    hottestLead:
      hottest === undefined ? null : { leadId: hottest.leadId, total: hottest.total, band: hottest.band },
  };
};

/**
 * Puts a lead's contribution where it now belongs: out of every account that holds it, into `to`
 * (none for a merged or erased lead). Returns the accounts whose members changed, with their new members;
 * the others are untouched, so the sum of contributions over all accounts only changes by the lead's own.
 */
export const placeContribution = (
  accounts: ReadonlyMap<string, AccountMembers>,
  leadId: string,
  to: { accountId: string; contribution: LeadContribution } | null,
): Map<string, AccountMembers> => {
  const changed = new Map<string, AccountMembers>();
  for (const [accountId, members] of accounts) {
    if (accountId === to?.accountId || !Object.hasOwn(members, leadId)) continue;
    const rest: Record<string, LeadContribution> = { ...members };
    delete rest[leadId];
    changed.set(accountId, rest);
  }
  if (to !== null) {
    const members = accounts.get(to.accountId) ?? {};
    const before = members[leadId];
    if (before === undefined || !sameContribution(before, to.contribution))
      changed.set(to.accountId, { ...members, [leadId]: to.contribution });
  }
  return changed;
};

const sameContribution = (a: LeadContribution, b: LeadContribution): boolean =>
  a.engagement === b.engagement && a.total === b.total && a.band === b.band && a.seniority === b.seniority;
