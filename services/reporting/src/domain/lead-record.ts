import type {
  Channel,
  LeadAssigned,
  LeadDispositioned,
  LeadScored,
  LeadUpserted,
  LifecycleChanged,
  SalesActivityRecorded,
  TouchpointRecorded,
} from '@smarketing/contracts';
import { earliest, first, latest, type Stamped } from './stamped';

export type Milestone = 'lead' | 'mql' | 'sal' | 'sql' | 'opportunity' | 'customer';
export const MILESTONES: readonly Milestone[] = ['lead', 'mql', 'sal', 'sql', 'opportunity', 'customer'];

export type LeadProfileFacts = {
  readonly source: string;
  readonly region: string;
  readonly segment: string;
  readonly accountId: string | null;
};

export type Score = { readonly total: number; readonly band: string };

/**
 * One lead as the dashboard needs it (no PII: names and emails live in reporting_people). Every
 * field is event-time aware: latest-state fields keep the newest event, milestones keep the first,
 * so the record converges to the same state in any arrival order.
 */
export type LeadRecord = {
  readonly leadId: string;
  readonly profile: Stamped<LeadProfileFacts> | null;
  readonly firstTouch: Stamped<{ readonly channel: Channel; readonly campaignId: string | null }> | null;
  /** The first time each stage was entered (epoch ms); `lead` is the first lead-upserted. */
  readonly milestones: Readonly<Record<Milestone, number | null>>;
  readonly assignment: Stamped<{ readonly repId: string; readonly teamId: string | null }> | null;
  readonly firstAssignedAt: number | null;
  readonly firstSalesTouchAt: number | null;
  readonly disposition: Stamped<{
    readonly disposition: string;
    readonly reason: string | null;
    readonly repId: string;
  }> | null;
  readonly firstDispositionAt: number | null;
  /** The newest scores, enough to know the score the lead had when it became an MQL. */
  readonly scores: readonly Stamped<Score>[];
  readonly opportunityIds: readonly string[];
  /** Set once merged into another lead: it then counts for nothing (the survivor carries its facts). */
  readonly mergedInto: string | null;
};

// A lead is scored on every signal; the score at MQL time is all the dashboard needs, so the
// history is bounded.
const SCORES_KEPT = 32;

export const newLead = (leadId: string): LeadRecord => ({
  leadId,
  profile: null,
  firstTouch: null,
  milestones: { lead: null, mql: null, sal: null, sql: null, opportunity: null, customer: null },
  assignment: null,
  firstAssignedAt: null,
  firstSalesTouchAt: null,
  disposition: null,
  firstDispositionAt: null,
  scores: [],
  opportunityIds: [],
  mergedInto: null,
});

/** The company size segment the filters offer, from the employee count ingestion resolved. */
export const segmentOf = (employeeCount: number | null): string =>
  employeeCount === null
    ? 'unknown'
    : employeeCount < 100
      ? 'smb'
      : employeeCount < 1000
        ? 'mid-market'
        : 'enterprise';

export const withUpsert = (l: LeadRecord, e: LeadUpserted, at: number): LeadRecord => ({
  ...l,
  profile: latest(l.profile, {
    value: {
      source: e.source,
      region: e.region,
      segment: segmentOf(e.employeeCount),
      accountId: e.accountId,
    },
    at,
  }),
  milestones: { ...l.milestones, lead: earliest(l.milestones.lead, at) },
});

export const withTouchpoint = (l: LeadRecord, e: TouchpointRecorded, at: number): LeadRecord => ({
  ...l,
  firstTouch: first(l.firstTouch, { value: { channel: e.channel, campaignId: e.campaignId }, at }),
});

const STAGE_OF: Partial<Record<string, Milestone>> = {
  mql: 'mql',
  sal: 'sal',
  sql: 'sql',
  opportunity: 'opportunity',
  customer: 'customer',
};

export const withLifecycle = (l: LeadRecord, e: LifecycleChanged, at: number): LeadRecord => {
  const stage = STAGE_OF[e.to];
  return stage ? { ...l, milestones: { ...l.milestones, [stage]: earliest(l.milestones[stage], at) } } : l;
};

export const withAssignment = (l: LeadRecord, e: LeadAssigned, at: number): LeadRecord => ({
  ...l,
  assignment: latest(l.assignment, { value: { repId: e.repId, teamId: e.teamId }, at }),
  firstAssignedAt: earliest(l.firstAssignedAt, at),
});

export const withSalesActivity = (l: LeadRecord, _e: SalesActivityRecorded, at: number): LeadRecord => ({
  ...l,
  firstSalesTouchAt: earliest(l.firstSalesTouchAt, at),
});

export const withDisposition = (l: LeadRecord, e: LeadDispositioned, at: number): LeadRecord => ({
  ...l,
  disposition: latest(l.disposition, {
    value: { disposition: e.disposition, reason: e.reason, repId: e.repId },
    at,
  }),
  firstDispositionAt: earliest(l.firstDispositionAt, at),
});

const byTimeThenValue = (a: Stamped<Score>, b: Stamped<Score>) =>
  a.at - b.at || a.value.total - b.value.total || a.value.band.localeCompare(b.value.band);

const mergeScores = (a: readonly Stamped<Score>[], b: readonly Stamped<Score>[]): Stamped<Score>[] => {
  const all = [...a, ...b].sort(byTimeThenValue);
  const unique = all.filter((s, i) => i === 0 || byTimeThenValue(s, all[i - 1]!) !== 0);
  return unique.slice(-SCORES_KEPT);
};

export const withScore = (l: LeadRecord, e: LeadScored, at: number): LeadRecord => ({
  ...l,
  scores: mergeScores(l.scores, [{ value: { total: e.total, band: e.band }, at }]),
});

export const withOpportunity = (l: LeadRecord, opportunityId: string): LeadRecord =>
  l.opportunityIds.includes(opportunityId)
    ? l
    : { ...l, opportunityIds: [...l.opportunityIds, opportunityId].sort() };

/** The score a lead had when it became an MQL: the newest at or before it, else the first after. */
export function scoreAtMql(l: LeadRecord): Score | null {
  const mql = l.milestones.mql;
  if (mql === null || !l.scores.length) return null;
  const before = l.scores.filter((s) => s.at <= mql);
  return (before[before.length - 1] ?? l.scores[0]!).value;
}

/** The survivor of a merge with the merged lead's facts folded in (each field by its own rule). */
export function foldInto(survivor: LeadRecord, merged: LeadRecord): LeadRecord {
  const ms = {} as Record<Milestone, number | null>;
  for (const m of MILESTONES) ms[m] = earliest(survivor.milestones[m], merged.milestones[m]);
  return {
    ...survivor,
    profile: latest(survivor.profile, merged.profile),
    firstTouch: first(survivor.firstTouch, merged.firstTouch),
    milestones: ms,
    assignment: latest(survivor.assignment, merged.assignment),
    firstAssignedAt: earliest(survivor.firstAssignedAt, merged.firstAssignedAt),
    firstSalesTouchAt: earliest(survivor.firstSalesTouchAt, merged.firstSalesTouchAt),
    disposition: latest(survivor.disposition, merged.disposition),
    firstDispositionAt: earliest(survivor.firstDispositionAt, merged.firstDispositionAt),
    scores: mergeScores(survivor.scores, merged.scores),
    opportunityIds: [...new Set([...survivor.opportunityIds, ...merged.opportunityIds])].sort(),
  };
}

/** Whether the lead reached `stage` or any stage after it (a skipped stage still counts as passed). */
export function reached(l: LeadRecord, stage: Milestone): boolean {
  const from = MILESTONES.indexOf(stage);
  return MILESTONES.slice(from).some((m) => l.milestones[m] !== null);
}
