import type { LeadsMerged } from '@smarketing/contracts';
import { cancel } from '../../domain/sla-transitions';
import type { Incoming, SlaMonitorTx } from '../ports/transactions.port';
import type { CalendarClocks } from '../sla/calendar-clocks';
import { RecordWorkingSet } from '../sla/record-working-set';

/**
 * leads-merged: the merged leads no longer exist. Their open clocks are cancelled (the survivor is
 * assigned, and held to its own clocks, by routing); their outcomes stay as they were. Their touches,
 * dispositions and MQLs move to the survivor, so a clock of the survivor can still be met by them.
 */
export class MergeLeads {
  constructor(private readonly clocks: CalendarClocks) {}

  async execute(events: readonly Incoming<LeadsMerged>[], tx: SlaMonitorTx): Promise<void> {
    const merged = events.filter((e) => e.value.mergedLeadIds.length > 0);
    if (!merged.length) return;
    const set = await RecordWorkingSet.ofLeads(
      tx,
      this.clocks,
      // The survivor too: its facts change, and its clocks may be starting in another batch.
      merged.flatMap((e) => [e.value.leadId, ...e.value.mergedLeadIds]),
    );
    for (const { eventId, occurredAt, value } of merged) {
      const cause = { kind: 'merge' as const, id: eventId, detail: `merged into ${value.leadId}` };
      for (const leadId of value.mergedLeadIds.filter((id) => id !== value.leadId))
        for (const r of set.ofLead(leadId))
          set.apply(r.id, (rec, clock) => cancel(rec, occurredAt, cause, clock));
      await tx.facts.moveFacts(value.mergedLeadIds, value.leadId);
      await tx.mqls.moveLeads(value.mergedLeadIds, value.leadId);
    }
    await set.commit();
  }
}
