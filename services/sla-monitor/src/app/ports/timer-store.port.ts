/** What a durable timer is for: a step of a record's chain, or a volume policy's checkpoint. */
export type TimerSubject = 'record' | 'volume';

export type DurableTimer = {
  readonly timerId: string;
  readonly subject: TimerSubject;
  /** The record id, or the volume policy id. */
  readonly subjectId: string;
  /** A record's TimerKind, or "checkpoint". */
  readonly kind: string;
  readonly dueAt: number;
};

export type NewTimer = Omit<DurableTimer, 'timerId'>;

/**
 * sla_monitor_timers (due-at index), bound to one transaction. Claiming deletes the rows it returns
 * and skips rows other transactions hold, so a timer is claimed by one transaction; the claim, the
 * effects and the next timers commit together or not at all (a crash before the commit leaves the
 * timer due, and it fires again: exactly once in effect).
 */
export abstract class TimerStore {
  abstract schedule(timers: readonly NewTimer[]): Promise<void>;
  /**
   * Removes the pending timers of these subjects, except those another transaction is firing now
   * (those are stale by the time they get the subject's lock, and do nothing).
   */
  abstract cancel(subject: TimerSubject, subjectIds: readonly string[], kind?: string): Promise<void>;
  /**
   * Serialises, until the transaction ends, the work that replaces a subject's timers (a volume
   * policy's checkpoint chain is restarted by a publication while the worker may be firing it).
   */
  abstract lockSubjects(subject: TimerSubject, subjectIds: readonly string[]): Promise<void>;
  /** Claims up to `limit` timers due at or before `now`, earliest first. */
  abstract claimDue(now: number, limit: number): Promise<DurableTimer[]>;
  /** Which of these subjects have a pending timer. */
  abstract pendingSubjects(subject: TimerSubject, subjectIds: readonly string[]): Promise<Set<string>>;
  abstract nextDueAt(): Promise<number | null>;
  abstract pendingCount(): Promise<number>;
}
