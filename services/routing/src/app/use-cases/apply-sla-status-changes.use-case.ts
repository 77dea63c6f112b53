import type { SlaStatusChanged } from '@smarketing/contracts';
import type { CatalogCache } from '../routing/catalog';
import type { RoutingCause } from '../routing/routing-cause';
import type { RoutingEngine } from '../routing/routing-engine';
import type { Incoming, RoutingTx } from '../ports/transactions.port';

/** An event names a rep or team the sales org does not have: retrying cannot fix it (dead letter). */
export class UnknownReferenceError extends Error {
  constructor(
    readonly eventId: string,
    message: string,
  ) {
    super(message);
    this.name = 'UnknownReferenceError';
  }
}

/** What routing does on each step of an SLA record; other steps (started, met, paused, ...) change nothing. */
const actionOf = (e: SlaStatusChanged): 'policy' | 'reassign' | 'escalate' | undefined => {
  switch (e.step) {
    case 'reassignment_requested':
      return 'reassign';
    case 'escalated':
      return 'escalate';
    case 'breached':
      return 'policy';
    case 'unknown':
      // A producer that predates steps: the status alone says it breached.
      return e.status === 'breached' ? 'policy' : undefined;
    default:
      return undefined;
  }
};

/**
 * sla-status-changed: a breach of the current owner's clock moves the lead as the lead's rule
 * says (`sla.onBreach`: reassign to the next rep of its pool up to `maxReassignments`, then
 * escalate); sla-monitor's explicit steps win (reassignment_requested reassigns, escalated goes to
 * the team manager). An event about a previous owner changes nothing. A corrected breach (met
 * after all) does not undo a reassignment: the lead has a new owner who is working it. An event
 * naming a rep or team the org does not know is refused before anything is applied (dead letter).
 */
export class ApplySlaStatusChanges {
  constructor(
    private readonly engine: RoutingEngine,
    private readonly catalog: CatalogCache,
  ) {}

  async execute(events: readonly Incoming<SlaStatusChanged>[], tx: RoutingTx): Promise<void> {
    const acting = events.flatMap((e) => {
      const action = actionOf(e.value);
      return action === undefined ? [] : [{ e, action }];
    });
    if (acting.length === 0) return;
    const { org } = await this.catalog.current(tx);
    for (const { e } of acting) {
      const { repId, teamId } = e.value;
      if (repId !== null && !org.reps.has(repId) && !repId.startsWith('queue:'))
        throw new UnknownReferenceError(
          e.eventId,
          `sla-status-changed ${e.eventId} names rep "${repId}", unknown to the sales org`,
        );
      if (teamId !== null && !org.teams.has(teamId))
        throw new UnknownReferenceError(
          e.eventId,
          `sla-status-changed ${e.eventId} names team "${teamId}", unknown to the sales org`,
        );
    }
    const causes: RoutingCause[] = acting.map(({ e, action }) => ({
      type: 'sla_breach',
      leadId: e.value.leadId,
      at: e.occurredAt,
      eventId: e.eventId,
      slaRecordId: e.value.slaRecordId,
      step: e.value.step,
      action,
      repId: e.value.repId,
    }));
    await this.engine.apply(causes, tx);
  }
}
