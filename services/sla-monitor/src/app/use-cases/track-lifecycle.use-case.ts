import type { LifecycleChanged } from '@smarketing/contracts';
import type { Incoming, SlaMonitorTx } from '../ports/transactions.port';

/** Stages that mean sales accepted the lead (the volume SLA's quality share). */
const ACCEPTED_STAGES: readonly string[] = ['sal', 'sql', 'opportunity', 'customer'];

/**
 * lifecycle-changed: each time a lead becomes an MQL (per lifecycle cycle) counts for the volume
 * SLAs of its segment, at the event's time; a later move to SAL or beyond counts it as accepted.
 * An MQL whose time falls in a period already evaluated as final (it arrived late) asks for that
 * period to be evaluated again, at once: the new final evaluation supersedes the old one.
 */
export class TrackLifecycle {
  async execute(events: readonly Incoming<LifecycleChanged>[], tx: SlaMonitorTx): Promise<void> {
    if (!events.length) return;
    const mqlEvents = events.filter((e) => e.value.to === 'mql');
    const profiles = await tx.facts.profiles([...new Set(mqlEvents.map((e) => e.value.leadId))]);
    const added = await tx.mqls.add(
      mqlEvents.map((e) => ({
        leadId: e.value.leadId,
        cycle: e.value.cycle,
        at: e.occurredAt,
        region: profiles.get(e.value.leadId)?.region ?? null,
        source: profiles.get(e.value.leadId)?.source ?? null,
      })),
    );
    await tx.mqls.markAccepted(
      events
        .filter((e) => ACCEPTED_STAGES.includes(e.value.to))
        .map((e) => ({ leadId: e.value.leadId, at: e.occurredAt })),
    );
    const late = await tx.mqls.closedPeriodsHolding(added.map((m) => m.at));
    await tx.timers.schedule(
      late.map((p) => ({
        subject: 'volume',
        subjectId: p.policyId,
        kind: `recheck:${p.periodStart}`,
        dueAt: p.evaluatedAt,
      })),
    );
  }
}
