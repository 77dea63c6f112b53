import type { LeadErased } from '@smarketing/contracts';
import { cancel } from '../../domain/sla-transitions';
import type { Incoming, SlaMonitorTx } from '../ports/transactions.port';
import type { CalendarClocks } from '../sla/calendar-clocks';
import { RecordWorkingSet } from '../sla/record-working-set';

/**
 * lead-erased (GDPR): this service holds no personal data (ids, times, bands, regions and sources
 * only), so the records stay as the PII-free audit of what the SLA was. The person's open clocks
 * are cancelled (sales must not contact them any more) and their kept touches, dispositions and
 * profile are dropped.
 */
export class EraseLeads {
  constructor(private readonly clocks: CalendarClocks) {}

  async execute(events: readonly Incoming<LeadErased>[], tx: SlaMonitorTx): Promise<void> {
    if (!events.length) return;
    const leadIds = [...new Set(events.map((e) => e.value.leadId))];
    const set = await RecordWorkingSet.ofLeads(tx, this.clocks, leadIds);
    for (const { eventId, occurredAt, value } of events) {
      const cause = { kind: 'erasure' as const, id: eventId, detail: `erasure ${value.erasureId}` };
      for (const r of set.ofLead(value.leadId))
        set.apply(r.id, (rec, clock) => cancel(rec, occurredAt, cause, clock));
    }
    await tx.facts.erase(leadIds);
    await set.commit();
  }
}
