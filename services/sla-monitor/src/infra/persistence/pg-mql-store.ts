import { prepared } from '@smarketing/messaging';
import { MqlStore, type MqlEntry, type VolumeEvaluationRow } from '../../app/ports/mql-store.port';
import { iso, type Sql } from './sql';

const ADD = prepared(
  'sla-monitor.mqls.add',
  `INSERT INTO sla_monitor_mqls (lead_id, cycle, mql_at, region, source)
   SELECT * FROM unnest($1::text[], $2::int[], $3::timestamptz[], $4::text[], $5::text[])
   ON CONFLICT (lead_id, cycle) DO NOTHING
   RETURNING lead_id, cycle, mql_at, region, source`,
);
// The lead's latest MQL cycle is the one sales accepted; the earliest acceptance time is kept.
const ACCEPT = prepared(
  'sla-monitor.mqls.accept',
  `UPDATE sla_monitor_mqls m SET accepted_at = least(coalesce(m.accepted_at, a.at), a.at)
   FROM (SELECT lead_id, min(at) AS at FROM unnest($1::text[], $2::timestamptz[]) AS x(lead_id, at) GROUP BY lead_id) a
   WHERE m.lead_id = a.lead_id AND m.mql_at <= a.at
     AND m.cycle = (SELECT max(cycle) FROM sla_monitor_mqls l WHERE l.lead_id = a.lead_id AND l.mql_at <= a.at)`,
);
const COUNT = prepared(
  'sla-monitor.mqls.count',
  `SELECT count(*) AS mqls, count(*) FILTER (WHERE accepted_at IS NOT NULL) AS accepted FROM sla_monitor_mqls
   WHERE mql_at >= $1 AND mql_at < $2
     AND (cardinality($3::text[]) = 0 OR region = ANY($3::text[]))
     AND (cardinality($4::text[]) = 0 OR source = ANY($4::text[]))`,
);
const FILL = prepared(
  'sla-monitor.mqls.fill-segments',
  `UPDATE sla_monitor_mqls m SET region = coalesce(m.region, p.region), source = coalesce(m.source, p.source)
   FROM unnest($1::text[], $2::text[], $3::text[]) AS p(lead_id, region, source)
   WHERE m.lead_id = p.lead_id AND (m.region IS NULL OR m.source IS NULL)`,
);
const LAST = prepared(
  'sla-monitor.volume.last',
  `SELECT policy_id, period_start, period_end, evaluation_id, final, evaluated_at FROM sla_monitor_volume_evaluations
   WHERE policy_id = $1 AND period_start = $2`,
);
const SAVE = prepared(
  'sla-monitor.volume.save',
  `INSERT INTO sla_monitor_volume_evaluations (policy_id, period_start, period_end, evaluation_id, final, evaluated_at)
   VALUES ($1, $2, $3, $4, $5, $6)
   ON CONFLICT (policy_id, period_start) DO UPDATE SET evaluation_id = EXCLUDED.evaluation_id,
     final = EXCLUDED.final, evaluated_at = EXCLUDED.evaluated_at, period_end = EXCLUDED.period_end`,
);
const CLOSED_HOLDING = prepared(
  'sla-monitor.volume.closed-holding',
  `SELECT DISTINCT e.policy_id, e.period_start, e.period_end, e.evaluation_id, e.final, e.evaluated_at
   FROM sla_monitor_volume_evaluations e, unnest($1::timestamptz[]) AS x(at)
   WHERE e.final AND x.at >= e.period_start AND x.at < e.period_end`,
);

type EvalRow = {
  policy_id: string;
  period_start: Date;
  period_end: Date;
  evaluation_id: string;
  final: boolean;
  evaluated_at: Date;
};
const toEval = (r: EvalRow): VolumeEvaluationRow => ({
  policyId: r.policy_id,
  periodStart: r.period_start.getTime(),
  periodEnd: r.period_end.getTime(),
  evaluationId: r.evaluation_id,
  final: r.final,
  evaluatedAt: r.evaluated_at.getTime(),
});

/** sla_monitor_mqls (each MQL cycle of a lead, accepted or not) and sla_monitor_volume_evaluations. */
export class PgMqlStore extends MqlStore {
  constructor(private readonly sql: Sql) {
    super();
  }

  async add(entries: readonly MqlEntry[]): Promise<MqlEntry[]> {
    if (!entries.length) return [];
    const rows = await this.sql.query<{
      lead_id: string;
      cycle: number;
      mql_at: Date;
      region: string | null;
      source: string | null;
    }>(ADD, [
      entries.map((e) => e.leadId),
      entries.map((e) => e.cycle),
      entries.map((e) => iso(e.at)),
      entries.map((e) => e.region),
      entries.map((e) => e.source),
    ]);
    return rows.map((r) => ({
      leadId: r.lead_id,
      cycle: r.cycle,
      at: r.mql_at.getTime(),
      region: r.region,
      source: r.source,
    }));
  }

  async markAccepted(accepted: readonly { leadId: string; at: number }[]): Promise<void> {
    if (!accepted.length) return;
    await this.sql.query(ACCEPT, [accepted.map((a) => a.leadId), accepted.map((a) => iso(a.at))]);
  }

  async count(from: number, to: number, segment: { regions: readonly string[]; sources: readonly string[] }) {
    const [row] = await this.sql.query<{ mqls: string; accepted: string }>(COUNT, [
      iso(from),
      iso(to),
      segment.regions,
      segment.sources,
    ]);
    return { mqls: Number(row?.mqls ?? 0), accepted: Number(row?.accepted ?? 0) };
  }

  async lastEvaluation(policyId: string, periodStart: number): Promise<VolumeEvaluationRow | undefined> {
    const [row] = await this.sql.query<EvalRow>(LAST, [policyId, iso(periodStart)]);
    return row && toEval(row);
  }

  async saveEvaluation(r: VolumeEvaluationRow): Promise<void> {
    await this.sql.query(SAVE, [
      r.policyId,
      iso(r.periodStart),
      iso(r.periodEnd),
      r.evaluationId,
      r.final,
      iso(r.evaluatedAt),
    ]);
  }

  async closedPeriodsHolding(instants: readonly number[]): Promise<VolumeEvaluationRow[]> {
    if (!instants.length) return [];
    return (await this.sql.query<EvalRow>(CLOSED_HOLDING, [instants.map(iso)])).map(toEval);
  }

  async fillSegments(profiles: readonly { leadId: string; region: string | null; source: string | null }[]) {
    if (!profiles.length) return;
    await this.sql.query(FILL, [
      profiles.map((p) => p.leadId),
      profiles.map((p) => p.region),
      profiles.map((p) => p.source),
    ]);
  }

  async moveLeads(fromLeadIds: readonly string[], toLeadId: string): Promise<void> {
    if (!fromLeadIds.length) return;
    // Cycles of merged leads become the survivor's, numbered after its own so none collides.
    await this.sql.query(
      `INSERT INTO sla_monitor_mqls (lead_id, cycle, mql_at, region, source, accepted_at)
       SELECT $2, coalesce((SELECT max(cycle) FROM sla_monitor_mqls WHERE lead_id = $2), 0)
                  + row_number() OVER (ORDER BY mql_at, lead_id, cycle),
              mql_at, region, source, accepted_at
       FROM sla_monitor_mqls WHERE lead_id = ANY($1::text[])`,
      [fromLeadIds, toLeadId],
    );
    await this.sql.query(`DELETE FROM sla_monitor_mqls WHERE lead_id = ANY($1::text[])`, [fromLeadIds]);
  }
}
