import { isDeepStrictEqual } from 'node:util';
import {
  activityDelta,
  leadActivity,
  opportunityActivity,
  type AccountActivity,
} from '../../domain/account-activity';
import {
  delta,
  leadContributions,
  leadDims,
  opportunityContributions,
  type Contribution,
} from '../../domain/contributions';
import { newLead, type LeadRecord } from '../../domain/lead-record';
import {
  newOpportunity,
  primaryLeadId,
  type LeadDims,
  type OpportunityRecord,
} from '../../domain/opportunity-record';
import type { RecordStore } from '../ports/record-store.port';
import type { Incoming, ReportingTx } from '../ports/transactions.port';
import type { RollupSettings } from './rollup-settings';

// The one way a batch changes the read models: lock the records it touches, fold its events into
// them (pure domain functions), then add contributions(after) - contributions(before) to the
// roll-up in one statement, and the same difference of account activity (Tier 1 coverage). Leads
// are locked before opportunities everywhere, and the roll-up and activity rows are written in key
// order after both, so two batches never wait on each other in a cycle.

export const newestOf = (events: readonly Incoming<unknown>[]): number | null =>
  events.length ? Math.max(...events.map((e) => e.occurredAt)) : null;

// Key order is not compared: jsonb hands objects back with its own.
const same = (a: unknown, b: unknown) => isDeepStrictEqual(a, b);

/** Folds one change per record into a keyed table and returns before/after of the records that changed. */
export async function foldRecords<R>(
  store: RecordStore<R>,
  changes: readonly { readonly key: string; readonly fold: (known: R | undefined) => R }[],
): Promise<{ readonly before: Map<string, R>; readonly after: Map<string, R> }> {
  return foldKnown(store, await store.lockMany([...new Set(changes.map((c) => c.key))]), changes);
}

/** `foldRecords` over records already locked. */
export async function foldKnown<R>(
  store: RecordStore<R>,
  known: Map<string, R>,
  changes: readonly { readonly key: string; readonly fold: (known: R | undefined) => R }[],
): Promise<{ readonly before: Map<string, R>; readonly after: Map<string, R> }> {
  const state = new Map(known);
  for (const c of changes) state.set(c.key, c.fold(state.get(c.key)));
  const after = new Map([...state].filter(([k, v]) => !same(known.get(k), v)));
  await store.saveMany([...after.values()]);
  return { before: known, after };
}

type Changed<R> = { readonly before: Map<string, R>; readonly after: Map<string, R> };
type BeforeAndAfter<X> = { readonly before: X[]; readonly after: X[] };

/** What `of` gives for each changed record before (where it existed) and after. */
const beforeAndAfter = <R, X>(changed: Changed<R>, of: (r: R) => X[]): BeforeAndAfter<X> => ({
  before: [...changed.after.keys()].flatMap((k) => {
    const b = changed.before.get(k);
    return b === undefined ? [] : of(b);
  }),
  after: [...changed.after.values()].flatMap(of),
});

/** The contributions of the changed records before and after, as one delta. */
export const deltaOf = <R>(
  changed: Changed<R>,
  contributionsOf: (r: R) => Contribution[],
): Contribution[] => {
  const { before, after } = beforeAndAfter(changed, contributionsOf);
  return delta(before, after);
};

/** Re-reads the primary lead of each opportunity and refreshes the dimensions the opportunity borrows. */
async function refreshOpportunities(
  tx: ReportingTx,
  settings: RollupSettings,
  opportunityIds: readonly string[],
  leads: ReadonlyMap<string, LeadRecord>,
  folds: ReadonlyMap<string, (o: OpportunityRecord) => OpportunityRecord> = new Map(),
): Promise<{ readonly contributions: Contribution[]; readonly activity: BeforeAndAfter<AccountActivity> }> {
  if (!opportunityIds.length) return { contributions: [], activity: { before: [], after: [] } };
  const survivorOf = async (id: string | null): Promise<LeadRecord | undefined> => {
    if (id === null) return undefined;
    const lead = leads.get(id) ?? (await tx.leads.readMany([id])).get(id);
    if (lead?.mergedInto)
      return leads.get(lead.mergedInto) ?? (await tx.leads.readMany([lead.mergedInto])).get(lead.mergedInto);
    return lead;
  };
  const known = await tx.opportunities.lockMany(opportunityIds);
  const changes = [];
  for (const id of new Set(opportunityIds)) {
    const folded = (folds.get(id) ?? ((o: OpportunityRecord) => o))(known.get(id) ?? newOpportunity(id));
    const lead = await survivorOf(primaryLeadId(folded));
    const dims: LeadDims | null = lead
      ? { ...leadDims(lead), firstTouchAt: lead.firstTouch?.at ?? null }
      : null;
    changes.push({ key: id, fold: () => ({ ...folded, lead: dims }) });
  }
  const changed = await foldKnown(tx.opportunities, known, changes);
  return {
    contributions: deltaOf(changed, (o) => opportunityContributions(o, settings)),
    activity: beforeAndAfter(changed, opportunityActivity),
  };
}

export type LeadChange = {
  readonly leadId: string;
  readonly fold: (l: LeadRecord) => LeadRecord;
  /** The merge's own change of the merged lead: not re-routed to the survivor. */
  readonly ofMergedLead?: boolean;
};

/**
 * Folds changes into leads (and the opportunities that borrow a changed lead's dimensions) and adds
 * the delta to the roll-up; `opportunityFolds` also folds opportunity events in the same pass.
 */
export async function changeLeads(
  tx: ReportingTx,
  settings: RollupSettings,
  changes: readonly LeadChange[],
  opportunityFolds: ReadonlyMap<string, (o: OpportunityRecord) => OpportunityRecord> = new Map(),
): Promise<void> {
  // An event of a lead already merged away belongs to the survivor, as if it had come before the merge.
  const mergedAway = await tx.leads.readMany([...new Set(changes.map((c) => c.leadId))]);
  const routed = changes.map((c) => {
    const survivor = c.ofMergedLead ? null : (mergedAway.get(c.leadId)?.mergedInto ?? null);
    return { key: survivor ?? c.leadId, fold: c.fold };
  });
  const changed = await foldRecords(
    tx.leads,
    routed.map((c) => ({ key: c.key, fold: (l: LeadRecord | undefined) => c.fold(l ?? newLead(c.key)) })),
  );
  const leads = new Map([...changed.before, ...changed.after]);
  const opportunityIds = [
    ...new Set([...[...changed.after.values()].flatMap((l) => l.opportunityIds), ...opportunityFolds.keys()]),
  ];
  const opportunities = await refreshOpportunities(tx, settings, opportunityIds, leads, opportunityFolds);
  await tx.rollup.add([...deltaOf(changed, leadContributions), ...opportunities.contributions]);
  const activity = beforeAndAfter(changed, leadActivity);
  await tx.accounts.addActivity(
    activityDelta(
      [...activity.before, ...opportunities.activity.before],
      [...activity.after, ...opportunities.activity.after],
    ),
  );
}
