import type { LeadAssigned } from '@smarketing/contracts';
import type { BusinessCalendar } from '../../domain/business-calendar';
import { selectCalendar } from '../../domain/select-calendar';
import { selectPolicy } from '../../domain/select-policy';
import type { LeadSlaKind, LeadSlaPolicy } from '../../domain/sla-policy';
import type { SlaCause } from '../../domain/sla-record';
import { applyActivity, applyDisposition, cancel, startRecord } from '../../domain/sla-transitions';
import type { LeadFact } from '../ports/lead-facts-store.port';
import type { Incoming, SlaMonitorTx } from '../ports/transactions.port';
import type { CalendarClocks } from '../sla/calendar-clocks';
import { recordIdFor } from '../sla/ids';
import { RecordWorkingSet } from '../sla/record-working-set';

const KINDS: readonly LeadSlaKind[] = ['response', 'disposition'];

/** Routing's rep id for a lead parked in a queue: "queue:<queueId>". */
const QUEUE_PREFIX = 'queue:';

/** The cause of a fact already known when a clock starts (it arrived before the assignment). */
const causeOf = (f: LeadFact): SlaCause =>
  f.kind === 'activity'
    ? { kind: 'activity', id: f.eventId, detail: `activity by ${f.repId}` }
    : { kind: 'disposition', id: f.eventId, detail: `disposition ${f.disposition} by ${f.repId}` };

/**
 * lead-assigned: starts the lead's clocks (a response and a disposition record, each under the
 * policy that applies and on its calendar) and closes the clocks of an earlier assignment (a
 * reassignment). Touches and dispositions that arrived before the assignment apply at once, by
 * their event time. No matching policy: no clock of that kind; a lead parked in a queue starts
 * none until a rep is assigned (both documented in the README).
 */
export class StartClocks {
  constructor(private readonly clocks: CalendarClocks) {}

  async execute(events: readonly Incoming<LeadAssigned>[], tx: SlaMonitorTx): Promise<void> {
    if (!events.length) return;
    const leadIds = [...new Set(events.map((e) => e.value.leadId))];
    const set = await RecordWorkingSet.ofLeads(tx, this.clocks, leadIds);
    const profiles = await tx.facts.profiles(leadIds);
    const facts = (await tx.facts.factsOf(leadIds)).sort((a, b) => a.at - b.at);
    const policies = (await tx.policies.latestAll())
      .map((s) => s.document)
      .filter((p): p is LeadSlaPolicy => p.kind !== 'volume');
    const calendars: BusinessCalendar[] = (await tx.calendars.latestAll()).map((s) => s.document);

    for (const { eventId, occurredAt: at, value: a } of events) {
      const records = set.ofLead(a.leadId);
      // A record started after this assignment means this one is stale (or a repeat): nothing to do.
      if (records.some((r) => r.startedAt > at || r.assignmentId === a.assignmentId)) continue;
      const reassigned: SlaCause = {
        kind: 'assignment',
        id: eventId,
        detail: `lead ${a.kind === 'initial' ? 'assigned' : 'reassigned'} to ${a.repId}`,
      };
      for (const r of records) set.apply(r.id, (rec, clock) => cancel(rec, at, reassigned, clock));
      // Parked in a queue (no rep took it): no rep's clock runs until one is assigned.
      if (a.repId.startsWith(QUEUE_PREFIX)) continue;

      const profile = profiles.get(a.leadId);
      const lead = {
        band: profile?.band ?? null,
        teamId: a.teamId,
        region: profile?.region ?? null,
        source: profile?.source ?? null,
      };
      for (const kind of KINDS) {
        const policy = selectPolicy(policies, kind, lead);
        if (!policy) continue;
        const calendar = selectCalendar(calendars, policy.calendarId, a.teamId, lead.region);
        if (!calendar) continue;
        const clock = await this.clocks.clockFor(tx, calendar.id, calendar.version);
        const id = recordIdFor(a.assignmentId, kind);
        set.add(
          startRecord(
            {
              id,
              kind,
              leadId: a.leadId,
              repId: a.repId,
              teamId: a.teamId,
              assignmentId: a.assignmentId,
              policy,
              calendar: { id: calendar.id, version: calendar.version },
              matchedOn: { band: lead.band, region: lead.region, source: lead.source },
              startedAt: at,
              cause: { kind: 'assignment', id: eventId, detail: `assigned to ${a.repId}: ${a.reason}` },
            },
            clock,
          ),
          clock,
        );
        for (const f of facts) {
          if (f.leadId !== a.leadId || f.at < at) continue;
          set.apply(id, (rec, c) =>
            f.kind === 'activity'
              ? applyActivity(rec, { at: f.at, repId: f.repId, cause: causeOf(f) }, c)
              : applyDisposition(rec, { at: f.at, disposition: f.disposition, cause: causeOf(f) }, c),
          );
        }
      }
    }
    await set.commit();
  }
}
