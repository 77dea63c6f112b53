import { prepared, type TxContext } from '@smarketing/messaging';
import { HeldStore, type HeldLead } from '../../app/ports/held-store.port';
import { iso, isoOrNull, msOrNull } from './sql-values';

type Row = { lead_id: string; cycle: number; pool_id: string; due_at: Date | null; held_at: Date };

const UPSERT = prepared(
  'routing.held.upsert',
  `INSERT INTO routing_held (lead_id, cycle, pool_id, due_at, held_at)
   SELECT * FROM unnest($1::text[], $2::int[], $3::text[], $4::timestamptz[], $5::timestamptz[])
   ON CONFLICT (lead_id) DO UPDATE SET cycle = EXCLUDED.cycle, pool_id = EXCLUDED.pool_id,
     due_at = EXCLUDED.due_at, held_at = EXCLUDED.held_at`,
);
const DELETE = prepared('routing.held.delete', `DELETE FROM routing_held WHERE lead_id = ANY($1::text[])`);
// Lead rows first, then timers: the order the consumers lock them in, so a timer and an event of
// the same lead never deadlock; SKIP LOCKED lets replicas share the due timers.
const CLAIM = prepared(
  'routing.held.claim',
  `WITH due AS (
     SELECT l.lead_id FROM routing_leads l
     WHERE l.lead_id IN (SELECT lead_id FROM routing_held WHERE due_at <= $1 ORDER BY due_at LIMIT $2)
     ORDER BY l.lead_id FOR UPDATE OF l SKIP LOCKED
   )
   SELECT h.lead_id, h.cycle, h.pool_id, h.due_at, h.held_at FROM routing_held h
   WHERE h.lead_id IN (SELECT lead_id FROM due) AND h.due_at <= $1
   ORDER BY h.due_at, h.lead_id FOR UPDATE OF h SKIP LOCKED`,
);

const toHeld = (r: Row): HeldLead => ({
  leadId: r.lead_id,
  cycle: r.cycle,
  poolId: r.pool_id,
  dueAt: msOrNull(r.due_at),
  heldAt: r.held_at.getTime(),
});

/** routing_held: one durable timer per held lead, found through the partial due_at index. */
export class PgHeldStore extends HeldStore {
  constructor(private readonly sql: Pick<TxContext, 'query'>) {
    super();
  }

  async upsertMany(rows: readonly HeldLead[]): Promise<void> {
    if (!rows.length) return;
    await this.sql.query(UPSERT, [
      rows.map((r) => r.leadId),
      rows.map((r) => r.cycle),
      rows.map((r) => r.poolId),
      rows.map((r) => isoOrNull(r.dueAt)),
      rows.map((r) => iso(r.heldAt)),
    ]);
  }

  async deleteMany(leadIds: readonly string[]): Promise<void> {
    if (!leadIds.length) return;
    await this.sql.query(DELETE, [leadIds]);
  }

  async claimDue(now: number, limit: number): Promise<HeldLead[]> {
    return (await this.sql.query<Row>(CLAIM, [iso(now), limit])).map(toHeld);
  }

  async rearmAll(now: number): Promise<number> {
    const rows = await this.sql.query<{ lead_id: string }>(
      `UPDATE routing_held SET due_at = $1 WHERE due_at IS NULL OR due_at > $1 RETURNING lead_id`,
      [iso(now)],
    );
    return rows.length;
  }

  async inPool(poolId: string, limit: number): Promise<HeldLead[]> {
    return (
      await this.sql.query<Row>(
        `SELECT lead_id, cycle, pool_id, due_at, held_at FROM routing_held WHERE pool_id = $1 ORDER BY held_at, lead_id LIMIT $2`,
        [poolId, limit],
      )
    ).map(toHeld);
  }
}
