import type { AccountFiredRule, AccountScore } from './account-score';
import { rollUpBuyingGroup, type AccountMembers } from './buying-group';
import { describeIcpCondition } from './describe-icp-condition';
import type { AccountProfile, AccountScoreBand, AccountTier, Icp } from './icp';
import { matchesIcpCondition } from './matches-icp-condition';
import { roundScore } from './round-score';

/** The first tier (highest minimum first) the fit reaches; below all of them: untiered. */
export const tierForFit = (icp: Pick<Icp, 'tiers'>, fit: number): AccountTier =>
  [...icp.tiers].sort((a, b) => b.min - a.min).find((t) => fit >= t.min)?.tier ?? 'untiered';

export const accountBandForTotal = (icp: Pick<Icp, 'bands'>, total: number): AccountScoreBand =>
  [...icp.bands].sort((a, b) => b.min - a.min).find((b) => total >= b.min)?.band ?? 'cold';

const capped = (value: number, cap: number | undefined): number =>
  cap === undefined ? value : Math.min(value, cap);

/** The buying group's engagement as account points, each part its own explained rule (only parts worth points). */
const engagementRules = (icp: Icp, group: AccountScore['group']): AccountFiredRule[] => {
  const e = icp.engagement;
  const rules: AccountFiredRule[] = [];
  const raw = group.leadEngagement * e.leadEngagementWeight;
  const fromLeads = roundScore(capped(raw, e.maxLeadEngagementPoints));
  if (fromLeads > 0)
    rules.push({
      ruleId: 'lead-engagement',
      group: 'engagement',
      points: fromLeads,
      detail:
        `leads' engagement ${group.leadEngagement} x ${e.leadEngagementWeight}` +
        (fromLeads < roundScore(raw) ? ` capped at ${e.maxLeadEngagementPoints}` : ''),
    });
  const people = capped(group.engagedLeads, e.maxEngagedLeads);
  const fromPeople = roundScore(people * e.pointsPerEngagedLead);
  if (fromPeople > 0)
    rules.push({
      ruleId: 'engaged-people',
      group: 'engagement',
      points: fromPeople,
      detail:
        `${group.engagedLeads} engaged ${group.engagedLeads === 1 ? 'person' : 'people'}` +
        `${people < group.engagedLeads ? ` (counted ${people})` : ''} x ${e.pointsPerEngagedLead}`,
    });
  const levels = group.seniorityLevels.length;
  const fromLevels = roundScore(levels * e.pointsPerSeniorityLevel);
  if (fromLevels > 0)
    rules.push({
      ruleId: 'seniority-coverage',
      group: 'engagement',
      points: fromLevels,
      detail: `${levels} seniority ${levels === 1 ? 'level' : 'levels'} engaged (${group.seniorityLevels.join(', ')}) x ${e.pointsPerSeniorityLevel}`,
    });
  return rules;
};

/**
 * Scores an account under an ICP: fit from its firmographics (tier), engagement from its buying group,
 * band from both. Pure: depends only on the ICP, the profile, the members and `at`. An exclusion
 * replaces the score (total 0, tier and band "excluded"), as a disqualifier does for a lead.
 */
export const scoreAccount = (
  icp: Icp,
  profile: AccountProfile,
  members: AccountMembers,
  at: number,
): AccountScore => {
  const group = rollUpBuyingGroup(members, icp.engagement.engagedAt);
  const base = { icpId: icp.id, icpVersion: icp.version, at, group };
  const exclusions = icp.exclusions.filter((x) => matchesIcpCondition(x.condition, profile, icp));
  const first = exclusions[0];
  if (first !== undefined)
    return {
      ...base,
      fit: 0,
      engagement: 0,
      total: 0,
      tier: 'excluded',
      band: 'excluded',
      firedRules: exclusions.map((x) => ({
        ruleId: x.id,
        group: 'exclusion',
        points: 0,
        detail: `${x.reason}: ${describeIcpCondition(x.condition, profile, icp)}`,
      })),
      excludedBy: first.reason,
    };

  const fitRules: AccountFiredRule[] = icp.rules
    .filter((rule) => matchesIcpCondition(rule.condition, profile, icp))
    .map((rule) => ({
      ruleId: rule.id,
      group: 'fit',
      points: rule.points,
      detail: `${rule.name}: ${describeIcpCondition(rule.condition, profile, icp)}`,
    }));
  const fit = roundScore(fitRules.reduce((sum, r) => sum + r.points, 0));
  const engaged = engagementRules(icp, group);
  const engagement = roundScore(engaged.reduce((sum, r) => sum + r.points, 0));
  const total = roundScore(fit + engagement);
  return {
    ...base,
    fit,
    engagement,
    total,
    tier: tierForFit(icp, fit),
    band: accountBandForTotal(icp, Math.max(0, total)),
    firedRules: [...fitRules, ...engaged],
  };
};
