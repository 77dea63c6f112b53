import type { AccountScored, LifecycleChanged, SlaStatusChanged } from '@smarketing/contracts';

/** A lead-upserted event as ingestion writes it, at event time `at` (epoch ms). */
export { leadUpserted } from '@smarketing/service-testing';

/** scoring's lifecycle-changed: the lead entering MQL (cycle 1 unless said otherwise). */
export const becameMql = (
  leadId: string,
  at: number,
  over: Partial<LifecycleChanged> = {},
): LifecycleChanged => ({
  leadId,
  from: 'lead',
  to: 'mql',
  causeKind: 'score',
  causeDetail: 'band mql (score 64, model aligned v1)',
  causeEventId: null,
  reason: null,
  cycle: 1,
  repId: null,
  occurredAt: at,
  ...over,
});

/** sla-monitor's sla-status-changed: the response SLA of `repId` breached. */
export const slaBreached = (
  leadId: string,
  repId: string | null,
  at: number,
  over: Partial<SlaStatusChanged> = {},
): SlaStatusChanged => ({
  slaRecordId: `sla-${leadId}-${repId}`,
  leadId,
  policyId: 'response-4h',
  repId,
  kind: 'response',
  status: 'breached',
  startedAt: at - 4 * 3_600_000,
  dueAt: at,
  resolvedAt: null,
  elapsedBusinessMs: 4 * 3_600_000,
  occurredAt: at,
  step: 'breached',
  sequence: 2,
  supersedesSequence: null,
  teamId: null,
  assignmentId: null,
  policyVersion: 1,
  calendarId: null,
  calendarVersion: null,
  band: null,
  firstActionAt: null,
  causeKind: 'timer',
  causeId: null,
  causeDetail: `breach timer due ${new Date(at).toISOString()}`,
  ...over,
});

/** scoring's account-scored: the account's first score under the ICP, tier 1 and hot unless said otherwise. */
export const accountScored = (
  accountId: string,
  at: number,
  over: Partial<AccountScored> = {},
): AccountScored => ({
  accountId,
  accountDomain: null,
  accountName: null,
  icpId: 'aligned',
  icpVersion: 1,
  fit: 70,
  engagement: 30,
  total: 100,
  tier: 'tier_1',
  previousTier: null,
  band: 'hot',
  previousBand: null,
  firedRules: [{ ruleId: 'industry-software', group: 'fit', points: 70, detail: 'industry software' }],
  excludedBy: null,
  leads: 3,
  engagedLeads: 2,
  leadEngagement: 60,
  seniorityLevels: ['c_level_vp', 'director'],
  hottestLeadId: null,
  hottestLeadTotal: null,
  cause: 'profile',
  occurredAt: at,
  ...over,
});
