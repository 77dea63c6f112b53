import { businessTimeBetween } from '../../domain/business-time';
import type { CalendarClock } from '../../domain/calendar-clock';
import type { SlaRecord } from '../../domain/sla-record';
import { nextTimer, scheduleOf } from '../../domain/sla-schedule';
import type { Transition } from '../../domain/sla-transitions';
import type { TimelineEntry } from '../ports/sla-record-store.port';
import type { NewTimer } from '../ports/timer-store.port';
import type { SlaMonitorTx } from '../ports/transactions.port';
import { statusEventIdFor } from './ids';
import { toStatusEvent } from './status-event';

/** A record's transition with the calendar it runs on; `before` is null for a new record. */
export type Applied = {
  readonly before: SlaRecord | null;
  readonly t: Transition;
  readonly clock: CalendarClock;
};

/**
 * Writes what transitions changed, in the caller's transaction: the records, their timelines, one
 * sla-status-changed per change (event id from record and sequence), and each changed record's
 * next timer in place of its pending ones. A record that did not change costs nothing.
 */
export async function commitTransitions(
  tx: SlaMonitorTx,
  applied: readonly Applied[],
  firedAt: number | null = null,
): Promise<void> {
  const latest = new Map<string, Applied>();
  for (const a of applied) if (a.t.record !== a.before) latest.set(a.t.record.id, a);
  if (!latest.size) return;
  const records = [...latest.values()].map((a) => a.t.record);
  const firstAction = new Map<string, number>();
  const timers: NewTimer[] = [];
  for (const { t, clock } of latest.values()) {
    const r = t.record;
    if (r.firstActionAt !== null)
      firstAction.set(r.id, businessTimeBetween(clock, r.startedAt, r.firstActionAt, r.pauses));
    const next = nextTimer(r, scheduleOf(r, clock));
    if (next) timers.push({ subject: 'record', subjectId: r.id, kind: next.kind, dueAt: next.dueAt });
  }
  await tx.records.saveMany(records, firstAction);
  const timeline: TimelineEntry[] = [];
  for (const { t, clock } of applied) {
    for (const c of t.changes) {
      const entry = {
        ...c,
        recordId: t.record.id,
        eventId: statusEventIdFor(t.record.id, c.sequence),
        firedAt: c.cause.kind === 'timer' ? firedAt : null,
      };
      timeline.push(entry);
      tx.events.statusChanged(toStatusEvent(t.record, c, clock), entry.eventId);
    }
  }
  await tx.records.appendTimeline(timeline);
  await tx.timers.cancel(
    'record',
    records.map((r) => r.id),
  );
  await tx.timers.schedule(timers);
}
