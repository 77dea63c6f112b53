import type { SalesActivityRecorded } from '@smarketing/contracts';
import { applyActivity } from '../../domain/sla-transitions';
import type { Incoming, SlaMonitorTx } from '../ports/transactions.port';
import type { CalendarClocks } from '../sla/calendar-clocks';
import { RecordWorkingSet } from '../sla/record-working-set';

/**
 * sales-activity-recorded: the assigned rep's touch answers the lead's response SLA (by its event
 * time: a touch from before the deadline that arrives after the breach corrects it). Every touch
 * is also kept, so that one arriving before its assignment (or for a lead this service has no
 * clock for yet) applies when the clock starts.
 */
export class RecordActivities {
  constructor(private readonly clocks: CalendarClocks) {}

  async execute(events: readonly Incoming<SalesActivityRecorded>[], tx: SlaMonitorTx): Promise<void> {
    if (!events.length) return;
    const set = await RecordWorkingSet.ofLeads(
      tx,
      this.clocks,
      events.map((e) => e.value.leadId),
    );
    await tx.facts.addFacts(
      events.map((e) => ({
        kind: 'activity',
        leadId: e.value.leadId,
        repId: e.value.repId,
        at: e.occurredAt,
        eventId: e.eventId,
      })),
    );
    for (const { eventId, occurredAt, value } of events) {
      const cause = {
        kind: 'activity' as const,
        id: eventId,
        detail: `${value.kind} by ${value.repId} (${value.activityId})`,
      };
      for (const r of set.ofLead(value.leadId))
        set.apply(r.id, (rec, clock) =>
          applyActivity(rec, { at: occurredAt, repId: value.repId, cause }, clock),
        );
    }
    await set.commit();
  }
}
