import type { TimerKind } from '../../domain/sla-record';
import { fireTimer } from '../../domain/sla-transitions';
import type { Clock } from '../ports/clock.port';
import type { DurableTimer } from '../ports/timer-store.port';
import type { Transactions } from '../ports/transactions.port';
import type { CalendarClocks } from '../sla/calendar-clocks';
import { RecordWorkingSet } from '../sla/record-working-set';
import { evaluateVolumeTimers } from '../sla/volume-checkpoints';

export type FiredTimers = {
  /** Timers claimed (and removed) by this round. */
  readonly claimed: number;
  /** For each claimed timer, how long after its due time it fired (ms, by the injected clock). */
  readonly latenessMs: readonly number[];
};

const RECORD_TIMERS: readonly string[] = [
  'warning',
  'breach',
  'escalation',
  'reassignment',
] satisfies TimerKind[];

/**
 * One round of the timer worker: in one transaction, claims up to `batchSize` timers due by the
 * injected clock (FOR UPDATE SKIP LOCKED: replicas claim disjoint timers), applies each to its
 * record (or volume policy) under the record's lock, and writes the outcome, the status events
 * (outbox) and the next timers. A crash before the commit leaves the timers due: they fire again,
 * and only one firing ever commits. Never early: only timers due at or before "now" are claimed,
 * and the domain refuses any other.
 */
export class FireDueTimers {
  constructor(
    private readonly transactions: Transactions,
    private readonly clock: Clock,
    private readonly clocks: CalendarClocks,
    private readonly batchSize: number,
  ) {}

  execute(): Promise<FiredTimers> {
    return this.transactions.run(async (tx) => {
      const now = this.clock.now();
      const timers = await tx.timers.claimDue(now, this.batchSize);
      if (!timers.length) return { claimed: 0, latenessMs: [] };
      const forRecords = timers.filter((t) => t.subject === 'record' && RECORD_TIMERS.includes(t.kind));
      const set = await RecordWorkingSet.ofIds(
        tx,
        this.clocks,
        forRecords.map((t) => t.subjectId),
      );
      const stale: string[] = [];
      for (const t of [...forRecords].sort((a, b) => a.dueAt - b.dueAt)) {
        const fired = set.apply(t.subjectId, (record, clock) =>
          fireTimer(record, { id: t.timerId, kind: t.kind as TimerKind, dueAt: t.dueAt }, now, clock),
        );
        if (fired && !fired.changes.length) stale.push(t.subjectId);
      }
      await set.commit(now);
      // A stale timer changed nothing: make sure its record still has the one timer it needs.
      if (stale.length) {
        await tx.timers.cancel('record', stale);
        await tx.timers.schedule(set.nextTimers(stale));
      }
      await evaluateVolumeTimers(
        tx,
        timers.filter((t): t is DurableTimer => t.subject === 'volume'),
      );
      return { claimed: timers.length, latenessMs: timers.map((t) => now - t.dueAt) };
    });
  }
}
