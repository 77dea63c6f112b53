import type {
  AccountScored,
  AttributionCredited,
  CampaignCostRecorded,
  Channel,
  LeadAssigned,
  LeadDispositioned,
  LeadErased,
  LeadProfile,
  LeadScored,
  LeadsMerged,
  LeadUpserted,
  LifecycleChanged,
  LifecycleStage,
  OpportunityUpdated,
  SalesActivityRecorded,
  SlaStatusChanged,
  TouchpointRecorded,
  VolumeSlaEvaluated,
} from '@smarketing/contracts';
import type { Incoming, ReportingTx } from '../ports/transactions.port';
import type { RollupSettings } from '../rollup/rollup-settings';
import { EraseLeads } from '../use-cases/erase-leads.use-case';
import { MergeLeads } from '../use-cases/merge-leads.use-case';
import { RecordAccountScores } from '../use-cases/record-account-scores.use-case';
import { RecordAssignments } from '../use-cases/record-assignments.use-case';
import { RecordCosts } from '../use-cases/record-costs.use-case';
import { RecordCredits } from '../use-cases/record-credits.use-case';
import { RecordDispositions } from '../use-cases/record-dispositions.use-case';
import { RecordLeads } from '../use-cases/record-leads.use-case';
import { RecordLifecycle } from '../use-cases/record-lifecycle.use-case';
import { RecordOpportunities } from '../use-cases/record-opportunities.use-case';
import { RecordProfiles } from '../use-cases/record-profiles.use-case';
import { RecordSalesActivities } from '../use-cases/record-sales-activities.use-case';
import { RecordScores } from '../use-cases/record-scores.use-case';
import { RecordSlaStatuses } from '../use-cases/record-sla-statuses.use-case';
import { RecordTouchpoints } from '../use-cases/record-touchpoints.use-case';
import { RecordVolumeEvaluations } from '../use-cases/record-volume-evaluations.use-case';

/**
 * A synthetic lifecycle log with known answers: a dozen leads of November 2026 through every
 * stage, with costs, credits (one superseded), SLA records (one corrected, one out of order), a
 * merge and an erasure. The answers are worked out by hand in dashboard.spec.ts.
 */

export const at = (day: number, hour: number, minute = 0): number => Date.UTC(2026, 10, day, hour, minute);
const H = 3_600_000;
const DAY = 24 * H;

type Topic =
  | 'leads'
  | 'profiles'
  | 'touchpoints'
  | 'activities'
  | 'dispositions'
  | 'opportunities'
  | 'costs'
  | 'merges'
  | 'erasures'
  | 'scores'
  | 'lifecycle'
  | 'accounts'
  | 'assignments'
  | 'sla'
  | 'volume'
  | 'credits';

export type LogEntry = { readonly topic: Topic; readonly event: Incoming<unknown> };

let seq = 0;
const entry = <V extends { occurredAt: number }>(topic: Topic, value: V): LogEntry => ({
  topic,
  event: { eventId: `e-${++seq}`, occurredAt: value.occurredAt, value },
});

const lead = (
  leadId: string,
  occurredAt: number,
  o: { employees: number; region: 'NA' | 'EMEA'; accountId?: string },
) =>
  entry<LeadUpserted>('leads', {
    leadId,
    anonymousIds: [],
    emailDomain: 'example.com',
    seniority: 'manager',
    company: 'Example',
    accountId: o.accountId ?? null,
    accountDomain: null,
    accountMatchReason: null,
    employeeCount: o.employees,
    industry: null,
    country: null,
    region: o.region,
    isFreeMail: false,
    isStudent: false,
    extraTraits: null,
    source: 'web',
    occurredAt,
  });

const touch = (leadId: string, occurredAt: number, channel: Channel, campaignId: string | null) =>
  entry<TouchpointRecorded>('touchpoints', {
    touchpointId: `tp-${leadId}-${occurredAt}`,
    leadId,
    anonymousId: null,
    type: 'page_view',
    eventName: 'Page Viewed',
    url: null,
    path: null,
    referrer: null,
    campaignId,
    utmSource: null,
    utmMedium: null,
    utmCampaign: null,
    utmTerm: null,
    utmContent: null,
    channel,
    accountId: null,
    extraProperties: null,
    source: 'web',
    occurredAt,
  });

const stage = (leadId: string, to: LifecycleStage, occurredAt: number) =>
  entry<LifecycleChanged>('lifecycle', {
    leadId,
    from: null,
    to,
    causeKind: 'other',
    causeDetail: 'fixture',
    causeEventId: null,
    reason: null,
    cycle: 1,
    repId: null,
    occurredAt,
  });

const score = (leadId: string, total: number, band: LeadScored['band'], occurredAt: number) =>
  entry<LeadScored>('scores', {
    leadId,
    modelId: 'm1',
    modelVersion: 1,
    fit: total / 2,
    engagement: total / 2,
    total,
    band,
    previousBand: null,
    firedRules: [],
    adjustments: [],
    disqualifiedBy: null,
    cause: 'fixture',
    occurredAt,
  });

const assign = (leadId: string, repId: string, teamId: string, occurredAt: number) =>
  entry<LeadAssigned>('assignments', {
    assignmentId: `as-${leadId}`,
    leadId,
    repId,
    previousRepId: null,
    teamId,
    ruleId: null,
    ruleVersion: null,
    kind: 'initial',
    reason: 'fixture',
    queueId: null,
    poolId: null,
    via: 'pool',
    cycle: 1,
    rotationPosition: null,
    causeEventId: null,
    candidates: [],
    occurredAt,
  });

const activity = (leadId: string, repId: string, occurredAt: number) =>
  entry<SalesActivityRecorded>('activities', {
    activityId: `act-${leadId}-${occurredAt}`,
    leadId,
    repId,
    kind: 'call',
    outcome: null,
    occurredAt,
  });

const dispose = (
  leadId: string,
  disposition: LeadDispositioned['disposition'],
  reason: LeadDispositioned['reason'],
  occurredAt: number,
) =>
  entry<LeadDispositioned>('dispositions', {
    dispositionId: `d-${leadId}-${occurredAt}`,
    leadId,
    repId: 'r?',
    disposition,
    reason,
    occurredAt,
  });

const sla = (
  leadId: string,
  kind: 'response' | 'disposition',
  status: SlaStatusChanged['status'],
  o: {
    rep: string;
    team: string;
    sequence: number;
    resolvedAt?: number;
    businessHours?: number;
    occurredAt: number;
  },
) =>
  entry<SlaStatusChanged>('sla', {
    slaRecordId: `sla-${leadId}-${kind}`,
    leadId,
    policyId: 'policy-1',
    repId: o.rep,
    kind,
    status,
    startedAt: at(3, 10),
    dueAt: at(3, 14),
    resolvedAt: o.resolvedAt ?? null,
    elapsedBusinessMs: o.businessHours === undefined ? null : o.businessHours * H,
    occurredAt: o.occurredAt,
    step: status === 'met' ? 'met' : status === 'breached' ? 'breached' : 'started',
    sequence: o.sequence,
    supersedesSequence: null,
    teamId: o.team,
    assignmentId: null,
    policyVersion: 1,
    calendarId: null,
    calendarVersion: null,
    band: null,
    firstActionAt: o.resolvedAt ?? null,
    causeKind: 'timer',
    causeId: null,
    causeDetail: 'fixture',
  });

const opportunity = (
  opportunityId: string,
  leadIds: string[],
  amount: number,
  status: OpportunityUpdated['status'],
  occurredAt: number,
  accountId: string | null = null,
) =>
  entry<OpportunityUpdated>('opportunities', {
    opportunityId,
    accountId,
    name: opportunityId,
    stage: status,
    status,
    amount: { amountMinor: amount * 100, currency: 'USD' },
    closeDate: null,
    leadIds,
    created: status === 'open',
    occurredAt,
  });

const cost = (
  costId: string,
  campaignId: string,
  channel: Channel,
  amount: number,
  from: number,
  to: number,
  occurredAt: number,
) =>
  entry<CampaignCostRecorded>('costs', {
    costId,
    campaignId,
    campaignName: campaignId,
    channel,
    // Avro dates (days since the epoch) from [from, to) in milliseconds: the last day included.
    periodStart: Math.floor(from / DAY),
    periodEnd: Math.floor((to - 1) / DAY),
    amount: { amountMinor: amount * 100, currency: 'USD' },
    occurredAt,
  });

const credit = (
  conversionId: string,
  kind: AttributionCredited['conversionKind'],
  revenue: number,
  version: number,
  credits: readonly (readonly [Channel, number])[],
  occurredAt: number,
) =>
  entry<AttributionCredited>('credits', {
    conversionId,
    conversionKind: kind,
    leadId: null,
    opportunityId: null,
    accountId: null,
    model: 'linear',
    revenue: { amountMinor: revenue * 100, currency: 'USD' },
    credits: credits.map(([channel, amount], i) => ({
      touchpointId: `tp-${i}`,
      campaignId: null,
      channel,
      weight: amount / revenue,
      amountMinor: amount * 100,
      touchKind: 'touchpoint',
      touchedAt: null,
      anchors: [],
      weightLow: null,
      weightHigh: null,
    })),
    modelId: 'linear',
    creditId: `${conversionId}-v${version}`,
    version,
    supersedes: version > 1 ? `${conversionId}-v${version - 1}` : null,
    anchorsUsed: [],
    journeyScope: 'lead',
    touchCount: credits.length,
    settingsVersion: 1,
    occurredAt,
  });

const volume = (actual: number, accepted: number, final: boolean, occurredAt: number) =>
  entry<VolumeSlaEvaluated>('volume', {
    evaluationId: `v-${occurredAt}`,
    policyId: 'volume-1',
    periodStart: at(1, 0),
    periodEnd: Date.UTC(2026, 11, 1),
    targetMqls: 12,
    actualMqls: actual,
    status: final ? 'missed' : 'on_track',
    occurredAt,
    policyVersion: 1,
    period: 'month',
    segment: 'all',
    projectedMqls: null,
    acceptedMqls: accepted,
    acceptedShare: actual ? accepted / actual : null,
    qualityFloor: 0.6,
    qualityStatus: null,
    final,
    supersedesEvaluationId: null,
  });

const account = (accountId: string, tier: AccountScored['tier'], occurredAt: number) =>
  entry<AccountScored>('accounts', {
    accountId,
    accountDomain: null,
    accountName: null,
    icpId: 'icp',
    icpVersion: 1,
    fit: 50,
    engagement: 50,
    total: 50,
    tier,
    previousTier: null,
    band: 'warm',
    previousBand: null,
    firedRules: [],
    excludedBy: null,
    leads: 1,
    engagedLeads: 1,
    leadEngagement: 1,
    seniorityLevels: [],
    hottestLeadId: null,
    hottestLeadTotal: null,
    cause: 'fixture',
    occurredAt,
  });

const ids = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => `L${from + i}`);

/** The whole log, in a plausible arrival order (some of it deliberately out of order). */
export function lifecycleLog(): LogEntry[] {
  seq = 0;
  const log: LogEntry[] = [];
  const push = (...e: LogEntry[]) => log.push(...e);
  // L1–L6 small companies, L7–L12 enterprises; L1–L8 North America, L9–L12 EMEA.
  for (const [i, id] of ids(1, 12).entries()) {
    const n = i + 1;
    push(
      lead(id, at(2, 9), {
        employees: n <= 6 ? 50 : 5000,
        region: n <= 8 ? 'NA' : 'EMEA',
        ...(n === 1 ? { accountId: 'a1' } : n === 7 ? { accountId: 'a2' } : {}),
      }),
    );
  }
  // First touches: L1–L4 paid search, L5–L8 email, L9–L10 direct, L11–L12 none.
  for (const id of ids(1, 4)) push(touch(id, at(2, 9, 30), 'paid_search', 'c-search'));
  for (const id of ids(5, 8)) push(touch(id, at(2, 9, 30), 'email', 'c-mail'));
  for (const id of ids(9, 10)) push(touch(id, at(2, 9, 30), 'direct', null));
  // A later touch never replaces the first.
  push(touch('L1', at(10, 9), 'social', 'c-late'));
  // Scores at MQL time: 95 hot, 85 hot, 65 mql, 45 nurture; a later score does not move the MQL bucket.
  for (const id of ids(1, 2)) push(score(id, 95, 'hot', at(3, 9)));
  for (const id of ids(3, 4)) push(score(id, 85, 'hot', at(3, 9)));
  for (const id of ids(5, 8)) push(score(id, 65, 'mql', at(3, 9)));
  for (const id of ids(9, 10)) push(score(id, 45, 'nurture', at(3, 9)));
  push(score('L9', 20, 'cold', at(12, 9)));
  // Funnel: 10 MQLs, 7 SALs, 5 SQLs, 4 opportunities, 2 customers.
  for (const id of ids(1, 10)) push(stage(id, 'mql', at(3, 10)));
  for (const id of ids(1, 7)) push(stage(id, 'sal', at(4, 10)));
  for (const id of ids(1, 5)) push(stage(id, 'sql', at(5, 10)));
  for (const id of ids(1, 4)) push(stage(id, 'opportunity', at(6, 12)));
  for (const id of ids(1, 2)) push(stage(id, 'customer', at(20, 12)));
  // An older duplicate of an MQL arriving late keeps the first time; a repeat later does not move it.
  push(stage('L1', 'mql', at(9, 10)));
  // Assignment at MQL time: L1–L5 rep r1 of team t1, L6–L10 rep r2 of team t2.
  for (const id of ids(1, 5)) push(assign(id, 'r1', 't1', at(3, 10)));
  for (const id of ids(6, 10)) push(assign(id, 'r2', 't2', at(3, 10)));
  // First sales contact: 1..5 hours for L1–L5, a day for L6–L7, two days for L8–L9, none for L10.
  for (const [i, id] of ids(1, 5).entries()) push(activity(id, 'r1', at(3, 10) + (i + 1) * H));
  for (const id of ids(6, 7)) push(activity(id, 'r2', at(4, 10)));
  for (const id of ids(8, 9)) push(activity(id, 'r2', at(5, 10)));
  push(activity('L1', 'r1', at(8, 10)));
  // Dispositions: L1–L7 accepted after a day, L8 (bad fit) and L9 (no budget) rejected after two; L10 none.
  for (const id of ids(1, 7)) push(dispose(id, 'accepted', null, at(4, 10)));
  push(dispose('L8', 'rejected', 'bad_fit', at(5, 10)));
  push(dispose('L9', 'rejected', 'no_budget', at(5, 10)));
  // Response SLA: met on business hours 1..5 (L1–L5) and 8 (L6–L7), breached for L8–L9.
  // L1's met record arrives before its older running one; L5 is breached, then corrected to met.
  for (const [i, id] of ids(1, 5).entries())
    push(
      sla(id, 'response', 'met', {
        rep: 'r1',
        team: 't1',
        sequence: 2,
        resolvedAt: at(3, 10) + (i + 1) * H,
        businessHours: i + 1,
        occurredAt: at(3, 10) + (i + 1) * H,
      }),
    );
  push(sla('L1', 'response', 'running', { rep: 'r1', team: 't1', sequence: 1, occurredAt: at(3, 10) }));
  push(sla('L5', 'response', 'breached', { rep: 'r1', team: 't1', sequence: 1, occurredAt: at(3, 14) }));
  for (const id of ids(6, 7))
    push(
      sla(id, 'response', 'met', {
        rep: 'r2',
        team: 't2',
        sequence: 2,
        resolvedAt: at(4, 10),
        businessHours: 8,
        occurredAt: at(4, 10),
      }),
    );
  // L8 was answered late (16 business hours, still a breach); L9 never was.
  push(
    sla('L8', 'response', 'breached', {
      rep: 'r2',
      team: 't2',
      sequence: 3,
      resolvedAt: at(5, 10),
      businessHours: 16,
      occurredAt: at(5, 10),
    }),
  );
  push(sla('L9', 'response', 'breached', { rep: 'r2', team: 't2', sequence: 2, occurredAt: at(3, 14) }));
  // Disposition SLA: met for L1–L8, breached for L9, still running for L10.
  for (const id of ids(1, 5))
    push(
      sla(id, 'disposition', 'met', {
        rep: 'r1',
        team: 't1',
        sequence: 2,
        resolvedAt: at(4, 10),
        occurredAt: at(4, 10),
      }),
    );
  for (const id of ids(6, 8))
    push(
      sla(id, 'disposition', 'met', {
        rep: 'r2',
        team: 't2',
        sequence: 2,
        resolvedAt: at(5, 10),
        occurredAt: at(5, 10),
      }),
    );
  push(sla('L9', 'disposition', 'breached', { rep: 'r2', team: 't2', sequence: 2, occurredAt: at(3, 14) }));
  push(sla('L10', 'disposition', 'running', { rep: 'r2', team: 't2', sequence: 1, occurredAt: at(3, 10) }));
  // Opportunities: O1 $100k and O2 $50k won after 14 days, O3 $30k open, O4 $20k lost, O5 $10k
  // (direct first touch: influenced, not sourced), O6 $5k (no touch at all).
  push(opportunity('O1', ['L1'], 100_000, 'open', at(6, 12), 'a1'));
  push(opportunity('O2', ['L2'], 50_000, 'open', at(6, 12)));
  push(opportunity('O3', ['L3'], 30_000, 'open', at(6, 12)));
  push(opportunity('O4', ['L4'], 20_000, 'open', at(6, 12)));
  push(opportunity('O5', ['L9'], 10_000, 'open', at(6, 12)));
  push(opportunity('O6', ['L11'], 5_000, 'open', at(6, 12)));
  push(opportunity('O1', ['L1'], 100_000, 'won', at(20, 12), 'a1'));
  push(opportunity('O2', ['L2'], 50_000, 'won', at(20, 12)));
  push(opportunity('O4', ['L4'], 20_000, 'lost', at(25, 12)));
  // Costs: $20k of paid search over November, $10k of email over its first 15 days (corrected from $8k).
  push(cost('k1', 'c-search', 'paid_search', 20_000, at(1, 0), Date.UTC(2026, 11, 1), at(1, 0)));
  push(cost('k2', 'c-mail', 'email', 10_000, at(1, 0), at(16, 0), at(16, 1)));
  push(cost('k2', 'c-mail', 'email', 8_000, at(1, 0), at(16, 0), at(15, 1)));
  // Credits: O1's won revenue first all paid search, then superseded (60k search, 40k email); O2 all email; an MQL conversion counts no revenue.
  push(
    credit(
      'w1',
      'won',
      100_000,
      2,
      [
        ['paid_search', 60_000],
        ['email', 40_000],
      ],
      at(20, 13),
    ),
  );
  push(credit('w1', 'won', 100_000, 1, [['paid_search', 100_000]], at(20, 12)));
  push(credit('w2', 'won', 50_000, 1, [['email', 50_000]], at(20, 12)));
  push(credit('m1', 'mql', 1_000, 1, [['email', 1_000]], at(3, 10)));
  // Volume SLA: target 12 MQLs in November; the final evaluation (10 MQLs, 7 accepted) beats a late provisional one.
  push(volume(10, 7, true, at(30, 23)));
  push(volume(5, 3, false, at(15, 0)));
  // Accounts: a1, a2, a4 Tier 1; a3 was Tier 1, now Tier 2 (its newer score arrives first).
  push(
    account('a1', 'tier_1', at(1, 0)),
    account('a2', 'tier_1', at(1, 0)),
    account('a4', 'tier_1', at(1, 0)),
  );
  push(account('a3', 'tier_2', at(10, 0)), account('a3', 'tier_1', at(1, 0)));
  // L13, seen first (Nov 1, a social touch), is merged into L12: L12 then counts from Nov 1 with a social first touch.
  push(
    lead('L13', at(1, 9), { employees: 5000, region: 'EMEA' }),
    touch('L13', at(1, 9), 'social', 'c-social'),
  );
  push(
    entry<LeadsMerged>('merges', {
      leadId: 'L12',
      mergedLeadIds: ['L13'],
      anonymousIds: [],
      reason: 'same email',
      occurredAt: at(12, 9),
    }),
  );
  // L3's profile, then its erasure.
  push(
    entry<LeadProfile>('profiles', {
      leadId: 'L3',
      email: 'l3@example.com',
      firstName: 'Lee',
      lastName: 'Three',
      title: null,
      personalTraits: null,
      source: 'web',
      occurredAt: at(2, 9),
    }),
    entry<LeadErased>('erasures', {
      leadId: 'L3',
      erasureId: 'x1',
      requestedBy: 'dpo',
      occurredAt: at(28, 9),
    }),
  );
  return log;
}

type Runner = { execute(events: readonly Incoming<never>[], tx: ReportingTx): Promise<void> };

/** The Kafka-side use case of each topic of the log. */
export function topicUseCases(settings: RollupSettings): Record<Topic, Runner> {
  return {
    leads: new RecordLeads(settings),
    profiles: new RecordProfiles(),
    touchpoints: new RecordTouchpoints(settings),
    activities: new RecordSalesActivities(settings),
    dispositions: new RecordDispositions(settings),
    opportunities: new RecordOpportunities(settings),
    costs: new RecordCosts(settings),
    merges: new MergeLeads(settings),
    erasures: new EraseLeads(),
    scores: new RecordScores(settings),
    lifecycle: new RecordLifecycle(settings),
    accounts: new RecordAccountScores(),
    assignments: new RecordAssignments(settings),
    sla: new RecordSlaStatuses(),
    volume: new RecordVolumeEvaluations(),
    credits: new RecordCredits(settings),
  } as Record<Topic, Runner>;
}

/** Applies the log in batches: consecutive entries of one topic form a batch of at most `batchSize`. */
export async function applyLog(
  log: readonly LogEntry[],
  tx: ReportingTx,
  settings: RollupSettings,
  batchSize = 50,
): Promise<void> {
  const useCases = topicUseCases(settings);
  let i = 0;
  while (i < log.length) {
    const topic = log[i]!.topic;
    const batch: Incoming<never>[] = [];
    while (i < log.length && log[i]!.topic === topic && batch.length < batchSize)
      batch.push(log[i++]!.event as Incoming<never>);
    await useCases[topic].execute(batch, tx);
  }
}
