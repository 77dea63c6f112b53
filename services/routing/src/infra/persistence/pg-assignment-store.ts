import { prepared, type TxContext } from '@smarketing/messaging';
import {
  AssignmentStore,
  pairKey,
  type AssignmentOutcome,
  type AssignmentRecord,
  type PoolDayOutcomes,
} from '../../app/ports/assignment-store.port';
import type { Candidate } from '../../domain';
import { iso } from './sql-values';

type Row = {
  assignment_id: string;
  lead_id: string;
  cause_key: string;
  cause_event_id: string | null;
  cycle: number;
  kind: AssignmentRecord['kind'];
  outcome: AssignmentOutcome;
  via: AssignmentRecord['via'];
  rep_id: string | null;
  queue_id: string | null;
  previous_rep_id: string | null;
  team_id: string | null;
  rule_id: string | null;
  rules_version: number;
  pool_id: string | null;
  position: string | null;
  candidates: Candidate[];
  reason: string;
  occurred_at: Date;
};

const EXISTING = prepared(
  'routing.assignments.existing',
  `SELECT a.lead_id, a.cause_key FROM routing_assignments a
   JOIN unnest($1::text[], $2::text[]) AS t(lead_id, cause_key) USING (lead_id, cause_key)`,
);
const INSERT = prepared(
  'routing.assignments.insert',
  `INSERT INTO routing_assignments (assignment_id, lead_id, cause_key, cause_event_id, cycle, kind, outcome, via, rep_id,
     queue_id, previous_rep_id, team_id, rule_id, rules_version, pool_id, position, candidates, reason, occurred_at)
   SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::int[], $6::text[], $7::text[], $8::text[],
     $9::text[], $10::text[], $11::text[], $12::text[], $13::text[], $14::int[], $15::text[], $16::bigint[], $17::jsonb[],
     $18::text[], $19::timestamptz[])`,
);
const HISTORY = prepared(
  'routing.assignments.history',
  `SELECT assignment_id, lead_id, cause_key, cause_event_id, cycle, kind, outcome, via, rep_id, queue_id, previous_rep_id,
     team_id, rule_id, rules_version, pool_id, position, candidates, reason, occurred_at
   FROM routing_assignments WHERE lead_id = $1 ORDER BY occurred_at, cause_key`,
);

/**
 * routing_assignments: every decision with its trace. The unique (lead_id, cause_key) constraint
 * backs the engine's own duplicate check: a second decision for one cause cannot commit.
 */
export class PgAssignmentStore extends AssignmentStore {
  constructor(private readonly sql: Pick<TxContext, 'query'>) {
    super();
  }

  async existing(pairs: readonly { leadId: string; causeKey: string }[]): Promise<Set<string>> {
    if (!pairs.length) return new Set();
    const rows = await this.sql.query<{ lead_id: string; cause_key: string }>(EXISTING, [
      pairs.map((p) => p.leadId),
      pairs.map((p) => p.causeKey),
    ]);
    return new Set(rows.map((r) => pairKey(r.lead_id, r.cause_key)));
  }

  async insertMany(rows: readonly AssignmentRecord[]): Promise<void> {
    if (!rows.length) return;
    const col = <T>(f: (r: AssignmentRecord) => T) => rows.map(f);
    await this.sql.query(INSERT, [
      col((r) => r.assignmentId),
      col((r) => r.leadId),
      col((r) => r.causeKey),
      col((r) => r.causeEventId),
      col((r) => r.cycle),
      col((r) => r.kind),
      col((r) => r.outcome),
      col((r) => r.via),
      col((r) => r.repId),
      col((r) => r.queueId),
      col((r) => r.previousRepId),
      col((r) => r.teamId),
      col((r) => r.ruleId),
      col((r) => r.rulesVersion),
      col((r) => r.poolId),
      col((r) => r.position),
      col((r) => JSON.stringify(r.candidates)),
      col((r) => r.reason),
      col((r) => iso(r.occurredAt)),
    ]);
  }

  async history(leadId: string): Promise<AssignmentRecord[]> {
    const rows = await this.sql.query<Row>(HISTORY, [leadId]);
    return rows.map((r) => ({
      assignmentId: r.assignment_id,
      leadId: r.lead_id,
      causeKey: r.cause_key,
      causeEventId: r.cause_event_id,
      cycle: r.cycle,
      kind: r.kind,
      outcome: r.outcome,
      via: r.via,
      repId: r.rep_id,
      queueId: r.queue_id,
      previousRepId: r.previous_rep_id,
      teamId: r.team_id,
      ruleId: r.rule_id,
      rulesVersion: r.rules_version,
      poolId: r.pool_id,
      position: r.position === null ? null : Number(r.position),
      candidates: r.candidates,
      reason: r.reason,
      occurredAt: r.occurred_at.getTime(),
    }));
  }

  async outcomesByPool(fromDay: string, toDay: string): Promise<PoolDayOutcomes[]> {
    const rows = await this.sql.query<{
      pool_id: string | null;
      day: string;
      held: number;
      queued: number;
      escalated: number;
    }>(
      `SELECT pool_id, to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day,
              count(*) FILTER (WHERE outcome = 'held')::int AS held,
              count(*) FILTER (WHERE outcome = 'queued')::int AS queued,
              count(*) FILTER (WHERE outcome = 'assigned' AND kind = 'escalation')::int AS escalated
       FROM routing_assignments
       WHERE occurred_at >= $1::date AND occurred_at < $2::date + 1
       GROUP BY 1, 2 ORDER BY 1, 2`,
      [fromDay, toDay],
    );
    return rows
      .filter((r) => r.held + r.queued + r.escalated > 0)
      .map((r) => ({
        poolId: r.pool_id,
        day: r.day,
        held: r.held,
        queued: r.queued,
        escalated: r.escalated,
      }));
  }
}
