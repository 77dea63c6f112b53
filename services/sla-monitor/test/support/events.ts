import type {
  LeadAssigned,
  LeadDispositioned,
  LifecycleChanged,
  SalesActivityRecorded,
} from '@smarketing/contracts';

/** lead-assigned as routing writes it, at event time `at` (epoch ms). */
export const leadAssigned = (
  leadId: string,
  repId: string,
  at: number,
  over: Partial<LeadAssigned> = {},
): LeadAssigned => ({
  assignmentId: `asg-${leadId}-${repId}-${at}`,
  leadId,
  repId,
  previousRepId: null,
  teamId: 'team-test',
  ruleId: 'rule-test',
  ruleVersion: 1,
  kind: 'initial',
  reason: 'test assignment',
  queueId: null,
  poolId: null,
  via: 'pool',
  cycle: 1,
  rotationPosition: null,
  causeEventId: null,
  candidates: [],
  occurredAt: at,
  ...over,
});

/** sales-activity-recorded as ingestion writes it. */
export const salesActivity = (leadId: string, repId: string, at: number): SalesActivityRecorded => ({
  activityId: `act-${leadId}-${at}`,
  leadId,
  repId,
  kind: 'call',
  outcome: 'connected',
  occurredAt: at,
});

/** lead-dispositioned as ingestion writes it. */
export const leadDispositioned = (
  leadId: string,
  repId: string,
  at: number,
  disposition: LeadDispositioned['disposition'],
): LeadDispositioned => ({
  dispositionId: `disp-${leadId}-${at}`,
  leadId,
  repId,
  disposition,
  reason: disposition === 'rejected' || disposition === 'disqualified' ? 'bad_fit' : null,
  occurredAt: at,
});

/** lifecycle-changed to MQL (or another stage) as scoring writes it. */
export const lifecycleChanged = (
  leadId: string,
  at: number,
  to: LifecycleChanged['to'] = 'mql',
): LifecycleChanged => ({
  leadId,
  from: to === 'mql' ? 'lead' : 'mql',
  to,
  causeKind: to === 'mql' ? 'score' : 'disposition',
  causeDetail: to === 'mql' ? 'band mql (score 62, model aligned v1)' : 'disposition accepted',
  causeEventId: null,
  reason: null,
  cycle: 1,
  repId: null,
  occurredAt: at,
});
