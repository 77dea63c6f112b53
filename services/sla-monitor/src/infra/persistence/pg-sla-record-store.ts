import { prepared } from '@smarketing/messaging';
import type { SlaRecord, SlaStatus, SlaStep, SlaCause } from '../../domain/sla-record';
import {
  SlaRecordStore,
  type AttainmentQuery,
  type AttainmentRow,
  type TimelineEntry,
} from '../../app/ports/sla-record-store.port';
import { iso, isoOrNull, type Sql } from './sql';

type StateRow = { state: SlaRecord };

const LOCK_BY_LEADS = prepared(
  'sla-monitor.records.lock-by-leads',
  `SELECT state FROM sla_monitor_records WHERE lead_id = ANY($1::text[]) ORDER BY record_id FOR UPDATE`,
);
const LOCK_BY_IDS = prepared(
  'sla-monitor.records.lock-by-ids',
  `SELECT state FROM sla_monitor_records WHERE record_id = ANY($1::uuid[]) ORDER BY record_id FOR UPDATE`,
);
const SAVE = prepared(
  'sla-monitor.records.save',
  `INSERT INTO sla_monitor_records (record_id, lead_id, rep_id, team_id, kind, policy_id, policy_version, status,
     started_at, due_at, closed_at, first_action_business_ms, state)
   SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::int[], $8::text[],
     $9::timestamptz[], $10::timestamptz[], $11::timestamptz[], $12::bigint[], $13::jsonb[])
   ON CONFLICT (record_id) DO UPDATE SET lead_id = EXCLUDED.lead_id, status = EXCLUDED.status, due_at = EXCLUDED.due_at,
     closed_at = EXCLUDED.closed_at, first_action_business_ms = EXCLUDED.first_action_business_ms, state = EXCLUDED.state`,
);
const APPEND = prepared(
  'sla-monitor.timeline.append',
  `INSERT INTO sla_monitor_timeline (record_id, sequence, step, status, occurred_at, event_id, supersedes,
     elapsed_business_ms, cause, fired_at)
   SELECT * FROM unnest($1::uuid[], $2::int[], $3::text[], $4::text[], $5::timestamptz[], $6::uuid[], $7::int[],
     $8::bigint[], $9::jsonb[], $10::timestamptz[])`,
);
// Transaction-scoped advisory locks, one per lead (namespace 0x534c41 "SLA"), taken in key order so
// that two transactions never wait on each other in a cycle.
const LOCK_LEADS = prepared(
  'sla-monitor.leads.lock',
  `SELECT pg_advisory_xact_lock(5459009, k)
   FROM (SELECT DISTINCT hashtext(l) AS k FROM unnest($1::text[]) AS l ORDER BY 1) AS keys`,
);
const FIND = prepared(
  'sla-monitor.records.find',
  `SELECT state FROM sla_monitor_records WHERE record_id = $1`,
);
const TIMELINE = prepared(
  'sla-monitor.timeline.of',
  `SELECT record_id, sequence, step, status, occurred_at, event_id, supersedes, elapsed_business_ms, cause, fired_at
   FROM sla_monitor_timeline WHERE record_id = $1 ORDER BY sequence`,
);
const OPEN_BY_DEADLINE = prepared(
  'sla-monitor.records.open-by-deadline',
  `SELECT state FROM sla_monitor_records
   WHERE status IN ('running', 'warning') AND closed_at IS NULL AND due_at < $1
   ORDER BY due_at, record_id LIMIT $2`,
);

type TimelineRow = {
  record_id: string;
  sequence: number;
  step: SlaStep;
  status: SlaStatus;
  occurred_at: Date;
  event_id: string;
  supersedes: number | null;
  elapsed_business_ms: string;
  cause: SlaCause;
  fired_at: Date | null;
};

const isUuid = (id: string): boolean =>
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);

/**
 * sla_monitor_records (the record's state as JSON, with the columns the queries need) and
 * sla_monitor_timeline. Records are locked in id order, so no two transactions deadlock on them.
 */
export class PgSlaRecordStore extends SlaRecordStore {
  constructor(private readonly sql: Sql) {
    super();
  }

  async lockLeads(leadIds: readonly string[]): Promise<void> {
    if (leadIds.length) await this.sql.query(LOCK_LEADS, [leadIds]);
  }

  async lockByLeads(leadIds: readonly string[]): Promise<SlaRecord[]> {
    if (!leadIds.length) return [];
    return (await this.sql.query<StateRow>(LOCK_BY_LEADS, [leadIds])).map((r) => r.state);
  }

  async lockByIds(ids: readonly string[]): Promise<SlaRecord[]> {
    const valid = ids.filter(isUuid);
    if (!valid.length) return [];
    return (await this.sql.query<StateRow>(LOCK_BY_IDS, [valid])).map((r) => r.state);
  }

  async saveMany(
    records: readonly SlaRecord[],
    firstActionBusinessMs: ReadonlyMap<string, number>,
  ): Promise<void> {
    if (!records.length) return;
    await this.sql.query(SAVE, [
      records.map((r) => r.id),
      records.map((r) => r.leadId),
      records.map((r) => r.repId),
      records.map((r) => r.teamId),
      records.map((r) => r.kind),
      records.map((r) => r.policy.id),
      records.map((r) => r.policy.version),
      records.map((r) => r.status),
      records.map((r) => iso(r.startedAt)),
      records.map((r) => isoOrNull(r.dueAt)),
      records.map((r) => isoOrNull(r.closedAt)),
      records.map((r) => firstActionBusinessMs.get(r.id) ?? null),
      records.map((r) => JSON.stringify(r)),
    ]);
  }

  async appendTimeline(entries: readonly TimelineEntry[]): Promise<void> {
    if (!entries.length) return;
    await this.sql.query(APPEND, [
      entries.map((e) => e.recordId),
      entries.map((e) => e.sequence),
      entries.map((e) => e.step),
      entries.map((e) => e.status),
      entries.map((e) => iso(e.at)),
      entries.map((e) => e.eventId),
      entries.map((e) => e.supersedes),
      entries.map((e) => e.elapsedBusinessMs),
      entries.map((e) => JSON.stringify(e.cause)),
      entries.map((e) => isoOrNull(e.firedAt)),
    ]);
  }

  async find(id: string): Promise<SlaRecord | undefined> {
    if (!isUuid(id)) return undefined;
    const [row] = await this.sql.query<StateRow>(FIND, [id]);
    return row?.state;
  }

  async timeline(id: string): Promise<TimelineEntry[]> {
    if (!isUuid(id)) return [];
    return (await this.sql.query<TimelineRow>(TIMELINE, [id])).map((r) => ({
      recordId: r.record_id,
      sequence: r.sequence,
      step: r.step,
      status: r.status,
      at: r.occurred_at.getTime(),
      eventId: r.event_id,
      supersedes: r.supersedes,
      elapsedBusinessMs: Number(r.elapsed_business_ms),
      cause: r.cause,
      firedAt: r.fired_at === null ? null : r.fired_at.getTime(),
    }));
  }

  async openByDeadline(dueBefore: number, limit: number): Promise<SlaRecord[]> {
    return (await this.sql.query<StateRow>(OPEN_BY_DEADLINE, [iso(dueBefore), limit])).map((r) => r.state);
  }

  async attainment(q: AttainmentQuery): Promise<AttainmentRow[]> {
    const key = q.groupBy === 'rep' ? 'rep_id' : q.groupBy === 'team' ? 'team_id' : 'policy_id';
    // date_trunc on UTC: a day or ISO week (from Monday) or month of the records' start.
    const period =
      q.bucket === null ? 'NULL::timestamp' : `date_trunc('${q.bucket}', started_at AT TIME ZONE 'UTC')`;
    const rows = await this.sql.query<{
      key: string | null;
      period: Date | null;
      kind: string;
      total: string;
      met: string;
      breached: string;
      open: string;
      cancelled: string;
      mean_first_action: string | null;
    }>(
      `SELECT ${key} AS key, ${period} AS period, kind, count(*) AS total,
         count(*) FILTER (WHERE status = 'met') AS met,
         count(*) FILTER (WHERE status = 'breached') AS breached,
         count(*) FILTER (WHERE status IN ('running', 'warning', 'paused')) AS open,
         count(*) FILTER (WHERE status = 'cancelled') AS cancelled,
         avg(first_action_business_ms) AS mean_first_action
       FROM sla_monitor_records
       WHERE started_at >= $1 AND started_at < $2 AND ($3::text IS NULL OR kind = $3)
       GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
      [iso(q.from), iso(q.to), q.kind],
    );
    return rows.map((r) => {
      const met = Number(r.met);
      const breached = Number(r.breached);
      return {
        key: r.key,
        period:
          r.period === null
            ? null
            : Date.UTC(r.period.getFullYear(), r.period.getMonth(), r.period.getDate()),
        kind: r.kind,
        total: Number(r.total),
        met,
        breached,
        open: Number(r.open),
        cancelled: Number(r.cancelled),
        attainment: met + breached > 0 ? met / (met + breached) : null,
        meanFirstActionBusinessMs:
          r.mean_first_action === null ? null : Math.round(Number(r.mean_first_action)),
      };
    });
  }
}
