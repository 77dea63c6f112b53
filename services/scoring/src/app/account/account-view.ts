import type { AccountScored } from '@smarketing/contracts';
import type { AccountScore } from '../../domain';
import type { AccountRecord } from './account-record';

/** The explanation and buying group as account-scored carries them; the HTTP view uses the same fields. */
export const accountScoreFields = (
  account: AccountRecord,
  score: AccountScore,
): Omit<AccountScored, 'previousTier' | 'previousBand' | 'cause' | 'occurredAt'> => ({
  accountId: account.accountId,
  accountDomain: account.profile.domain ?? null,
  accountName: account.profile.name ?? null,
  icpId: score.icpId,
  icpVersion: score.icpVersion,
  fit: score.fit,
  engagement: score.engagement,
  total: score.total,
  tier: score.tier,
  band: score.band,
  firedRules: score.firedRules.map((r) => ({
    ruleId: r.ruleId,
    group: r.group,
    points: r.points,
    detail: r.detail,
  })),
  excludedBy: score.excludedBy ?? null,
  leads: score.group.leads,
  engagedLeads: score.group.engagedLeads,
  leadEngagement: score.group.leadEngagement,
  seniorityLevels: score.group.seniorityLevels,
  hottestLeadId: score.group.hottestLead?.leadId ?? null,
  hottestLeadTotal: score.group.hottestLead?.total ?? null,
});
