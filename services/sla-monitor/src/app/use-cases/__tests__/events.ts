import type {
  LeadAssigned,
  LeadDispositioned,
  LeadErased,
  LifecycleChanged,
  SalesActivityRecorded,
} from '@smarketing/contracts';
import type { Incoming } from '../../ports/transactions.port';

let n = 0;
const incoming = <V extends { occurredAt: number }>(value: V): Incoming<V> => ({
  eventId: `evt-${++n}`,
  occurredAt: value.occurredAt,
  value,
});

export const assigned = (leadId: string, repId: string, at: number, over: Partial<LeadAssigned> = {}) =>
  incoming<LeadAssigned>({
    assignmentId: `asg-${leadId}-${repId}-${at}`,
    leadId,
    repId,
    previousRepId: null,
    teamId: 'team-emea',
    ruleId: 'r1',
    ruleVersion: 1,
    kind: 'initial',
    reason: 'round robin',
    queueId: null,
    poolId: 'pool-emea',
    via: 'pool',
    cycle: 1,
    rotationPosition: null,
    causeEventId: null,
    candidates: [],
    occurredAt: at,
    ...over,
  });

export const touched = (leadId: string, repId: string, at: number) =>
  incoming<SalesActivityRecorded>({
    activityId: `act-${++n}`,
    leadId,
    repId,
    kind: 'call',
    outcome: 'connected',
    occurredAt: at,
  });

export const dispositioned = (
  leadId: string,
  repId: string,
  at: number,
  disposition: LeadDispositioned['disposition'],
) =>
  incoming<LeadDispositioned>({
    dispositionId: `d-${++n}`,
    leadId,
    repId,
    disposition,
    reason: null,
    occurredAt: at,
  });

export const becameMql = (leadId: string, at: number, cycle = 1) =>
  incoming<LifecycleChanged>({
    leadId,
    from: 'lead',
    to: 'mql',
    causeKind: 'score',
    causeDetail: 'band mql',
    causeEventId: null,
    reason: null,
    cycle,
    repId: null,
    occurredAt: at,
  });

export const accepted = (leadId: string, at: number) =>
  incoming<LifecycleChanged>({
    ...becameMql(leadId, at).value,
    from: 'mql',
    to: 'sal',
    causeKind: 'disposition',
    occurredAt: at,
  });

export const erased = (leadId: string, at: number) =>
  incoming<LeadErased>({ leadId, erasureId: `er-${++n}`, requestedBy: 'api-keys:abc', occurredAt: at });
