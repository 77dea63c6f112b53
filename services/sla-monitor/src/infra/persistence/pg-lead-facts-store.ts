import { prepared } from '@smarketing/messaging';
import type { Disposition } from '../../domain/sla-policy';
import { LeadFactsStore, type LeadFact, type LeadProfile } from '../../app/ports/lead-facts-store.port';
import { iso, type Sql } from './sql';

const ADD = prepared(
  'sla-monitor.facts.add',
  `INSERT INTO sla_monitor_lead_facts (lead_id, event_id, kind, rep_id, occurred_at, disposition)
   SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::timestamptz[], $6::text[])
     AS f(lead_id, event_id, kind, rep_id, occurred_at, disposition)
   WHERE NOT EXISTS (SELECT 1 FROM sla_monitor_erased_leads e WHERE e.lead_id = f.lead_id)
   ON CONFLICT (lead_id, event_id) DO NOTHING`,
);
const OF_LEADS = prepared(
  'sla-monitor.facts.of-leads',
  `SELECT lead_id, event_id, kind, rep_id, occurred_at, disposition FROM sla_monitor_lead_facts
   WHERE lead_id = ANY($1::text[]) ORDER BY occurred_at, event_id`,
);
const PROFILES = prepared(
  'sla-monitor.profiles.get',
  `SELECT lead_id, band, region, source FROM sla_monitor_lead_profiles WHERE lead_id = ANY($1::text[])`,
);
const MERGE_PROFILES = prepared(
  'sla-monitor.profiles.merge',
  `INSERT INTO sla_monitor_lead_profiles (lead_id, band, region, source)
   SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS p(lead_id, band, region, source)
   WHERE NOT EXISTS (SELECT 1 FROM sla_monitor_erased_leads e WHERE e.lead_id = p.lead_id)
   ON CONFLICT (lead_id) DO UPDATE SET
     band = coalesce(EXCLUDED.band, sla_monitor_lead_profiles.band),
     region = coalesce(EXCLUDED.region, sla_monitor_lead_profiles.region),
     source = coalesce(EXCLUDED.source, sla_monitor_lead_profiles.source)`,
);

type FactRow = {
  lead_id: string;
  event_id: string;
  kind: LeadFact['kind'];
  rep_id: string;
  occurred_at: Date;
  disposition: Disposition | null;
};

/** sla_monitor_lead_facts (touches and dispositions by event time) and sla_monitor_lead_profiles. */
export class PgLeadFactsStore extends LeadFactsStore {
  constructor(private readonly sql: Sql) {
    super();
  }

  async addFacts(facts: readonly LeadFact[]): Promise<void> {
    if (!facts.length) return;
    await this.sql.query(ADD, [
      facts.map((f) => f.leadId),
      facts.map((f) => f.eventId),
      facts.map((f) => f.kind),
      facts.map((f) => f.repId),
      facts.map((f) => iso(f.at)),
      facts.map((f) => (f.kind === 'disposition' ? f.disposition : null)),
    ]);
  }

  async factsOf(leadIds: readonly string[]): Promise<LeadFact[]> {
    if (!leadIds.length) return [];
    return (await this.sql.query<FactRow>(OF_LEADS, [leadIds])).map((r) =>
      r.kind === 'disposition'
        ? {
            kind: 'disposition',
            leadId: r.lead_id,
            repId: r.rep_id,
            at: r.occurred_at.getTime(),
            eventId: r.event_id,
            disposition: r.disposition ?? 'accepted',
          }
        : {
            kind: 'activity',
            leadId: r.lead_id,
            repId: r.rep_id,
            at: r.occurred_at.getTime(),
            eventId: r.event_id,
          },
    );
  }

  async profiles(leadIds: readonly string[]): Promise<Map<string, LeadProfile>> {
    if (!leadIds.length) return new Map();
    const rows = await this.sql.query<{
      lead_id: string;
      band: string | null;
      region: string | null;
      source: string | null;
    }>(PROFILES, [leadIds]);
    return new Map(
      rows.map((r) => [r.lead_id, { leadId: r.lead_id, band: r.band, region: r.region, source: r.source }]),
    );
  }

  async mergeProfiles(profiles: readonly LeadProfile[]): Promise<void> {
    if (!profiles.length) return;
    await this.sql.query(MERGE_PROFILES, [
      profiles.map((p) => p.leadId),
      profiles.map((p) => p.band),
      profiles.map((p) => p.region),
      profiles.map((p) => p.source),
    ]);
  }

  async moveFacts(fromLeadIds: readonly string[], toLeadId: string): Promise<void> {
    if (!fromLeadIds.length) return;
    await this.sql.query(
      `INSERT INTO sla_monitor_lead_facts (lead_id, event_id, kind, rep_id, occurred_at, disposition)
       SELECT $2, event_id, kind, rep_id, occurred_at, disposition FROM sla_monitor_lead_facts WHERE lead_id = ANY($1::text[])
       ON CONFLICT (lead_id, event_id) DO NOTHING`,
      [fromLeadIds, toLeadId],
    );
    await this.sql.query(`DELETE FROM sla_monitor_lead_facts WHERE lead_id = ANY($1::text[])`, [fromLeadIds]);
  }

  async erase(leadIds: readonly string[]): Promise<void> {
    if (!leadIds.length) return;
    await this.sql.query(`DELETE FROM sla_monitor_lead_facts WHERE lead_id = ANY($1::text[])`, [leadIds]);
    await this.sql.query(`DELETE FROM sla_monitor_lead_profiles WHERE lead_id = ANY($1::text[])`, [leadIds]);
    await this.sql.query(
      `INSERT INTO sla_monitor_erased_leads (lead_id) SELECT unnest($1::text[]) ON CONFLICT DO NOTHING`,
      [leadIds],
    );
  }
}
