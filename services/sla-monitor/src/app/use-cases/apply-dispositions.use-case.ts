import type { LeadDispositioned } from '@smarketing/contracts';
import { DISPOSITIONS, type Disposition } from '../../domain/sla-policy';
import { applyDisposition } from '../../domain/sla-transitions';
import type { Incoming, SlaMonitorTx } from '../ports/transactions.port';
import type { CalendarClocks } from '../sla/calendar-clocks';
import { RecordWorkingSet } from '../sla/record-working-set';

const isDisposition = (d: string): d is Disposition => (DISPOSITIONS as readonly string[]).includes(d);

/** Dispositions that count as sales accepting the lead (the volume SLA's quality share). */
const ACCEPTING: readonly Disposition[] = ['accepted', 'qualified'];

/**
 * lead-dispositioned: meets, pauses or cancels the lead's records as each record's policy says
 * (a disposition SLA is met, "recycled" pauses a response clock in the default policies), and
 * counts an acceptance for the volume SLA's quality floor. Kept as a fact for clocks that start later.
 * The "unknown" disposition (a newer CRM value this version does not know) changes nothing.
 */
export class ApplyDispositions {
  constructor(private readonly clocks: CalendarClocks) {}

  async execute(events: readonly Incoming<LeadDispositioned>[], tx: SlaMonitorTx): Promise<void> {
    const known = events.filter((e) => isDisposition(e.value.disposition));
    if (!known.length) return;
    const set = await RecordWorkingSet.ofLeads(
      tx,
      this.clocks,
      known.map((e) => e.value.leadId),
    );
    await tx.facts.addFacts(
      known.map((e) => ({
        kind: 'disposition',
        leadId: e.value.leadId,
        repId: e.value.repId,
        at: e.occurredAt,
        eventId: e.eventId,
        disposition: e.value.disposition as Disposition,
      })),
    );
    await tx.mqls.markAccepted(
      known
        .filter((e) => ACCEPTING.includes(e.value.disposition as Disposition))
        .map((e) => ({ leadId: e.value.leadId, at: e.occurredAt })),
    );
    for (const { eventId, occurredAt, value } of known) {
      const disposition = value.disposition as Disposition;
      const cause = {
        kind: 'disposition' as const,
        id: eventId,
        detail: `disposition ${disposition}${value.reason ? ` (${value.reason})` : ''} by ${value.repId}`,
      };
      for (const r of set.ofLead(value.leadId))
        set.apply(r.id, (rec, clock) => applyDisposition(rec, { at: occurredAt, disposition, cause }, clock));
    }
    await set.commit();
  }
}
