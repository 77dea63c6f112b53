import type { LeadSlaPolicy, VolumeSlaPolicy } from '../sla-policy';
import type { SlaCause } from '../sla-record';
import { startRecord } from '../sla-transitions';
import type { CalendarClock } from '../calendar-clock';

export const responsePolicy = (over: Partial<LeadSlaPolicy> = {}): LeadSlaPolicy => ({
  id: 'response-hot',
  version: 1,
  name: 'Hot leads: first touch within 4 business hours',
  kind: 'response',
  priority: 0,
  appliesTo: { bands: [], teams: [], regions: [], sources: [] },
  calendarId: null,
  target: { kind: 'business', hours: 4 },
  warningAt: 0.75,
  escalateAfter: { kind: 'business', hours: 1 },
  reassignAfter: { kind: 'business', hours: 2 },
  onDisposition: { rejected: 'cancel', disqualified: 'cancel', recycled: 'pause' },
  ...over,
});

export const volumePolicy = (over: Partial<VolumeSlaPolicy> = {}): VolumeSlaPolicy => ({
  id: 'mqls-monthly',
  version: 1,
  name: '300 MQLs a month',
  kind: 'volume',
  period: 'month',
  timeZone: 'Europe/Berlin',
  segment: { regions: [], sources: [] },
  targetMqls: 300,
  qualityFloor: 0.5,
  atRiskBelow: 1,
  evaluateEveryHours: 24,
  ...over,
});

export const cause = (kind: SlaCause['kind'], id: string, detail = kind): SlaCause => ({ kind, id, detail });

export const started = (clock: CalendarClock, at: number, policy = responsePolicy()) =>
  startRecord(
    {
      id: 'rec-1',
      kind: policy.kind,
      leadId: 'lead-1',
      repId: 'rep-1',
      teamId: 'team-emea',
      assignmentId: 'asg-1',
      policy,
      calendar: { id: clock.calendar.id, version: clock.calendar.version },
      matchedOn: { band: 'hot', region: 'EMEA', source: null },
      startedAt: at,
      cause: cause('assignment', 'evt-assign'),
    },
    clock,
  ).record;
