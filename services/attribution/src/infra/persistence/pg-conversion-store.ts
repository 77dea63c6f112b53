import { prepared, type TxContext } from '@smarketing/messaging';
import type { Conversion } from '../../domain';
import { ConversionStore } from '../../app/ports/conversion-store.port';

const DAY_MS = 86_400_000;

type Row = {
  conversion_id: string;
  kind: Conversion['kind'];
  at_ms: string;
  lead_id: string | null;
  opportunity_id: string | null;
  account_id: string | null;
  revenue_minor: string | null;
  currency: string | null;
};

const GET = prepared(
  'attribution.conversions.get',
  `SELECT conversion_id, kind, at_ms, lead_id, opportunity_id, account_id, revenue_minor, currency
   FROM attribution_conversions WHERE conversion_id = ANY($1::text[]) ORDER BY conversion_id FOR UPDATE`,
);
const SAVE = prepared(
  'attribution.conversions.save',
  `INSERT INTO attribution_conversions (conversion_id, kind, at_ms, lead_id, opportunity_id, account_id, revenue_minor, currency)
   SELECT * FROM unnest($1::text[], $2::text[], $3::bigint[], $4::text[], $5::text[], $6::text[], $7::bigint[], $8::text[])
   ON CONFLICT (conversion_id) DO UPDATE SET at_ms = EXCLUDED.at_ms, lead_id = EXCLUDED.lead_id,
     opportunity_id = EXCLUDED.opportunity_id, account_id = EXCLUDED.account_id,
     revenue_minor = EXCLUDED.revenue_minor, currency = EXCLUDED.currency`,
);
// Three indexed branches rather than one OR: the planner uses each index.
const AFFECTED = prepared(
  'attribution.conversions.affected',
  `SELECT conversion_id FROM attribution_conversions
     WHERE lead_id = ANY($1::text[]) AND at_ms BETWEEN $3 AND $4
   UNION
   SELECT conversion_id FROM attribution_conversions
     WHERE account_id = ANY($2::text[]) AND kind IN ('opportunity', 'won') AND at_ms BETWEEN $3 AND $4
   UNION
   SELECT c.conversion_id FROM attribution_opportunities o
     JOIN attribution_conversions c ON c.opportunity_id = o.opportunity_id
     WHERE o.lead_ids && $1::text[] AND c.at_ms BETWEEN $3 AND $4`,
);
const OF_LEADS = prepared(
  'attribution.conversions.of-leads',
  `SELECT conversion_id FROM attribution_conversions WHERE lead_id = ANY($1::text[])
   UNION
   SELECT conversion_id FROM attribution_conversions WHERE account_id = ANY($2::text[]) AND kind IN ('opportunity', 'won')
   UNION
   SELECT c.conversion_id FROM attribution_opportunities o
     JOIN attribution_conversions c ON c.opportunity_id = o.opportunity_id WHERE o.lead_ids && $1::text[]`,
);

export class PgConversionStore extends ConversionStore {
  constructor(private readonly sql: Pick<TxContext, 'query'>) {
    super();
  }

  async get(ids: readonly string[]): Promise<Map<string, Conversion>> {
    if (!ids.length) return new Map();
    const rows = await this.sql.query<Row>(GET, [ids]);
    return new Map(
      rows.map((r) => [
        r.conversion_id,
        {
          id: r.conversion_id,
          kind: r.kind,
          at: Number(r.at_ms),
          leadId: r.lead_id,
          opportunityId: r.opportunity_id,
          accountId: r.account_id,
          revenue:
            r.revenue_minor !== null && r.currency !== null
              ? { amountMinor: BigInt(r.revenue_minor), currency: r.currency }
              : null,
        },
      ]),
    );
  }

  async save(cs: readonly Conversion[]): Promise<void> {
    if (!cs.length) return;
    await this.sql.query(SAVE, [
      cs.map((c) => c.id),
      cs.map((c) => c.kind),
      cs.map((c) => c.at),
      cs.map((c) => c.leadId),
      cs.map((c) => c.opportunityId),
      cs.map((c) => c.accountId),
      cs.map((c) => c.revenue?.amountMinor.toString() ?? null),
      cs.map((c) => c.revenue?.currency ?? null),
    ]);
  }

  async affected(
    leadIds: readonly string[],
    accountIds: readonly string[],
    from: number,
    to: number,
    lookbackDays: number,
  ): Promise<string[]> {
    const rows = await this.sql.query<{ conversion_id: string }>(AFFECTED, [
      leadIds,
      accountIds,
      from,
      to + lookbackDays * DAY_MS,
    ]);
    return rows.map((r) => r.conversion_id);
  }

  async ofLeads(leadIds: readonly string[], accountIds: readonly string[]): Promise<string[]> {
    if (!leadIds.length && !accountIds.length) return [];
    return (await this.sql.query<{ conversion_id: string }>(OF_LEADS, [leadIds, accountIds])).map(
      (r) => r.conversion_id,
    );
  }

  async idsInPeriod(
    kind: Conversion['kind'],
    from: number,
    to: number,
    after: string,
    limit: number,
  ): Promise<string[]> {
    const rows = await this.sql.query<{ conversion_id: string }>(
      `SELECT conversion_id FROM attribution_conversions
       WHERE kind = $1 AND at_ms >= $2 AND at_ms < $3 AND conversion_id > $4 ORDER BY conversion_id LIMIT $5`,
      [kind, from, to, after, limit],
    );
    return rows.map((r) => r.conversion_id);
  }

  async reassignLead(survivor: string, merged: readonly string[]): Promise<void> {
    await this.sql.query(`UPDATE attribution_conversions SET lead_id = $1 WHERE lead_id = ANY($2::text[])`, [
      survivor,
      merged,
    ]);
  }

  async forgetLead(leadId: string): Promise<void> {
    await this.sql.query(`UPDATE attribution_conversions SET lead_id = NULL WHERE lead_id = $1`, [leadId]);
  }
}
