import { loadedLead, type LeadAccountChange, type LoadedLead } from '../account/roll-up-accounts';
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
  /** Latest event time that changed each touched lead (the account roll-up's event time). */
  private readonly changedAt = new Map<string, number>();
  /** The account each lead's contribution sat in when loaded. */
  private readonly accountsBefore: Map<string, string | null>;
  /** Each lead's contribution and profile time when loaded (unchanged ones skip the account roll-up). */
  private readonly loaded: Map<string, LoadedLead>;

  private constructor(
    private readonly store: LeadStore,
    private readonly leads: Map<string, LeadRecord>,
  ) {
    this.accountsBefore = new Map([...leads].map(([id, lead]) => [id, lead.account?.accountId ?? null]));
    this.loaded = new Map([...leads].map(([id, lead]) => [id, loadedLead(lead)]));
  }

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

  touch(lead: LeadRecord, at?: number): void {
    this.dirty.add(lead.leadId);
    if (at !== undefined)
      this.changedAt.set(lead.leadId, Math.max(at, this.changedAt.get(lead.leadId) ?? at));
  }

  /** The touched leads with where their account contribution was when loaded (for queueAccountRollUps). */
  accountChanges(): LeadAccountChange[] {
    return [...this.dirty].map((id) => {
      const lead = this.raw(id);
      return {
        lead,
        accountBefore: this.accountsBefore.get(id) ?? null,
        loaded: this.loaded.get(id),
        at: this.changedAt.get(id) ?? lead.score?.at ?? lead.firstSeenAt,
      };
    });
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
