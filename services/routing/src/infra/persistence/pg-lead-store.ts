import { prepared, type TxContext } from '@smarketing/messaging';
import {
  LeadStore,
  type LeadRecord,
  type LeadStatus,
  type SalesReadyLead,
} from '../../app/ports/lead-store.port';
import type { LeadProfile } from '../../domain';
import { iso, isoOrNull, msOrNull } from './sql-values';

type LeadRow = {
  lead_id: string;
  country: string | null;
  region: string | null;
  industry: string | null;
  employees: number | null;
  account_id: string | null;
  account_domain: string | null;
  source: string | null;
  facts_at: Date | null;
  cycle: number;
  status: LeadStatus;
  owner_rep_id: string | null;
  queue_id: string | null;
  pool_id: string | null;
  rule_id: string | null;
  held_before: string[];
  reassignments: number;
};

const COLUMNS = `lead_id, country, region, industry, employees, account_id, account_domain, source, facts_at,
  cycle, status, owner_rep_id, queue_id, pool_id, rule_id, held_before, reassignments`;

// A lead seen for the first time gets its row before the lock: two transactions on one new lead
// then queue on the row (the second waits for the first's commit) instead of both finding nothing.
const ENSURE = prepared(
  'routing.leads.ensure',
  `INSERT INTO routing_leads (lead_id, cycle, status, held_before, reassignments)
   SELECT unnest($1::text[]), 0, 'new', '{}', 0 ON CONFLICT (lead_id) DO NOTHING`,
);
const LOCK = prepared(
  'routing.leads.lock',
  `SELECT ${COLUMNS} FROM routing_leads WHERE lead_id = ANY($1::text[]) ORDER BY lead_id FOR UPDATE`,
);
const FIND = prepared('routing.leads.find', `SELECT ${COLUMNS} FROM routing_leads WHERE lead_id = $1`);
// held_before travels as one JSON array per lead: unnest cannot carry an array of arrays.
const SAVE = prepared(
  'routing.leads.save',
  `INSERT INTO routing_leads (${COLUMNS})
   SELECT l, c, r, i, e, ai, ad, s, fa, cy, st, o, q, p, ru,
          ARRAY(SELECT jsonb_array_elements_text(hb)), re
   FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::int[], $6::text[], $7::text[], $8::text[],
               $9::timestamptz[], $10::int[], $11::text[], $12::text[], $13::text[], $14::text[], $15::text[],
               $16::jsonb[], $17::int[]) AS t(l, c, r, i, e, ai, ad, s, fa, cy, st, o, q, p, ru, hb, re)
   ON CONFLICT (lead_id) DO UPDATE SET
     country = EXCLUDED.country, region = EXCLUDED.region, industry = EXCLUDED.industry,
     employees = EXCLUDED.employees, account_id = EXCLUDED.account_id, account_domain = EXCLUDED.account_domain,
     source = EXCLUDED.source, facts_at = EXCLUDED.facts_at, cycle = EXCLUDED.cycle, status = EXCLUDED.status,
     owner_rep_id = EXCLUDED.owner_rep_id, queue_id = EXCLUDED.queue_id, pool_id = EXCLUDED.pool_id,
     rule_id = EXCLUDED.rule_id, held_before = EXCLUDED.held_before, reassignments = EXCLUDED.reassignments`,
);
const SALES_READY = prepared(
  'routing.leads.sales-ready',
  `INSERT INTO routing_sales_ready (lead_id, cycle, entered_at)
   SELECT * FROM unnest($1::text[], $2::int[], $3::timestamptz[]) ON CONFLICT DO NOTHING`,
);

const factsOf = (r: LeadRow): LeadProfile => ({
  country: r.country,
  region: r.region,
  industry: r.industry,
  employees: r.employees,
  accountId: r.account_id,
  accountDomain: r.account_domain,
  source: r.source,
});

const toLead = (r: LeadRow): LeadRecord => ({
  leadId: r.lead_id,
  facts: factsOf(r),
  factsAt: msOrNull(r.facts_at),
  cycle: r.cycle,
  status: r.status,
  ownerRepId: r.owner_rep_id,
  queueId: r.queue_id,
  poolId: r.pool_id,
  ruleId: r.rule_id,
  heldBefore: r.held_before,
  reassignments: r.reassignments,
});

/** routing_leads and routing_sales_ready. Leads are locked in id order so that no two transactions deadlock. */
export class PgLeadStore extends LeadStore {
  constructor(private readonly sql: Pick<TxContext, 'query'>) {
    super();
  }

  async lockMany(leadIds: readonly string[]): Promise<Map<string, LeadRecord>> {
    if (!leadIds.length) return new Map();
    await this.sql.query(ENSURE, [leadIds]);
    const rows = await this.sql.query<LeadRow>(LOCK, [leadIds]);
    return new Map(rows.map((r) => [r.lead_id, toLead(r)]));
  }

  async saveMany(leads: readonly LeadRecord[]): Promise<void> {
    if (!leads.length) return;
    const col = <T>(f: (l: LeadRecord) => T) => leads.map(f);
    await this.sql.query(SAVE, [
      col((l) => l.leadId),
      col((l) => l.facts.country),
      col((l) => l.facts.region),
      col((l) => l.facts.industry),
      col((l) => l.facts.employees),
      col((l) => l.facts.accountId),
      col((l) => l.facts.accountDomain),
      col((l) => l.facts.source),
      col((l) => isoOrNull(l.factsAt)),
      col((l) => l.cycle),
      col((l) => l.status),
      col((l) => l.ownerRepId),
      col((l) => l.queueId),
      col((l) => l.poolId),
      col((l) => l.ruleId),
      col((l) => JSON.stringify(l.heldBefore)),
      col((l) => l.reassignments),
    ]);
  }

  async find(leadId: string): Promise<LeadRecord | undefined> {
    const [row] = await this.sql.query<LeadRow>(FIND, [leadId]);
    return row && toLead(row);
  }

  async recordSalesReady(
    entries: readonly { leadId: string; cycle: number; enteredAt: number }[],
  ): Promise<void> {
    if (!entries.length) return;
    await this.sql.query(SALES_READY, [
      entries.map((e) => e.leadId),
      entries.map((e) => e.cycle),
      entries.map((e) => iso(e.enteredAt)),
    ]);
  }

  async salesReadyBetween(from: number, to: number, limit: number): Promise<SalesReadyLead[]> {
    const rows = await this.sql.query<LeadRow & { entered_at: Date; ready_cycle: number }>(
      `SELECT s.entered_at, s.cycle AS ready_cycle, ${COLUMNS.split(',')
        .map((c) => `l.${c.trim()}`)
        .join(', ')}
       FROM routing_sales_ready s JOIN routing_leads l USING (lead_id)
       WHERE s.entered_at >= $1 AND s.entered_at < $2
       ORDER BY s.entered_at, s.lead_id LIMIT $3`,
      [iso(from), iso(to), limit],
    );
    return rows.map((r) => ({
      leadId: r.lead_id,
      cycle: r.ready_cycle,
      enteredAt: r.entered_at.getTime(),
      facts: factsOf(r),
    }));
  }

  async eraseFacts(leadIds: readonly string[]): Promise<void> {
    if (!leadIds.length) return;
    await this.sql.query(
      `INSERT INTO routing_leads (lead_id, cycle, status, held_before, reassignments)
       SELECT unnest($1::text[]), 0, 'erased', '{}', 0
       ON CONFLICT (lead_id) DO UPDATE SET
         country = NULL, region = NULL, industry = NULL, employees = NULL, account_id = NULL,
         account_domain = NULL, source = NULL, facts_at = NULL, status = 'erased', owner_rep_id = NULL, queue_id = NULL`,
      [leadIds],
    );
  }
}
