import type { EventOf, TopicDef } from '@smarketing/contracts';
import { prepared, type TxContext } from '@smarketing/messaging';
import { IngestionTx } from '../../app/ports/transactions.port';
import type { AccountRecord, IdentityKind, IdentityLink, LeadPatch, LeadRecord } from '../../domain';
import { leadColumns, leadOfRow, type LeadRow } from './lead-row.mapper';
import { UPSERT_LEADS } from './lead-upsert.sql';

// Run for every request or intake batch: prepared once per connection (see PreparedSql).
const CLAIM = prepared(
  'ingestion.idempotency.claim',
  `INSERT INTO ingestion_idempotency (event_id) SELECT unnest($1::uuid[]) ON CONFLICT DO NOTHING RETURNING event_id`,
);
const RESOLVE_IDENTITIES = prepared(
  'ingestion.identities.resolve',
  `SELECT i.kind, i.external_id, i.lead_id FROM ingestion_identities i
   JOIN unnest($1::text[], $2::text[]) AS w(kind, external_id) USING (kind, external_id)`,
);
const LOAD_LEADS = prepared(
  'ingestion.leads.load',
  `SELECT ${leadColumns('l')} FROM ingestion_leads l WHERE l.lead_id = ANY($1::uuid[]) ORDER BY l.lead_id FOR UPDATE`,
);
const LINK_IDENTITIES = prepared(
  'ingestion.identities.link',
  `INSERT INTO ingestion_identities (kind, external_id, lead_id)
   SELECT * FROM unnest($1::text[], $2::text[], $3::uuid[])
   ON CONFLICT (kind, external_id) DO UPDATE SET lead_id = EXCLUDED.lead_id, linked_at = now()`,
);
// One statement: mark the placeholders, then point their identities and the placeholders merged
// into them earlier at the survivor (the three touch disjoint rows).
const MARK_MERGED = prepared(
  'ingestion.leads.mark-merged',
  `WITH pair AS (SELECT * FROM unnest($1::uuid[], $2::uuid[]) AS p(survivor, merged)),
   merged AS (
     UPDATE ingestion_leads l SET merged_into = pair.survivor, updated_at = now()
     FROM pair
     WHERE l.lead_id = pair.merged AND l.merged_into IS NULL AND l.email IS NULL AND l.lead_id <> pair.survivor
     RETURNING l.lead_id, pair.survivor),
   identities AS (
     UPDATE ingestion_identities i SET lead_id = merged.survivor FROM merged WHERE i.lead_id = merged.lead_id),
   chained AS (
     UPDATE ingestion_leads l SET merged_into = merged.survivor FROM merged WHERE l.merged_into = merged.lead_id)
   SELECT lead_id, survivor FROM merged`,
);

/** IngestionTx over a transaction of libs/messaging (HTTP: TransactionRunner; Kafka: the batch consumer). */
class PgIngestionTx extends IngestionTx {
  constructor(private readonly tx: TxContext) {
    super();
  }

  async claim(eventIds: readonly string[]): Promise<ReadonlySet<string>> {
    if (eventIds.length === 0) return new Set();
    const rows = await this.tx.query<{ event_id: string }>(CLAIM, [eventIds]);
    return new Set(rows.map((r) => r.event_id));
  }

  async resolveIdentities(
    ids: readonly { kind: IdentityKind; externalId: string }[],
  ): Promise<readonly IdentityLink[]> {
    if (ids.length === 0) return [];
    const rows = await this.tx.query<{ kind: IdentityKind; external_id: string; lead_id: string }>(
      RESOLVE_IDENTITIES,
      [ids.map((i) => i.kind), ids.map((i) => i.externalId)],
    );
    return rows.map((r) => ({ kind: r.kind, externalId: r.external_id, leadId: r.lead_id }));
  }

  async loadLeads(leadIds: readonly string[]): Promise<ReadonlyMap<string, LeadRecord>> {
    if (leadIds.length === 0) return new Map();
    const rows = await this.tx.query<LeadRow>(LOAD_LEADS, [[...leadIds].sort()]);
    return new Map(rows.map((r) => [r.lead_id, leadOfRow(r)]));
  }

  async upsertLeads(patches: readonly LeadPatch[]): Promise<readonly LeadRecord[]> {
    if (patches.length === 0) return [];
    const col = <K extends keyof LeadPatch>(k: K) => patches.map((p) => p[k]);
    const rows = await this.tx.query<LeadRow>(UPSERT_LEADS, [
      col('leadId'),
      col('email'),
      patches.map((p) => JSON.stringify(p.anonymousIds)),
      col('firstName'),
      col('lastName'),
      col('title'),
      col('seniority'),
      col('company'),
      col('accountId'),
      col('accountDomain'),
      col('accountMatchedBy'),
      col('accountMatchReason'),
      col('employeeCount'),
      col('industry'),
      col('country'),
      col('region'),
      col('isFreeMail'),
      col('isStudent'),
      col('extraTraits'),
      col('source'),
      col('occurredAt'),
    ]);
    return rows.map(leadOfRow);
  }

  async linkIdentities(links: readonly IdentityLink[]): Promise<void> {
    const sorted = [...links].sort((a, b) => (a.kind + a.externalId < b.kind + b.externalId ? -1 : 1));
    await this.tx.query(LINK_IDENTITIES, [
      sorted.map((l) => l.kind),
      sorted.map((l) => l.externalId),
      sorted.map((l) => l.leadId),
    ]);
  }

  async markMerged(
    merges: readonly { survivorId: string; mergedIds: readonly string[] }[],
  ): Promise<ReadonlyMap<string, readonly string[]>> {
    const pairs = merges.flatMap((m) => m.mergedIds.map((id) => [m.survivorId, id] as const));
    if (pairs.length === 0) return new Map();
    pairs.sort((a, b) => (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0)); // lock order
    const rows = await this.tx.query<{ lead_id: string; survivor: string }>(MARK_MERGED, [
      pairs.map((p) => p[0]),
      pairs.map((p) => p[1]),
    ]);
    const bySurvivor = new Map<string, string[]>();
    for (const r of rows) {
      const ids = bySurvivor.get(r.survivor) ?? [];
      ids.push(r.lead_id);
      bySurvivor.set(r.survivor, ids);
    }
    for (const ids of bySurvivor.values()) ids.sort();
    return bySurvivor;
  }

  async upsertAccounts(accounts: readonly AccountRecord[]): Promise<void> {
    const sorted = [...accounts].sort((a, b) => (a.accountId < b.accountId ? -1 : 1));
    const params = [
      sorted.map((a) => a.accountId),
      sorted.map((a) => a.domain),
      sorted.map((a) => a.name),
      sorted.map((a) => a.groupId),
    ];
    // Many leads of one company arrive at once: insert new accounts without touching existing rows,
    // then update only the rows that really change. An upsert (ON CONFLICT DO UPDATE) would lock
    // every matched account row and serialize all concurrent requests of that company.
    await this.tx.query(
      `INSERT INTO ingestion_accounts (account_id, domain, name, group_ids)
       SELECT id, domain, name, CASE WHEN gid IS NULL THEN '{}'::text[] ELSE ARRAY[gid] END
       FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[]) AS t(id, domain, name, gid)
       ON CONFLICT (account_id) DO NOTHING`,
      params,
    );
    await this.tx.query(
      `UPDATE ingestion_accounts AS a SET
         name = COALESCE(t.name, a.name),
         group_ids = CASE WHEN t.gid IS NULL OR t.gid = ANY(a.group_ids) THEN a.group_ids
                          ELSE ARRAY(SELECT DISTINCT unnest(a.group_ids || ARRAY[t.gid]) ORDER BY 1) END,
         updated_at = now()
       FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[]) AS t(id, domain, name, gid)
       WHERE a.account_id = t.id
         AND ((t.name IS NOT NULL AND t.name IS DISTINCT FROM a.name) OR (t.gid IS NOT NULL AND NOT t.gid = ANY(a.group_ids)))`,
      params,
    );
  }

  async recordOpportunity(opportunityId: string): Promise<boolean> {
    const rows = await this.tx.query(
      `INSERT INTO ingestion_opportunities (opportunity_id) VALUES ($1) ON CONFLICT DO NOTHING RETURNING opportunity_id`,
      [opportunityId],
    );
    return rows.length === 1;
  }

  async eraseLead(leadId: string): Promise<readonly string[]> {
    const rows = await this.tx.query<{ lead_id: string }>(
      `UPDATE ingestion_leads SET email = NULL, first_name = NULL, last_name = NULL, title = NULL, company = NULL,
         extra_traits = NULL, anonymous_ids = '{}', erased_at = now(), updated_at = now()
       WHERE lead_id = $1 OR merged_into = $1 RETURNING lead_id`,
      [leadId],
    );
    const ids = [leadId, ...rows.map((r) => r.lead_id)];
    // Identities (cookies, user ids) point at the person. (Published outbox rows are deleted by
    // the relay, so no copy of the profile stays here; unpublished ones still go out, then erasure.)
    await this.tx.query(`DELETE FROM ingestion_identities WHERE lead_id = ANY($1::uuid[])`, [ids]);
    return rows.map((r) => r.lead_id);
  }

  async recordErasure(a: {
    erasureId: string;
    leadId: string;
    requestedBy: string;
    requestedAt: number;
    rowsErased: number;
  }): Promise<void> {
    await this.tx.query(
      `INSERT INTO ingestion_erasures (erasure_id, lead_id, requested_by, requested_at, rows_erased) VALUES ($1, $2, $3, $4, $5)`,
      [a.erasureId, a.leadId, a.requestedBy, new Date(a.requestedAt).toISOString(), a.rowsErased],
    );
  }

  publish<T extends TopicDef>(topic: T, value: EventOf<T>, eventId: string): void {
    this.tx.publish(topic, value, { eventId });
  }

  tombstone(topic: TopicDef, key: string, eventId: string, occurredAt: number): void {
    this.tx.tombstone(topic, key, { eventId, occurredAt });
  }
}

/** The app's view of one messaging transaction (a consumer batch or a TransactionRunner unit). */
export const ingestionTx = (tx: TxContext): IngestionTx => new PgIngestionTx(tx);
