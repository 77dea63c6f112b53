import { QUARTER, iso } from './quarter';
import { routingRulesDocument } from './routing-rules';
import { REPS, TEAMS, repEmail, type Rep, type Team } from './sales-org';
import type { Call } from './workload.types';
import type { Absence, WorkCalendar } from './work-calendar';

const calendarDocument = (calendar: WorkCalendar) => ({
  timeZone: calendar.timeZone,
  workingHours: calendar.workingHours,
  holidays: { ...calendar.holidays, dates: [] },
});

const absenceDocument = (absence: Absence) => ({
  from: iso(absence.from),
  to: iso(absence.to),
  reason: absence.reason,
});

const teamDocument = (team: Team, withManager: boolean) => ({
  id: team.id,
  name: team.name,
  ...(withManager ? { managerId: team.managerId } : {}),
  calendar: calendarDocument(team.calendar),
});

const repDocument = (rep: Rep) => ({
  id: rep.id,
  name: rep.name,
  email: repEmail(rep),
  teamId: rep.teamId,
  territories: rep.territories,
  segments: rep.segments,
  ...(rep.weight === undefined ? {} : { weight: rep.weight }),
  ...(rep.caps === undefined ? {} : { caps: rep.caps }),
  ...(rep.calendar === undefined ? {} : { calendar: calendarDocument(rep.calendar) }),
  outOfOffice: rep.absencesVia === 'rep' ? rep.outOfOffice.map(absenceDocument) : [],
});

/**
 * Routing's documents in the order routing accepts them: teams first without their managers (a
 * manager must be an existing rep), the reps, the teams again with managers, absences sent by their
 * own endpoint, the named accounts, and last the rules that name pools of those reps.
 */
export function setupCalls(owners: ReadonlyMap<string, string>): Call[] {
  const put = (path: string, body: unknown) => ({ method: 'PUT' as const, path, body });
  const steps = [
    ...TEAMS.map((t) => put(`/v1/teams/${t.id}`, teamDocument(t, false))),
    ...REPS.map((r) => put(`/v1/reps/${r.id}`, repDocument(r))),
    ...TEAMS.map((t) => put(`/v1/teams/${t.id}`, teamDocument(t, true))),
    ...REPS.filter((r) => r.absencesVia === 'endpoint').map((r) =>
      put(`/v1/reps/${r.id}/out-of-office`, { periods: r.outOfOffice.map(absenceDocument) }),
    ),
    ...[...owners].map(([domain, repId]) =>
      put(`/v1/account-owners/${encodeURIComponent(domain)}`, {
        accountKey: domain,
        repId,
        segment: 'strategic',
      }),
    ),
    { method: 'POST' as const, path: '/v1/rules', body: routingRulesDocument() },
  ];
  // A millisecond apart at the start of the quarter: before any traffic, in this order.
  return steps.map((s, i) => ({
    service: 'routing',
    auth: 'admin',
    ...s,
    at: QUARTER.start + i,
    expect: 'accepted',
  }));
}
