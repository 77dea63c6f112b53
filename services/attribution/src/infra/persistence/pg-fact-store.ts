import { prepared, type TxContext } from '@smarketing/messaging';
import type { Touch } from '../../domain';
import {
  FactStore,
  type CostFacts,
  type Erasure,
  type LeadFacts,
  type OpportunityFacts,
} from '../../app/ports/fact-store.port';

const num = (v: string | number | null): number | null => (v === null ? null : Number(v));

const LEADS = prepared(
  'attribution.leads.get',
  `SELECT lead_id, account_id, created_at_ms, profile_at_ms FROM attribution_leads
   WHERE lead_id = ANY($1::text[]) ORDER BY lead_id FOR UPDATE`,
);
const READ_LEADS = prepared(
  'attribution.leads.read',
  `SELECT lead_id, account_id, created_at_ms, profile_at_ms FROM attribution_leads WHERE lead_id = ANY($1::text[])`,
);
const SAVE_LEADS = prepared(
  'attribution.leads.save',
  `INSERT INTO attribution_leads (lead_id, account_id, created_at_ms, profile_at_ms)
   SELECT * FROM unnest($1::text[], $2::text[], $3::bigint[], $4::bigint[])
   ON CONFLICT (lead_id) DO UPDATE SET
     account_id = COALESCE(EXCLUDED.account_id, attribution_leads.account_id),
     created_at_ms = LEAST(attribution_leads.created_at_ms, EXCLUDED.created_at_ms),
     profile_at_ms = GREATEST(attribution_leads.profile_at_ms, EXCLUDED.profile_at_ms)`,
);
const ACCOUNT_LEADS = prepared(
  'attribution.leads.of-accounts',
  `SELECT account_id, lead_id FROM attribution_leads WHERE account_id = ANY($1::text[])`,
);
const ADD_TOUCHES = prepared(
  'attribution.touches.add',
  `INSERT INTO attribution_touches (touch_id, lead_id, at_ms, channel, campaign_id, kind)
   SELECT * FROM unnest($1::text[], $2::text[], $3::bigint[], $4::text[], $5::text[], $6::text[])
   ON CONFLICT (touch_id) DO NOTHING
   RETURNING touch_id`,
);
const TOUCHES_OF = prepared(
  'attribution.touches.of',
  `SELECT touch_id, lead_id, at_ms, channel, campaign_id, kind FROM attribution_touches
   WHERE lead_id = ANY($1::text[]) AND at_ms BETWEEN $2 AND $3`,
);
const OPP_COLUMNS = `opportunity_id, account_id, lead_ids, created_at_ms, won_at_ms, status, amount_minor, currency, state_at_ms`;
const OPPS = prepared(
  'attribution.opportunities.get',
  `SELECT ${OPP_COLUMNS} FROM attribution_opportunities
   WHERE opportunity_id = ANY($1::text[]) ORDER BY opportunity_id FOR UPDATE`,
);
const READ_OPPS = prepared(
  'attribution.opportunities.read',
  `SELECT ${OPP_COLUMNS} FROM attribution_opportunities WHERE opportunity_id = ANY($1::text[])`,
);
const SAVE_OPP = prepared(
  'attribution.opportunities.save',
  `INSERT INTO attribution_opportunities
     (opportunity_id, account_id, lead_ids, created_at_ms, won_at_ms, status, amount_minor, currency, state_at_ms)
   VALUES ($1, $2, $3::text[], $4, $5, $6, $7, $8, $9)
   ON CONFLICT (opportunity_id) DO UPDATE SET account_id = EXCLUDED.account_id, lead_ids = EXCLUDED.lead_ids,
     created_at_ms = EXCLUDED.created_at_ms, won_at_ms = EXCLUDED.won_at_ms, status = EXCLUDED.status,
     amount_minor = EXCLUDED.amount_minor, currency = EXCLUDED.currency, state_at_ms = EXCLUDED.state_at_ms`,
);
const SAVE_COST = prepared(
  'attribution.costs.save',
  `INSERT INTO attribution_costs
     (cost_id, campaign_id, campaign_name, channel, period_start, period_end, amount_minor, currency, recorded_at_ms)
   VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
   ON CONFLICT (cost_id) DO UPDATE SET campaign_id = EXCLUDED.campaign_id, campaign_name = EXCLUDED.campaign_name,
     channel = EXCLUDED.channel, period_start = EXCLUDED.period_start, period_end = EXCLUDED.period_end,
     amount_minor = EXCLUDED.amount_minor, currency = EXCLUDED.currency, recorded_at_ms = EXCLUDED.recorded_at_ms
   WHERE attribution_costs.recorded_at_ms <= EXCLUDED.recorded_at_ms`,
);
const COSTS = prepared(
  'attribution.costs.in-period',
  `SELECT cost_id, campaign_id, campaign_name, channel, period_start, period_end, amount_minor, currency, recorded_at_ms
   FROM attribution_costs WHERE period_start <= $2 AND period_end >= $1`,
);
const ERASURES = prepared(
  'attribution.erasures.get',
  `SELECT lead_id, erasure_id, erased_at_ms FROM attribution_erasures WHERE lead_id = ANY($1::text[])`,
);

type LeadRow = {
  lead_id: string;
  account_id: string | null;
  created_at_ms: string | null;
  profile_at_ms: string | null;
};
type TouchRow = {
  touch_id: string;
  lead_id: string;
  at_ms: string;
  channel: string;
  campaign_id: string | null;
  kind: Touch['kind'];
};
type OppRow = {
  opportunity_id: string;
  account_id: string | null;
  lead_ids: string[];
  created_at_ms: string;
  won_at_ms: string | null;
  status: OpportunityFacts['status'];
  amount_minor: string | null;
  currency: string | null;
  state_at_ms: string;
};
type CostRow = {
  cost_id: string;
  campaign_id: string;
  campaign_name: string | null;
  channel: string;
  period_start: number;
  period_end: number;
  amount_minor: string;
  currency: string;
  recorded_at_ms: string;
};

const toTouch = (r: TouchRow): Touch => ({
  id: r.touch_id,
  leadId: r.lead_id,
  at: Number(r.at_ms),
  channel: r.channel,
  campaignId: r.campaign_id,
  kind: r.kind,
});

/**
 * The facts through the transaction of libs/messaging. Rows a batch changes are locked in key
 * order (`FOR UPDATE ... ORDER BY`) so that two batches never deadlock.
 */
export class PgFactStore extends FactStore {
  constructor(private readonly sql: Pick<TxContext, 'query'>) {
    super();
  }

  leads(leadIds: readonly string[]): Promise<Map<string, LeadFacts>> {
    return this.leadsBy(LEADS, leadIds);
  }

  readLeads(leadIds: readonly string[]): Promise<Map<string, LeadFacts>> {
    return this.leadsBy(READ_LEADS, leadIds);
  }

  private async leadsBy(sql: typeof LEADS, leadIds: readonly string[]): Promise<Map<string, LeadFacts>> {
    if (!leadIds.length) return new Map();
    const rows = await this.sql.query<LeadRow>(sql, [leadIds]);
    return new Map(
      rows.map((r) => [
        r.lead_id,
        {
          leadId: r.lead_id,
          accountId: r.account_id,
          createdAt: num(r.created_at_ms),
          profileAt: num(r.profile_at_ms),
        },
      ]),
    );
  }

  async saveLeads(leads: readonly LeadFacts[]): Promise<void> {
    if (!leads.length) return;
    await this.sql.query(SAVE_LEADS, [
      leads.map((l) => l.leadId),
      leads.map((l) => l.accountId),
      leads.map((l) => l.createdAt),
      leads.map((l) => l.profileAt),
    ]);
  }

  async leadIdsOfAccounts(accountIds: readonly string[]): Promise<Map<string, string[]>> {
    const out = new Map<string, string[]>();
    if (!accountIds.length) return out;
    for (const r of await this.sql.query<{ account_id: string; lead_id: string }>(ACCOUNT_LEADS, [
      accountIds,
    ]))
      out.set(r.account_id, [...(out.get(r.account_id) ?? []), r.lead_id]);
    return out;
  }

  async addTouches(touches: readonly Touch[]): Promise<Touch[]> {
    if (!touches.length) return [];
    const rows = await this.sql.query<{ touch_id: string }>(ADD_TOUCHES, [
      touches.map((t) => t.id),
      touches.map((t) => t.leadId),
      touches.map((t) => t.at),
      touches.map((t) => t.channel),
      touches.map((t) => t.campaignId),
      touches.map((t) => t.kind),
    ]);
    const inserted = new Set(rows.map((r) => r.touch_id));
    return touches.filter((t) => inserted.has(t.id));
  }

  async touchesOf(leadIds: readonly string[], from: number, to: number): Promise<Touch[]> {
    if (!leadIds.length) return [];
    return (await this.sql.query<TouchRow>(TOUCHES_OF, [leadIds, from, to])).map(toTouch);
  }

  opportunities(ids: readonly string[]): Promise<Map<string, OpportunityFacts>> {
    return this.opportunitiesBy(OPPS, ids);
  }

  readOpportunities(ids: readonly string[]): Promise<Map<string, OpportunityFacts>> {
    return this.opportunitiesBy(READ_OPPS, ids);
  }

  private async opportunitiesBy(
    sql: typeof OPPS,
    ids: readonly string[],
  ): Promise<Map<string, OpportunityFacts>> {
    if (!ids.length) return new Map();
    const rows = await this.sql.query<OppRow>(sql, [ids]);
    return new Map(
      rows.map((r) => [
        r.opportunity_id,
        {
          opportunityId: r.opportunity_id,
          accountId: r.account_id,
          leadIds: r.lead_ids,
          createdAt: Number(r.created_at_ms),
          wonAt: num(r.won_at_ms),
          status: r.status,
          amountMinor: r.amount_minor === null ? null : BigInt(r.amount_minor),
          currency: r.currency,
          stateAt: Number(r.state_at_ms),
        },
      ]),
    );
  }

  async saveOpportunity(o: OpportunityFacts): Promise<void> {
    await this.sql.query(SAVE_OPP, [
      o.opportunityId,
      o.accountId,
      o.leadIds,
      o.createdAt,
      o.wonAt,
      o.status,
      o.amountMinor?.toString() ?? null,
      o.currency,
      o.stateAt,
    ]);
  }

  async saveCost(c: CostFacts): Promise<void> {
    await this.sql.query(SAVE_COST, [
      c.costId,
      c.campaignId,
      c.campaignName,
      c.channel,
      c.periodStart,
      c.periodEnd,
      c.amountMinor.toString(),
      c.currency,
      c.recordedAt,
    ]);
  }

  async costs(fromDay: number, toDay: number): Promise<CostFacts[]> {
    return (await this.sql.query<CostRow>(COSTS, [fromDay, toDay])).map((r) => ({
      costId: r.cost_id,
      campaignId: r.campaign_id,
      campaignName: r.campaign_name,
      channel: r.channel,
      periodStart: r.period_start,
      periodEnd: r.period_end,
      amountMinor: BigInt(r.amount_minor),
      currency: r.currency,
      recordedAt: Number(r.recorded_at_ms),
    }));
  }

  async mergeLeads(survivor: string, merged: readonly string[]): Promise<void> {
    const ids = [survivor, ...merged];
    const leads = await this.leads(ids);
    const all = ids.flatMap((id) => {
      const l = leads.get(id);
      return l ? [l] : [];
    });
    const created = all.map((l) => l.createdAt).filter((x): x is number => x !== null);
    const withAccount = all.find((l) => l.leadId === survivor && l.accountId) ?? all.find((l) => l.accountId);
    await this.sql.query(`UPDATE attribution_touches SET lead_id = $1 WHERE lead_id = ANY($2::text[])`, [
      survivor,
      merged,
    ]);
    await this.sql.query(
      `UPDATE attribution_opportunities
       SET lead_ids = ARRAY(SELECT DISTINCT CASE WHEN x = ANY($2::text[]) THEN $1::text ELSE x END AS l
                            FROM unnest(lead_ids) AS x ORDER BY l)
       WHERE lead_ids && $2::text[]`,
      [survivor, merged],
    );
    await this.sql.query(`DELETE FROM attribution_leads WHERE lead_id = ANY($1::text[])`, [merged]);
    await this.saveLeads([
      {
        leadId: survivor,
        accountId: withAccount?.accountId ?? null,
        createdAt: created.length ? Math.min(...created) : null,
        profileAt: leads.get(survivor)?.profileAt ?? null,
      },
    ]);
  }

  async erasures(leadIds: readonly string[]): Promise<Map<string, Erasure>> {
    if (!leadIds.length) return new Map();
    const rows = await this.sql.query<{ lead_id: string; erasure_id: string; erased_at_ms: string }>(
      ERASURES,
      [leadIds],
    );
    return new Map(
      rows.map((r) => [
        r.lead_id,
        { leadId: r.lead_id, erasureId: r.erasure_id, at: Number(r.erased_at_ms) },
      ]),
    );
  }

  async erase(e: Erasure): Promise<void> {
    await this.sql.query(`DELETE FROM attribution_touches WHERE lead_id = $1`, [e.leadId]);
    await this.sql.query(`DELETE FROM attribution_leads WHERE lead_id = $1`, [e.leadId]);
    await this.sql.query(
      `UPDATE attribution_opportunities SET lead_ids = array_remove(lead_ids, $1) WHERE lead_ids @> ARRAY[$1]::text[]`,
      [e.leadId],
    );
    await this.sql.query(
      `INSERT INTO attribution_erasures (lead_id, erasure_id, erased_at_ms) VALUES ($1, $2, $3)
       ON CONFLICT (lead_id) DO UPDATE SET erasure_id = EXCLUDED.erasure_id, erased_at_ms = GREATEST(attribution_erasures.erased_at_ms, EXCLUDED.erased_at_ms)`,
      [e.leadId, e.erasureId, e.at],
    );
  }

  async leadPaths(
    from: number,
    to: number,
    kind: 'mql' | 'sql' | 'opportunity' | 'won',
  ): Promise<{ channels: string[]; converted: boolean }[]> {
    const conv =
      kind === 'mql' || kind === 'sql'
        ? `SELECT lead_id, min(at_ms) AS at FROM attribution_conversions
           WHERE kind = $3 AND at_ms BETWEEN $1 AND $2 AND lead_id IS NOT NULL GROUP BY lead_id`
        : `SELECT l AS lead_id, min(${kind === 'won' ? 'won_at_ms' : 'created_at_ms'}) AS at
           FROM attribution_opportunities, unnest(lead_ids) AS l
           WHERE ${kind === 'won' ? 'won_at_ms' : 'created_at_ms'} BETWEEN $1 AND $2 AND $3::text IS NOT NULL GROUP BY l`;
    const rows = await this.sql.query<{ channels: string[]; converted: boolean }>(
      `WITH conv AS (${conv})
       SELECT array_agg(t.channel ORDER BY t.at_ms, t.touch_id) AS channels, bool_or(c.at IS NOT NULL) AS converted
       FROM attribution_touches t LEFT JOIN conv c ON c.lead_id = t.lead_id
       WHERE t.kind = 'touchpoint' AND t.at_ms BETWEEN $1 AND $2 AND (c.at IS NULL OR t.at_ms <= c.at)
       GROUP BY t.lead_id`,
      [from, to, kind],
    );
    return rows;
  }

  async campaignLeadConversion(
    from: number,
    to: number,
  ): Promise<{ campaignId: string; leads: number; withOpportunity: number }[]> {
    const rows = await this.sql.query<{ campaign_id: string; leads: string; with_opportunity: string }>(
      `WITH firsts AS (
         SELECT campaign_id, lead_id, min(at_ms) AS at FROM attribution_touches
         WHERE campaign_id IS NOT NULL AND kind = 'touchpoint' AND at_ms BETWEEN $1 AND $2
         GROUP BY campaign_id, lead_id)
       SELECT f.campaign_id, count(*) AS leads,
              count(*) FILTER (WHERE EXISTS (
                SELECT 1 FROM attribution_opportunities o
                WHERE o.lead_ids @> ARRAY[f.lead_id] AND o.created_at_ms >= f.at)) AS with_opportunity
       FROM firsts f GROUP BY f.campaign_id ORDER BY f.campaign_id`,
      [from, to],
    );
    return rows.map((r) => ({
      campaignId: r.campaign_id,
      leads: Number(r.leads),
      withOpportunity: Number(r.with_opportunity),
    }));
  }
}
