import { prepared } from '@smarketing/messaging';
import {
  TimerStore,
  type DurableTimer,
  type NewTimer,
  type TimerSubject,
} from '../../app/ports/timer-store.port';
import { iso, type Sql } from './sql';

type TimerRow = { timer_id: string; subject: TimerSubject; subject_id: string; kind: string; due_at: Date };

const SCHEDULE = prepared(
  'sla-monitor.timers.schedule',
  `INSERT INTO sla_monitor_timers (subject, subject_id, kind, due_at)
   SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::timestamptz[])`,
);
// Rows another transaction is firing are skipped: they are stale once that one commits, and do nothing.
const CANCEL = prepared(
  'sla-monitor.timers.cancel',
  `DELETE FROM sla_monitor_timers WHERE timer_id IN (
     SELECT timer_id FROM sla_monitor_timers
     WHERE subject_id = ANY($2::text[]) AND subject = $1 AND ($3::text IS NULL OR kind = $3)
     FOR UPDATE SKIP LOCKED)`,
);
// The due-at index gives the earliest due rows; SKIP LOCKED lets replicas claim disjoint sets at once.
const CLAIM = prepared(
  'sla-monitor.timers.claim',
  `WITH due AS (
     SELECT timer_id FROM sla_monitor_timers WHERE due_at <= $1 ORDER BY due_at LIMIT $2 FOR UPDATE SKIP LOCKED)
   DELETE FROM sla_monitor_timers t USING due WHERE t.timer_id = due.timer_id
   RETURNING t.timer_id, t.subject, t.subject_id, t.kind, t.due_at`,
);
// Transaction-scoped advisory locks per subject (namespace 0x534c42), in key order.
const LOCK_SUBJECTS = prepared(
  'sla-monitor.timers.lock-subjects',
  `SELECT pg_advisory_xact_lock(5459010, k)
   FROM (SELECT DISTINCT hashtext($1 || ':' || s) AS k FROM unnest($2::text[]) AS s ORDER BY 1) AS keys`,
);
const PENDING_SUBJECTS = prepared(
  'sla-monitor.timers.pending-subjects',
  `SELECT DISTINCT subject_id FROM sla_monitor_timers WHERE subject_id = ANY($2::text[]) AND subject = $1`,
);
const NEXT_DUE = prepared(
  'sla-monitor.timers.next-due',
  `SELECT min(due_at) AS due_at FROM sla_monitor_timers`,
);
const COUNT = prepared('sla-monitor.timers.count', `SELECT count(*) AS n FROM sla_monitor_timers`);

/** sla_monitor_timers: durable timers on a due-at index, claimed with FOR UPDATE SKIP LOCKED. */
export class PgTimerStore extends TimerStore {
  constructor(private readonly sql: Sql) {
    super();
  }

  async schedule(timers: readonly NewTimer[]): Promise<void> {
    if (!timers.length) return;
    await this.sql.query(SCHEDULE, [
      timers.map((t) => t.subject),
      timers.map((t) => t.subjectId),
      timers.map((t) => t.kind),
      timers.map((t) => iso(t.dueAt)),
    ]);
  }

  async cancel(subject: TimerSubject, subjectIds: readonly string[], kind?: string): Promise<void> {
    if (!subjectIds.length) return;
    await this.sql.query(CANCEL, [subject, subjectIds, kind ?? null]);
  }

  async lockSubjects(subject: TimerSubject, subjectIds: readonly string[]): Promise<void> {
    if (subjectIds.length) await this.sql.query(LOCK_SUBJECTS, [subject, subjectIds]);
  }

  async claimDue(now: number, limit: number): Promise<DurableTimer[]> {
    const rows = await this.sql.query<TimerRow>(CLAIM, [iso(now), limit]);
    return rows.map((r) => ({
      timerId: String(r.timer_id),
      subject: r.subject,
      subjectId: r.subject_id,
      kind: r.kind,
      dueAt: r.due_at.getTime(),
    }));
  }

  async pendingSubjects(subject: TimerSubject, subjectIds: readonly string[]): Promise<Set<string>> {
    if (!subjectIds.length) return new Set();
    const rows = await this.sql.query<{ subject_id: string }>(PENDING_SUBJECTS, [subject, subjectIds]);
    return new Set(rows.map((r) => r.subject_id));
  }

  async nextDueAt(): Promise<number | null> {
    const [row] = await this.sql.query<{ due_at: Date | null }>(NEXT_DUE);
    return row?.due_at ? row.due_at.getTime() : null;
  }

  async pendingCount(): Promise<number> {
    const [row] = await this.sql.query<{ n: string }>(COUNT);
    return Number(row?.n ?? 0);
  }
}
