import type { LeadScored, LeadUpserted } from '@smarketing/contracts';
import type { Incoming, SlaMonitorTx } from '../ports/transactions.port';

/**
 * lead-upserted: the lead's region and source, which policies and volume segments may name.
 * Only those two fields are kept (no PII). The latest event wins (one lead's events are in order);
 * MQLs counted before the profile arrived get its region and source (later evaluations count them
 * in their segment; an evaluation already emitted is not redone for it).
 */
export class RecordLeadProfiles {
  async execute(events: readonly Incoming<LeadUpserted>[], tx: SlaMonitorTx): Promise<void> {
    const latest = new Map(events.map((e) => [e.value.leadId, e.value]));
    const profiles = [...latest.values()].map((v) => ({
      leadId: v.leadId,
      band: null,
      region: v.region === 'unknown' ? null : v.region,
      source: v.source || null,
    }));
    await tx.facts.mergeProfiles(profiles);
    // An MQL may have been counted before the profile arrived: it joins its segment now.
    await tx.mqls.fillSegments(profiles);
  }
}

/** lead-scored: the lead's band under the scoring model, which response policies are chosen on. */
export class RecordBands {
  async execute(events: readonly Incoming<LeadScored>[], tx: SlaMonitorTx): Promise<void> {
    const latest = new Map(events.map((e) => [e.value.leadId, e.value]));
    await tx.facts.mergeProfiles(
      [...latest.values()].map((v) => ({
        leadId: v.leadId,
        band: v.band === 'unknown' ? null : v.band,
        region: null,
        source: null,
      })),
    );
  }
}
