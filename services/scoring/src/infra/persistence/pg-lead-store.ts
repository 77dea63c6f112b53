import type { LeadRecord } from '../../app/lead/lead-record';
import { EMPTY_PROFILE } from '../../app/lead/rescore-lead';
import { LeadStore, type ComparableLead } from '../../app/ports/lead-store.port';
import {
  type BacktestLead,
  initialLifecycleState,
  type LeadOutcome,
  toTouchpoints,
  type TouchpointHistory,
} from '../../domain';
import { json, toMs, type Sql } from './sql';

type LeadRow = {
  lead_id: string;
  first_seen_at_ms: string;
  profile: LeadRecord['profile'];
  profile_at_ms: string | null;
  touchpoints: TouchpointHistory;
  score: LeadRecord['score'];
  lifecycle: LeadRecord['lifecycle'];
  outcome: LeadOutcome | null;
  account: LeadRecord['account'];
  merged_into: string | null;
  erasure_id: string | null;
  erasure_requested_by: string | null;
  erased_at_ms: string | null;
};

const COLUMNS = `lead_id, first_seen_at_ms, profile, profile_at_ms, touchpoints, score, lifecycle, outcome, account, merged_into, erasure_id, erasure_requested_by, erased_at_ms`;

const toRecord = (r: LeadRow): LeadRecord => ({
  leadId: r.lead_id,
  firstSeenAt: Number(r.first_seen_at_ms),
  profile: r.profile,
  profileAt: toMs(r.profile_at_ms),
  touchpoints: r.touchpoints,
  score: r.score,
  lifecycle: r.lifecycle,
  outcome: r.outcome,
  account: r.account,
  mergedInto: r.merged_into,
  erasure:
    r.erasure_id === null
      ? null
      : { erasureId: r.erasure_id, requestedBy: r.erasure_requested_by ?? '', at: Number(r.erased_at_ms) },
});

/** scoring_leads: one row per lead; every batch reads and writes it with one multi-row statement each. */
export class PgLeadStore extends LeadStore {
  constructor(private readonly sql: Sql) {
    super();
  }

  async lockMany(firstSeenAt: ReadonlyMap<string, number>): Promise<Map<string, LeadRecord>> {
    const ids = [...firstSeenAt.keys()].sort();
    if (!ids.length) return new Map();
    const times = ids.map((id) => firstSeenAt.get(id) ?? 0);
    // Placeholders first, so that two batches creating the same lead serialize on its row instead of overwriting each other.
    await this.sql.query(
      `INSERT INTO scoring_leads (lead_id, first_seen_at_ms, lifecycle, stage)
       SELECT id, at, lc, 'lead' FROM unnest($1::text[], $2::bigint[], $3::jsonb[]) AS v(id, at, lc) ORDER BY id
       ON CONFLICT (lead_id) DO NOTHING`,
      [ids, times, times.map((at) => JSON.stringify(initialLifecycleState(at)))],
    );
    const rows = await this.sql.query<LeadRow>(
      `SELECT ${COLUMNS} FROM scoring_leads WHERE lead_id = ANY($1::text[]) ORDER BY lead_id FOR UPDATE`,
      [ids],
    );
    return new Map(rows.map((r) => [r.lead_id, toRecord(r)]));
  }

  async saveMany(leads: readonly LeadRecord[]): Promise<void> {
    if (!leads.length) return;
    await this.sql.query(
      `UPDATE scoring_leads l SET
         first_seen_at_ms = v.first_seen_at_ms, profile = v.profile, profile_at_ms = v.profile_at_ms, touchpoints = v.touchpoints,
         score = v.score, model_id = v.model_id, model_version = v.model_version, total = v.total, band = v.band,
         lifecycle = v.lifecycle, stage = v.stage, outcome = v.outcome, merged_into = v.merged_into,
         erasure_id = v.erasure_id, erasure_requested_by = v.erasure_requested_by, erased_at_ms = v.erased_at_ms,
         account = v.account, account_id = v.account_id
       FROM unnest($1::text[], $2::bigint[], $3::jsonb[], $4::bigint[], $5::jsonb[], $6::jsonb[], $7::text[], $8::int[], $9::numeric[],
                   $10::text[], $11::jsonb[], $12::text[], $13::text[], $14::text[], $15::text[], $16::text[], $17::bigint[],
                   $18::jsonb[], $19::text[])
         AS v(lead_id, first_seen_at_ms, profile, profile_at_ms, touchpoints, score, model_id, model_version, total,
              band, lifecycle, stage, outcome, merged_into, erasure_id, erasure_requested_by, erased_at_ms, account, account_id)
       WHERE l.lead_id = v.lead_id`,
      [
        leads.map((l) => l.leadId),
        leads.map((l) => l.firstSeenAt),
        leads.map((l) => json(l.profile)),
        leads.map((l) => l.profileAt),
        leads.map((l) => JSON.stringify(l.touchpoints)),
        leads.map((l) => json(l.score)),
        leads.map((l) => l.score?.modelId ?? null),
        leads.map((l) => l.score?.modelVersion ?? null),
        leads.map((l) => l.score?.total ?? null),
        leads.map((l) => l.score?.band ?? null),
        leads.map((l) => JSON.stringify(l.lifecycle)),
        leads.map((l) => l.lifecycle.stage),
        leads.map((l) => l.outcome),
        leads.map((l) => l.mergedInto),
        leads.map((l) => l.erasure?.erasureId ?? null),
        leads.map((l) => l.erasure?.requestedBy ?? null),
        leads.map((l) => l.erasure?.at ?? null),
        leads.map((l) => json(l.account)),
        leads.map((l) => l.account?.accountId ?? null),
      ],
    );
  }

  async redirectMerged(from: readonly string[], to: string): Promise<void> {
    if (!from.length) return;
    await this.sql.query(
      `UPDATE scoring_leads SET merged_into = $2 WHERE merged_into = ANY($1::text[]) AND lead_id <> $2`,
      [from, to],
    );
  }

  async find(leadId: string): Promise<LeadRecord | undefined> {
    const [row] = await this.sql.query<LeadRow>(`SELECT ${COLUMNS} FROM scoring_leads WHERE lead_id = $1`, [
      leadId,
    ]);
    return row === undefined ? undefined : toRecord(row);
  }

  async lockChunk(afterLeadId: string | null, limit: number): Promise<LeadRecord[]> {
    const rows = await this.sql.query<LeadRow>(
      `SELECT ${COLUMNS} FROM scoring_leads
       WHERE ($1::text IS NULL OR lead_id > $1) AND merged_into IS NULL
       ORDER BY lead_id LIMIT $2 FOR UPDATE`,
      [afterLeadId, limit],
    );
    return rows.map(toRecord);
  }

  async comparable(): Promise<ComparableLead[]> {
    const rows = await this.sql.query<Pick<LeadRow, 'lead_id' | 'profile' | 'touchpoints' | 'outcome'>>(
      `SELECT lead_id, profile, touchpoints, outcome FROM scoring_leads
       WHERE merged_into IS NULL AND (profile IS NOT NULL OR touchpoints <> '{}'::jsonb)
       ORDER BY lead_id`,
    );
    return rows.map((r) => ({
      leadId: r.lead_id,
      signals: { profile: r.profile ?? EMPTY_PROFILE, touchpoints: toTouchpoints(r.touchpoints) },
      ...(r.outcome === null ? {} : { outcome: r.outcome }),
    }));
  }

  async history(to: number): Promise<BacktestLead[]> {
    const rows = await this.sql.query<
      Pick<LeadRow, 'lead_id' | 'profile' | 'profile_at_ms' | 'touchpoints' | 'outcome'>
    >(
      `SELECT lead_id, profile, profile_at_ms, touchpoints, outcome FROM scoring_leads
       WHERE merged_into IS NULL AND first_seen_at_ms <= $1 AND (profile IS NOT NULL OR touchpoints <> '{}'::jsonb)
       ORDER BY lead_id`,
      [to],
    );
    return rows.map((r) => ({
      leadId: r.lead_id,
      profile: r.profile,
      profileAt: toMs(r.profile_at_ms),
      touchpoints: toTouchpoints(r.touchpoints),
      outcome: r.outcome,
    }));
  }
}
