import { prepared, type TxContext } from '@smarketing/messaging';
import { LeadStore, type SeenLead } from '../../app/ports/lead-store.port';

type LeadRow = { lead_id: string; first_seen_at: Date };

// Run on every batch or request: prepared once per connection. Columns listed, never `*`.
const LOCK = prepared(
  '__name__.leads.lock',
  `SELECT lead_id, first_seen_at FROM __name_snake___leads
   WHERE lead_id = ANY($1::text[]) ORDER BY lead_id FOR UPDATE`,
);
const SAVE = prepared(
  '__name__.leads.save',
  `INSERT INTO __name_snake___leads (lead_id, first_seen_at)
   SELECT * FROM unnest($1::text[], $2::timestamptz[])
   ON CONFLICT (lead_id) DO UPDATE SET first_seen_at = EXCLUDED.first_seen_at`,
);
const FIND = prepared(
  '__name__.leads.find',
  `SELECT lead_id, first_seen_at FROM __name_snake___leads WHERE lead_id = $1`,
);

const toLead = (r: LeadRow): SeenLead => ({ leadId: r.lead_id, firstSeenAt: r.first_seen_at.getTime() });

/**
 * __name_snake___leads through the transaction of libs/messaging (a consumer batch or a
 * TransactionRunner unit). The events of one lead share a partition, so one batch at a time
 * writes a lead; rows are locked in lead id order so that no two transactions deadlock.
 */
export class PgLeadStore extends LeadStore {
  constructor(private readonly sql: Pick<TxContext, 'query'>) {
    super();
  }

  async lockMany(leadIds: readonly string[]): Promise<Map<string, SeenLead>> {
    if (!leadIds.length) return new Map();
    const rows = await this.sql.query<LeadRow>(LOCK, [leadIds]);
    return new Map(rows.map((r) => [r.lead_id, toLead(r)]));
  }

  async saveMany(leads: readonly SeenLead[]): Promise<void> {
    if (!leads.length) return;
    await this.sql.query(SAVE, [
      leads.map((l) => l.leadId),
      leads.map((l) => new Date(l.firstSeenAt).toISOString()),
    ]);
  }

  async find(leadId: string): Promise<SeenLead | undefined> {
    const [row] = await this.sql.query<LeadRow>(FIND, [leadId]);
    return row && toLead(row);
  }
}
