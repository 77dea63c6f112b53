import type { PublicHolidayLookup } from './availability';
import { gini } from './gini';
import { weightOf } from './pick-from-pool';
import { newPoolState, type PoolState, type RepLoad } from './pool-state';
import { routeLead, type RoutingState } from './route-lead';
import type { LeadFacts, RoutingRules } from './routing-rules';
import type { SalesOrg } from './sales-org';

export type ReplayedLead = { readonly leadId: string; readonly at: number; readonly facts: LeadFacts };

/** Where a replayed lead ended: a rep, a queue ("queue:<id>"), held. */
export type ReplayOutcome = {
  readonly owner: string | null;
  readonly outcome: 'assigned' | 'escalated' | 'queued' | 'held';
};

export type DistributionSummary = {
  readonly rulesVersion: number;
  readonly perRep: readonly { repId: string; assigned: number; share: number; weightShare: number }[];
  readonly assigned: number;
  readonly escalated: number;
  readonly queued: number;
  readonly held: number;
  /** Of the leads assigned through pools, across every rep that is a member of a pool. */
  readonly gini: number;
};

class FreshState implements RoutingState {
  private readonly pools = new Map<string, PoolState>();
  private readonly loads = new Map<string, RepLoad>();
  pool(poolId: string): PoolState {
    let p = this.pools.get(poolId);
    if (p === undefined) {
      p = newPoolState(poolId);
      this.pools.set(poolId, p);
    }
    return p;
  }
  load(repId: string) {
    return this.loads.get(repId);
  }
  setLoad(repId: string, load: RepLoad) {
    this.loads.set(repId, load);
  }
}

/**
 * Replays leads, oldest first, through one rules version from empty pool state, against the org as
 * it is now (absences and hours included, read at each lead's time). Held leads are counted, not
 * released: a replay has no timers. Pure: nothing is written anywhere.
 */
export function replayLeads(
  org: SalesOrg,
  rules: RoutingRules,
  leads: readonly ReplayedLead[],
  publicHoliday: PublicHolidayLookup,
): Map<string, ReplayOutcome> {
  const inputs = { org, rules, state: new FreshState(), publicHoliday };
  const outcomes = new Map<string, ReplayOutcome>();
  for (const lead of leads) {
    const d = routeLead(inputs, {
      leadId: lead.leadId,
      facts: lead.facts,
      at: lead.at,
      kind: 'initial',
      heldBefore: [],
      currentRepId: null,
      poolId: null,
    });
    outcomes.set(
      lead.leadId,
      d.outcome === 'assigned'
        ? { owner: d.repId, outcome: d.via === 'manager' ? 'escalated' : 'assigned' }
        : d.outcome === 'queued'
          ? { owner: `queue:${d.queueId}`, outcome: 'queued' }
          : { owner: null, outcome: 'held' },
    );
  }
  return outcomes;
}

/** Assignments per rep, share against weight, Gini, held/escalated/queued counts of one replay. */
export function summarise(
  org: SalesOrg,
  rules: RoutingRules,
  outcomes: ReadonlyMap<string, ReplayOutcome>,
): DistributionSummary {
  const weights = new Map<string, number>();
  for (const pool of rules.pools)
    for (const m of pool.members) weights.set(m.repId, (weights.get(m.repId) ?? 0) + weightOf(org, m));
  const totalWeight = [...weights.values()].reduce((a, b) => a + b, 0);
  const counts = new Map<string, number>();
  let assigned = 0;
  let escalated = 0;
  let queued = 0;
  let held = 0;
  for (const o of outcomes.values()) {
    if (o.outcome === 'held') held++;
    else if (o.outcome === 'queued') queued++;
    else {
      if (o.outcome === 'escalated') escalated++;
      else assigned++;
      counts.set(o.owner as string, (counts.get(o.owner as string) ?? 0) + 1);
    }
  }
  const repIds = [...new Set([...weights.keys(), ...counts.keys()])].sort();
  const totalAssigned = assigned + escalated;
  return {
    rulesVersion: rules.version,
    perRep: repIds.map((repId) => ({
      repId,
      assigned: counts.get(repId) ?? 0,
      share: totalAssigned === 0 ? 0 : (counts.get(repId) ?? 0) / totalAssigned,
      weightShare: totalWeight === 0 ? 0 : (weights.get(repId) ?? 0) / totalWeight,
    })),
    assigned,
    escalated,
    queued,
    held,
    gini: gini([...weights.keys()].map((id) => counts.get(id) ?? 0)),
  };
}

export type RoutingComparison = {
  readonly leads: number;
  readonly published: DistributionSummary;
  readonly draft: DistributionSummary;
  readonly changedOwners: number;
  /** The first leads (oldest first) that would change owner, at most the limit asked for. */
  readonly changes: readonly { leadId: string; published: string | null; draft: string | null }[];
};

/** The dry run: the same leads through the published and the draft rules, side by side. */
export function compareRules(
  org: SalesOrg,
  published: RoutingRules,
  draft: RoutingRules,
  leads: readonly ReplayedLead[],
  publicHoliday: PublicHolidayLookup,
  maxChanges: number,
): RoutingComparison {
  const before = replayLeads(org, published, leads, publicHoliday);
  const after = replayLeads(org, draft, leads, publicHoliday);
  const changes: { leadId: string; published: string | null; draft: string | null }[] = [];
  let changedOwners = 0;
  for (const lead of leads) {
    const a = before.get(lead.leadId)?.owner ?? null;
    const b = after.get(lead.leadId)?.owner ?? null;
    if (a === b) continue;
    changedOwners++;
    if (changes.length < maxChanges) changes.push({ leadId: lead.leadId, published: a, draft: b });
  }
  return {
    leads: leads.length,
    published: summarise(org, published, before),
    draft: summarise(org, draft, after),
    changedOwners,
    changes,
  };
}
