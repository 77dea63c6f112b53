import type { LeadStore } from '../ports/lead-store.port';
import type { LeadRecord } from './lead-record';

/** Merge tombstones point at their survivor; a few hops cover chains whose redirect raced a merge. */
const MAX_HOPS = 5;

/**
 * The leads one batch touches, locked and loaded with one query (plus one for merge survivors),
 * changed in memory, and written back with one statement.
 */
export class LeadWorkingSet {
  private readonly dirty = new Set<string>();

  private constructor(
    private readonly store: LeadStore,
    private readonly leads: Map<string, LeadRecord>,
  ) {}

  /** `firstSeenAt`: lead id -> earliest event time in the batch (for placeholders). */
  static async open(store: LeadStore, firstSeenAt: ReadonlyMap<string, number>): Promise<LeadWorkingSet> {
    const leads = await store.lockMany(firstSeenAt);
    for (let hop = 0; hop < MAX_HOPS; hop++) {
      const missing = new Map<string, number>();
      for (const lead of leads.values()) {
        if (lead.mergedInto !== null && !leads.has(lead.mergedInto))
          missing.set(lead.mergedInto, lead.firstSeenAt);
      }
      if (missing.size === 0) break;
      for (const [id, lead] of await store.lockMany(missing)) leads.set(id, lead);
    }
    return new LeadWorkingSet(store, leads);
  }

  /** The lead as loaded, without following merges. */
  raw(leadId: string): LeadRecord {
    const lead = this.leads.get(leadId);
    if (lead === undefined) throw new Error(`lead ${leadId} was not loaded`);
    return lead;
  }

  /** The lead that now holds `leadId`'s state: itself, or the survivor it was merged into. */
  resolve(leadId: string): LeadRecord {
    let lead = this.raw(leadId);
    for (let hop = 0; hop < MAX_HOPS && lead.mergedInto !== null; hop++) lead = this.raw(lead.mergedInto);
    return lead;
  }

  touch(lead: LeadRecord): void {
    this.dirty.add(lead.leadId);
  }

  async save(): Promise<void> {
    const changed = [...this.dirty].map((id) => this.raw(id));
    if (changed.length) await this.store.saveMany(changed);
  }
}

/** Earliest event time per lead id, for the placeholders a batch may create. */
export const firstSeenByLead = (items: readonly { leadId: string; at: number }[]): Map<string, number> => {
  const map = new Map<string, number>();
  for (const { leadId, at } of items)
    map.set(leadId, Math.min(at, map.get(leadId) ?? Number.POSITIVE_INFINITY));
  return map;
};
