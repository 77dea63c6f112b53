import { uuidV5, type LeadAssigned } from '@smarketing/contracts';
import {
  accountIdsOf,
  accountOwnerOf,
  leadFactsOf,
  matchesOnAccountScores,
  matchRule,
  routeLead,
  UNKNOWN_PROFILE,
  type AccountScore,
  type Decision,
  type LeadFacts,
  type PoolState,
  type PublicHolidayLookup,
  type RepLoad,
  type RouteRequest,
  type RoutingInputs,
  type RoutingRules,
  type RoutingState,
  type SalesOrg,
} from '../../domain';
import { pairKey, type AssignmentRecord } from '../ports/assignment-store.port';
import type { HeldLead } from '../ports/held-store.port';
import type { LeadRecord } from '../ports/lead-store.port';
import type { MemberChange, RepDayStats } from '../ports/pool-state-store.port';
import { NoRoutingMetrics, type RoutingMetrics } from '../ports/routing-metrics.port';
import type { RoutingTx } from '../ports/transactions.port';
import type { CatalogCache } from './catalog';
import { causeKeyOf, type RoutingCause } from './routing-cause';

/** Namespace of assignment ids: uuidV5(`<leadId>|<causeKey>`), the same on every replica and redelivery. */
export const ASSIGNMENT_NAMESPACE = '7d1f3f0e-5b7e-5a59-9c1e-2f0b8f6a4c11';

export const assignmentIdOf = (leadId: string, causeKey: string): string =>
  uuidV5(`${leadId}|${causeKey}`, ASSIGNMENT_NAMESPACE);

/** A queue as the owner on the wire: lead-assigned always names an owner. */
export const queueOwnerId = (queueId: string): string => `queue:${queueId}`;

export const newLeadRecord = (leadId: string): LeadRecord => ({
  leadId,
  facts: UNKNOWN_PROFILE,
  factsAt: null,
  cycle: 0,
  status: 'new',
  ownerRepId: null,
  queueId: null,
  poolId: null,
  ruleId: null,
  heldBefore: [],
  reassignments: 0,
});

/** Pools a cause may take turns from: claimed up front, in id order, before any decision. */
const poolsFor = (rules: RoutingRules, org: SalesOrg, lead: LeadRecord, facts: LeadFacts): string[] => {
  const matched = matchRule(rules, org, facts)?.pool;
  return [matched, lead.poolId].filter(
    (p): p is string => p !== undefined && p !== null && rules.pools.some((x) => x.id === p),
  );
};

class ClaimedState implements RoutingState {
  readonly changedLoads = new Map<string, RepLoad>();
  constructor(
    private readonly pools: ReadonlyMap<string, PoolState>,
    private readonly loads: Map<string, RepLoad>,
    private readonly tracked: ReadonlySet<string>,
  ) {}
  pool(poolId: string): PoolState {
    const p = this.pools.get(poolId);
    // Deciding on a pool the transaction has not locked would let two replicas take the same turn.
    if (p === undefined) throw new Error(`pool ${poolId} was not claimed before routing`);
    return p;
  }
  load(repId: string): RepLoad | undefined {
    return this.loads.get(repId);
  }
  setLoad(repId: string, load: RepLoad): void {
    if (!this.tracked.has(repId)) return;
    this.loads.set(repId, load);
    this.changedLoads.set(repId, load);
  }
}

const memberKey = (poolId: string, repId: string) => `${poolId}\u0000${repId}`;

/**
 * Applies routing causes (a consumer batch, or held leads whose timer fired) in one transaction:
 * locks the leads, skips causes already decided, claims the pools the decisions may use (row
 * locks in id order), decides in event order with the pure rules, and writes decisions, lead
 * ownership, pool state, loads, timers and lead-assigned events together. Replicas serialise on
 * a pool's row, never on memory, so none can take a turn another took.
 */
export class RoutingEngine {
  constructor(
    private readonly catalog: CatalogCache,
    private readonly publicHoliday: PublicHolidayLookup,
    private readonly metrics: RoutingMetrics = new NoRoutingMetrics(),
  ) {}

  async apply(causes: readonly RoutingCause[], tx: RoutingTx): Promise<{ decided: number }> {
    if (causes.length === 0) return { decided: 0 };
    const { org, rules } = await this.catalog.current(tx);
    const leadIds = [...new Set(causes.map((c) => c.leadId))].sort();
    const known = await tx.leads.lockMany(leadIds);
    const leads = new Map(leadIds.map((id) => [id, known.get(id) ?? newLeadRecord(id)]));
    // One read for the batch's accounts, and none when no rule asks: rules on accountTier and
    // accountBand see each account's newest score.
    const scores = matchesOnAccountScores(rules)
      ? await tx.accounts.findMany(accountIdsOf([...leads.values()].map((l) => l.facts)))
      : new Map<string, AccountScore>();
    const facts = new Map([...leads.values()].map((l) => [l.leadId, leadFactsOf(l.facts, scores)]));
    const factsOf = (lead: LeadRecord) => facts.get(lead.leadId) as LeadFacts;
    const keyed = causes.flatMap((c) => {
      const causeKey = causeKeyOf(c);
      return causeKey === undefined ? [] : [{ leadId: c.leadId, causeKey }];
    });
    const decided = keyed.length ? await tx.assignments.existing(keyed) : new Set<string>();

    const poolIds = [
      ...new Set([...leads.values()].flatMap((l) => poolsFor(rules, org, l, factsOf(l)))),
    ].sort();
    const byCount = new Set(rules.pools.filter((p) => p.strategy === 'count_based').map((p) => p.id));
    const claimed = await tx.pools.claim(poolIds, byCount);
    const before = new Map<string, { json: string; assigned: number }>();
    const repIds = new Set<string>();
    for (const pool of rules.pools.filter((p) => claimed.has(p.id)))
      for (const m of pool.members) repIds.add(m.repId);
    for (const state of claimed.values())
      for (const [repId, m] of state.members)
        before.set(memberKey(state.poolId, repId), { json: JSON.stringify(m), assigned: m.assigned });
    for (const lead of leads.values()) {
      const owner = accountOwnerOf(org, lead.facts);
      if (owner) repIds.add(owner.repId);
      if (lead.ownerRepId) repIds.add(lead.ownerRepId);
    }
    // Escalations go to the manager of the pool's team or of the current owner's team.
    const teams = new Set(rules.pools.filter((p) => claimed.has(p.id)).map((p) => p.teamId));
    for (const lead of leads.values())
      if (lead.ownerRepId) teams.add(org.reps.get(lead.ownerRepId)?.teamId ?? '');
    for (const teamId of teams) {
      const managerId = org.teams.get(teamId)?.managerId;
      if (managerId) repIds.add(managerId);
    }
    // Loads matter only for caps: reps without one are never read or written here (their daily
    // figures for the API are routing_rep_days), so a pool of uncapped reps costs the same at any size.
    const capped = [...repIds].filter((id) => {
      const caps = org.reps.get(id)?.caps;
      return caps !== undefined && (caps.daily !== undefined || caps.weekly !== undefined);
    });
    const state = new ClaimedState(claimed, await tx.pools.loads(capped.sort()), new Set(capped));
    const inputs: RoutingInputs = { rules, org, state, publicHoliday: this.publicHoliday };

    const rows: AssignmentRecord[] = [];
    const dirtyLeads = new Set<string>();
    const heldUpserts = new Map<string, HeldLead>();
    const heldDeletes = new Set<string>();
    const stats = new Map<string, RepDayStats>();
    const salesReady: { leadId: string; cycle: number; enteredAt: number }[] = [];

    for (const cause of causes) {
      const lead = leads.get(cause.leadId) as LeadRecord;
      const causeKey = causeKeyOf(cause);
      if (causeKey !== undefined && decided.has(pairKey(cause.leadId, causeKey))) continue;
      const request = this.requestFor(cause, lead, factsOf(lead), rules);
      if (request === undefined) {
        if (cause.type === 'ended' && lead.status !== 'ended') {
          if (lead.status === 'held') {
            heldUpserts.delete(lead.leadId);
            heldDeletes.add(lead.leadId);
          }
          Object.assign(lead, { status: 'ended', ownerRepId: null, queueId: null });
          dirtyLeads.add(lead.leadId);
        }
        continue;
      }
      if (cause.type === 'sales_ready') {
        Object.assign(lead, { cycle: cause.cycle, heldBefore: [], reassignments: 0 });
        salesReady.push({ leadId: lead.leadId, cycle: cause.cycle, enteredAt: cause.at });
        dirtyLeads.add(lead.leadId);
      }
      const decision = routeLead(inputs, request);
      this.count(stats, decision, cause.at);
      const record = this.record(lead, cause, causeKey as string, decision, rules.version);
      rows.push(record);
      decided.add(pairKey(cause.leadId, causeKey as string));
      this.applyToLead(lead, decision, request);
      dirtyLeads.add(lead.leadId);
      if (decision.outcome === 'held') {
        heldDeletes.delete(lead.leadId);
        heldUpserts.set(lead.leadId, {
          leadId: lead.leadId,
          cycle: lead.cycle,
          poolId: decision.poolId as string,
          dueAt: decision.dueAt,
          heldAt: cause.at,
        });
      } else if (decision.outcome !== 'kept') {
        heldUpserts.delete(lead.leadId);
        heldDeletes.add(lead.leadId);
      }
      const event = this.eventOf(record, decision);
      if (event !== undefined) tx.events.leadAssigned(event, record.assignmentId);
    }

    const members: MemberChange[] = [];
    for (const p of claimed.values())
      for (const [repId, m] of p.members) {
        const was = before.get(memberKey(p.poolId, repId));
        if (was?.json !== JSON.stringify(m))
          members.push({
            poolId: p.poolId,
            repId,
            state: m,
            assignedDelta: m.assigned - (was?.assigned ?? 0),
          });
      }
    await tx.leads.saveMany([...dirtyLeads].map((id) => leads.get(id) as LeadRecord));
    await tx.leads.recordSalesReady(salesReady);
    await tx.assignments.insertMany(rows);
    await tx.pools.save([...claimed.values()], members);
    await tx.pools.saveLoads(state.changedLoads);
    await tx.pools.addDayStats([...stats.values()]);
    await tx.held.deleteMany([...heldDeletes]);
    await tx.held.upsertMany([...heldUpserts.values()]);
    this.metrics.decided(
      rows.map((r) => ({
        outcome: r.outcome,
        kind: r.kind,
        via: r.outcome === 'queued' ? 'queue' : (r.via ?? 'none'),
      })),
    );
    return { decided: rows.length };
  }

  private requestFor(
    cause: RoutingCause,
    lead: LeadRecord,
    facts: LeadFacts,
    rules: RoutingRules,
  ): RouteRequest | undefined {
    const base = { leadId: lead.leadId, facts, at: cause.at };
    switch (cause.type) {
      case 'ended':
        return undefined;
      case 'sales_ready':
        // An older cycle arriving late never takes a newer one's ownership away.
        if (cause.cycle < lead.cycle) return undefined;
        return { ...base, kind: 'initial', heldBefore: [], currentRepId: null, poolId: null };
      case 'release':
        if (lead.status !== 'held' || lead.cycle !== cause.cycle) return undefined;
        return { ...base, kind: 'initial', heldBefore: lead.heldBefore, currentRepId: null, poolId: null };
      case 'sla_breach': {
        // Only a breach of the current owner's clock moves the lead: one about a previous owner is history.
        if (lead.status !== 'assigned' || lead.ownerRepId === null || cause.repId !== lead.ownerRepId)
          return undefined;
        const rule =
          rules.rules.find((r) => r.id === lead.ruleId) ?? rules.rules.find((r) => r.pool === lead.poolId);
        const policy = rule?.sla ?? { onBreach: 'reassign', maxReassignments: 2 };
        let kind: 'reassignment' | 'escalation';
        if (cause.action === 'reassign') kind = 'reassignment';
        else if (cause.action === 'escalate') kind = 'escalation';
        else if (policy.onBreach === 'ignore') return undefined;
        else
          kind =
            policy.onBreach === 'reassign' && lead.reassignments < policy.maxReassignments
              ? 'reassignment'
              : 'escalation';
        return {
          ...base,
          kind,
          heldBefore: lead.heldBefore,
          currentRepId: lead.ownerRepId,
          poolId: lead.poolId,
        };
      }
      default: {
        const never: never = cause;
        return never;
      }
    }
  }

  private applyToLead(lead: LeadRecord, decision: Decision, request: RouteRequest): void {
    switch (decision.outcome) {
      case 'assigned':
        if (request.currentRepId !== null && !lead.heldBefore.includes(request.currentRepId))
          lead.heldBefore.push(request.currentRepId);
        if (!lead.heldBefore.includes(decision.repId)) lead.heldBefore.push(decision.repId);
        Object.assign(lead, {
          status: 'assigned',
          ownerRepId: decision.repId,
          queueId: null,
          poolId: decision.poolId,
          ruleId: decision.ruleId,
          reassignments: lead.reassignments + (decision.kind === 'reassignment' ? 1 : 0),
        });
        return;
      case 'queued':
        Object.assign(lead, {
          status: 'queued',
          ownerRepId: null,
          queueId: decision.queueId,
          poolId: decision.poolId,
          ruleId: decision.ruleId,
        });
        return;
      case 'held':
        Object.assign(lead, {
          status: 'held',
          ownerRepId: null,
          queueId: null,
          poolId: decision.poolId,
          ruleId: decision.ruleId,
        });
        return;
      case 'kept':
        return;
      default: {
        const never: never = decision;
        return never;
      }
    }
  }

  private count(stats: Map<string, RepDayStats>, decision: Decision, at: number): void {
    const day = new Date(at).toISOString().slice(0, 10);
    for (const c of decision.candidates) {
      const key = `${c.repId}|${day}`;
      let s = stats.get(key);
      if (s === undefined) {
        s = { repId: c.repId, day, assigned: 0, capped: 0, skipped: 0 };
        stats.set(key, s);
      }
      if (c.verdict === 'assigned') s.assigned += 1;
      else if (c.verdict === 'cap_reached') s.capped += 1;
      else s.skipped += 1;
    }
    if (decision.outcome === 'assigned' && decision.via === 'manager') {
      const key = `${decision.repId}|${day}`;
      const s = stats.get(key) ?? { repId: decision.repId, day, assigned: 0, capped: 0, skipped: 0 };
      s.assigned += 1;
      stats.set(key, s);
    }
  }

  private record(
    lead: LeadRecord,
    cause: RoutingCause,
    causeKey: string,
    d: Decision,
    rulesVersion: number,
  ): AssignmentRecord {
    return {
      assignmentId: assignmentIdOf(lead.leadId, causeKey),
      leadId: lead.leadId,
      causeKey,
      causeEventId: 'eventId' in cause ? cause.eventId : null,
      cycle: lead.cycle,
      kind: d.outcome === 'assigned' ? d.kind : cause.type === 'sla_breach' ? 'reassignment' : 'initial',
      outcome: d.outcome,
      via: d.outcome === 'assigned' ? d.via : null,
      repId: d.outcome === 'assigned' ? d.repId : d.outcome === 'kept' ? lead.ownerRepId : null,
      queueId: d.outcome === 'queued' ? d.queueId : null,
      previousRepId: cause.type === 'sla_breach' ? lead.ownerRepId : null,
      teamId: d.outcome === 'assigned' ? d.teamId : null,
      ruleId: d.ruleId,
      rulesVersion,
      poolId: d.poolId,
      position: d.outcome === 'assigned' ? d.position : null,
      candidates: d.candidates,
      reason: d.reason,
      occurredAt: cause.at,
    };
  }

  private eventOf(r: AssignmentRecord, d: Decision): LeadAssigned | undefined {
    if (d.outcome !== 'assigned' && d.outcome !== 'queued') return undefined;
    return {
      assignmentId: r.assignmentId,
      leadId: r.leadId,
      repId: d.outcome === 'assigned' ? d.repId : queueOwnerId(d.queueId),
      previousRepId: r.previousRepId,
      teamId: r.teamId,
      ruleId: r.ruleId,
      ruleVersion: r.rulesVersion,
      kind: d.outcome === 'assigned' ? d.kind : 'initial',
      reason: r.reason,
      queueId: r.queueId,
      poolId: r.poolId,
      via: d.outcome === 'assigned' ? d.via : 'queue',
      cycle: r.cycle,
      rotationPosition: r.position,
      causeEventId: r.causeEventId,
      candidates: r.candidates.map((c) => ({ repId: c.repId, verdict: c.verdict })),
      occurredAt: r.occurredAt,
    };
  }
}
