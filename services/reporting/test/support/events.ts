import type {
  AccountScored,
  AttributionCredited,
  CampaignCostRecorded,
  Channel,
  Disposition,
  DispositionReason,
  LeadAssigned,
  LeadDispositioned,
  LeadScored,
  LifecycleChanged,
  LifecycleStage,
  OpportunityStatus,
  OpportunityUpdated,
  SalesActivityRecorded,
  SlaKind,
  SlaStatus,
  SlaStatusChanged,
  TouchpointRecorded,
  VolumeSlaEvaluated,
} from '@smarketing/contracts';

// Events as their writers produce them, with the fields the read models ignore set to plain
// defaults; `over` changes any field. Ids are derived from the arguments, so a builder called
// twice with the same arguments gives the same event.

/** A lead-upserted event as ingestion writes it, at event time `at` (epoch ms). */
export { leadUpserted } from '@smarketing/service-testing';

export const touchpointRecorded = (
  leadId: string,
  at: number,
  channel: Channel,
  campaignId: string | null,
  over: Partial<TouchpointRecorded> = {},
): TouchpointRecorded => ({
  touchpointId: `tp:${leadId}:${at}`,
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
  source: 'test',
  occurredAt: at,
  ...over,
});

export const leadScored = (
  leadId: string,
  at: number,
  total: number,
  band: LeadScored['band'],
  over: Partial<LeadScored> = {},
): LeadScored => ({
  leadId,
  modelId: 'aligned',
  modelVersion: 1,
  fit: Math.floor(total / 2),
  engagement: total - Math.floor(total / 2),
  total,
  band,
  previousBand: null,
  firedRules: [],
  adjustments: [],
  disqualifiedBy: null,
  cause: 'test',
  occurredAt: at,
  ...over,
});

export const lifecycleChanged = (
  leadId: string,
  from: LifecycleStage | null,
  to: LifecycleStage,
  at: number,
  over: Partial<LifecycleChanged> = {},
): LifecycleChanged => ({
  leadId,
  from,
  to,
  causeKind: 'score',
  causeDetail: `to ${to}`,
  causeEventId: null,
  reason: null,
  cycle: 1,
  repId: null,
  occurredAt: at,
  ...over,
});

export const leadAssigned = (
  leadId: string,
  at: number,
  repId: string,
  teamId: string | null,
  over: Partial<LeadAssigned> = {},
): LeadAssigned => ({
  assignmentId: `as:${leadId}:${at}`,
  leadId,
  repId,
  previousRepId: null,
  teamId,
  ruleId: null,
  ruleVersion: null,
  kind: 'initial',
  reason: 'test',
  queueId: null,
  poolId: null,
  via: 'pool',
  cycle: 1,
  rotationPosition: null,
  causeEventId: null,
  candidates: [],
  occurredAt: at,
  ...over,
});

export const salesActivityRecorded = (
  leadId: string,
  at: number,
  repId: string,
  over: Partial<SalesActivityRecorded> = {},
): SalesActivityRecorded => ({
  activityId: `act:${leadId}:${at}`,
  leadId,
  repId,
  kind: 'call',
  outcome: null,
  occurredAt: at,
  ...over,
});

export const leadDispositioned = (
  leadId: string,
  at: number,
  repId: string,
  disposition: Disposition,
  reason: DispositionReason | null,
  over: Partial<LeadDispositioned> = {},
): LeadDispositioned => ({
  dispositionId: `disp:${leadId}:${at}`,
  leadId,
  repId,
  disposition,
  reason,
  occurredAt: at,
  ...over,
});

/** One SLA record's status (`sequence` orders the statuses of one record). */
export const slaStatusChanged = (
  s: {
    readonly leadId: string;
    readonly kind: SlaKind;
    readonly status: SlaStatus;
    readonly sequence: number;
    readonly startedAt: number;
    readonly dueAt: number;
    readonly at: number;
    readonly repId: string | null;
    readonly teamId: string | null;
    readonly resolvedAt?: number | null;
    readonly elapsedBusinessMs?: number | null;
  },
  over: Partial<SlaStatusChanged> = {},
): SlaStatusChanged => ({
  slaRecordId: `sla:${s.leadId}:${s.kind}:${s.startedAt}`,
  leadId: s.leadId,
  policyId: `${s.kind}-default`,
  repId: s.repId,
  kind: s.kind,
  status: s.status,
  startedAt: s.startedAt,
  dueAt: s.dueAt,
  resolvedAt: s.resolvedAt ?? null,
  elapsedBusinessMs: s.elapsedBusinessMs ?? null,
  occurredAt: s.at,
  step:
    s.status === 'running'
      ? 'started'
      : s.status === 'met'
        ? 'met'
        : s.status === 'breached'
          ? 'breached'
          : 'unknown',
  sequence: s.sequence,
  supersedesSequence: null,
  teamId: s.teamId,
  assignmentId: null,
  policyVersion: 1,
  calendarId: null,
  calendarVersion: null,
  band: null,
  firstActionAt: s.resolvedAt ?? null,
  causeKind: 'timer',
  causeId: null,
  causeDetail: 'test',
  ...over,
});

export const opportunityUpdated = (
  opportunityId: string,
  at: number,
  leadIds: readonly string[],
  status: OpportunityStatus,
  amountMinor: number,
  over: Partial<OpportunityUpdated> = {},
): OpportunityUpdated => ({
  opportunityId,
  accountId: null,
  name: null,
  stage: status,
  status,
  amount: { amountMinor, currency: 'USD' },
  closeDate: null,
  leadIds,
  created: status === 'open',
  occurredAt: at,
  ...over,
});

/** A cost line as ingestion writes it: its period in whole days since the epoch (Avro `date`), the last one included. */
export const campaignCostRecorded = (
  costId: string,
  campaignId: string,
  channel: Channel,
  firstDay: number,
  lastDay: number,
  amountMinor: number,
  over: Partial<CampaignCostRecorded> = {},
): CampaignCostRecorded => ({
  costId,
  campaignId,
  campaignName: null,
  channel,
  periodStart: firstDay,
  periodEnd: lastDay,
  amount: { amountMinor, currency: 'USD' },
  occurredAt: (lastDay + 1) * 86_400_000,
  ...over,
});

/** A won conversion's credits, split evenly over the channels given. */
export const attributionCredited = (
  conversionId: string,
  at: number,
  revenueMinor: number,
  channels: readonly { readonly channel: Channel; readonly campaignId: string | null }[],
  over: Partial<AttributionCredited> = {},
): AttributionCredited => ({
  conversionId,
  conversionKind: 'won',
  leadId: null,
  opportunityId: null,
  accountId: null,
  model: 'linear',
  revenue: { amountMinor: revenueMinor, currency: 'USD' },
  credits: channels.map((c, i) => ({
    touchpointId: `${conversionId}:t${i}`,
    campaignId: c.campaignId,
    channel: c.channel,
    weight: 1 / channels.length,
    amountMinor: null,
    touchKind: 'touchpoint',
    touchedAt: null,
    anchors: [],
    weightLow: null,
    weightHigh: null,
  })),
  modelId: 'linear',
  creditId: `${conversionId}:v1`,
  version: 1,
  supersedes: null,
  anchorsUsed: [],
  journeyScope: 'lead',
  touchCount: channels.length,
  settingsVersion: 1,
  occurredAt: at,
  ...over,
});

export const accountScored = (
  accountId: string,
  at: number,
  tier: AccountScored['tier'],
  band: AccountScored['band'],
  over: Partial<AccountScored> = {},
): AccountScored => ({
  accountId,
  accountDomain: null,
  accountName: null,
  icpId: 'aligned',
  icpVersion: 1,
  fit: 50,
  engagement: 20,
  total: 70,
  tier,
  previousTier: null,
  band,
  previousBand: null,
  firedRules: [],
  excludedBy: null,
  leads: 1,
  engagedLeads: 1,
  leadEngagement: 20,
  seniorityLevels: [],
  hottestLeadId: null,
  hottestLeadTotal: null,
  cause: 'test',
  occurredAt: at,
  ...over,
});

export const volumeSlaEvaluated = (
  policyId: string,
  segment: string,
  periodStart: number,
  periodEnd: number,
  at: number,
  actualMqls: number,
  over: Partial<VolumeSlaEvaluated> = {},
): VolumeSlaEvaluated => ({
  evaluationId: `vol:${policyId}:${periodStart}:${at}`,
  policyId,
  periodStart,
  periodEnd,
  targetMqls: 100,
  actualMqls,
  status: actualMqls >= 100 ? 'met' : 'on_track',
  occurredAt: at,
  policyVersion: 1,
  period: 'week',
  segment,
  projectedMqls: null,
  acceptedMqls: Math.floor(actualMqls / 2),
  acceptedShare: null,
  qualityFloor: null,
  qualityStatus: null,
  final: at >= periodEnd,
  supersedesEvaluationId: null,
  ...over,
});
