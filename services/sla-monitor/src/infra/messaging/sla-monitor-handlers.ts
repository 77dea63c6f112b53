import { TOPICS, type EventOf, type TopicDef } from '@smarketing/contracts';
import type { Envelope, EventHandler, TxContext } from '@smarketing/messaging';
import type { Incoming, SlaMonitorTx } from '../../app/ports/transactions.port';
import type { CalendarClocks } from '../../app/sla/calendar-clocks';
import { ApplyDispositions } from '../../app/use-cases/apply-dispositions.use-case';
import { EraseLeads } from '../../app/use-cases/erase-leads.use-case';
import { MergeLeads } from '../../app/use-cases/merge-leads.use-case';
import { RecordActivities } from '../../app/use-cases/record-activities.use-case';
import { RecordBands, RecordLeadProfiles } from '../../app/use-cases/record-lead-profiles.use-case';
import { StartClocks } from '../../app/use-cases/start-clocks.use-case';
import { TrackLifecycle } from '../../app/use-cases/track-lifecycle.use-case';
import { slaMonitorTx } from '../persistence/sla-monitor-tx';

type BatchUseCase<T extends TopicDef> = {
  execute(events: readonly Incoming<EventOf<T>>[], tx: SlaMonitorTx): Promise<void>;
};

const missing = (fields: Record<string, string | null | undefined>): string | undefined => {
  const empty = Object.entries(fields)
    .filter(([, v]) => !v)
    .map(([k]) => k);
  return empty.length ? `${empty.join(', ')} ${empty.length > 1 ? 'are' : 'is'} empty` : undefined;
};

/** The handler of one topic: validates each event (a reason dead-letters it), runs its use case on each batch. */
export class SlaMonitorHandler<T extends TopicDef> implements EventHandler<T> {
  constructor(
    readonly topic: T,
    private readonly useCase: BatchUseCase<T>,
    private readonly check: (value: EventOf<T>) => string | undefined = () => undefined,
  ) {}

  validate(event: Envelope<EventOf<T>>): string | undefined {
    return this.check(event.value);
  }

  handle(events: readonly Envelope<EventOf<T>>[], tx: TxContext): Promise<void> {
    return this.useCase.execute(events, slaMonitorTx(tx));
  }
}

/** Every topic sla-monitor consumes, each with its use case (the module passes the shared calendar cache in). */
export const slaMonitorHandlers = (clocks: CalendarClocks): EventHandler[] =>
  [
    // Assignments start the response and disposition clocks (and close those of the previous rep).
    new SlaMonitorHandler(TOPICS.leadAssigned, new StartClocks(clocks), (v) =>
      missing({ leadId: v.leadId, repId: v.repId, assignmentId: v.assignmentId }),
    ),
    // The assigned rep's first touch meets the response SLA (by event time, also after a breach).
    new SlaMonitorHandler(TOPICS.salesActivityRecorded, new RecordActivities(clocks), (v) =>
      missing({ leadId: v.leadId, repId: v.repId }),
    ),
    // Dispositions meet the disposition SLA, pause or cancel a response clock, count acceptance.
    new SlaMonitorHandler(TOPICS.leadDispositioned, new ApplyDispositions(clocks), (v) =>
      missing({ leadId: v.leadId, repId: v.repId }),
    ),
    // MQLs (and their acceptance) for marketing's volume and quality SLA.
    new SlaMonitorHandler(TOPICS.lifecycleChanged, new TrackLifecycle(), (v) =>
      missing({ leadId: v.leadId }),
    ),
    // Region and source (policy conditions, volume segments); the band from the default model.
    new SlaMonitorHandler(TOPICS.leadUpserted, new RecordLeadProfiles(), (v) =>
      missing({ leadId: v.leadId }),
    ),
    new SlaMonitorHandler(TOPICS.leadScored, new RecordBands(), (v) => missing({ leadId: v.leadId })),
    // Merges cancel the merged leads' clocks and move their facts; erasure cancels and forgets.
    new SlaMonitorHandler(TOPICS.leadsMerged, new MergeLeads(clocks), (v) => missing({ leadId: v.leadId })),
    new SlaMonitorHandler(TOPICS.leadErased, new EraseLeads(clocks), (v) => missing({ leadId: v.leadId })),
  ] as EventHandler[];
