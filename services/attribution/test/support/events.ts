import type {
  LeadErased,
  LifecycleChanged,
  OpportunityUpdated,
  SalesActivityRecorded,
  TouchpointRecorded,
} from '@smarketing/contracts';

/** Events as ingestion and scoring write them, at event time `at` (epoch ms). */
export { leadUpserted } from '@smarketing/service-testing';

export const touchpoint = (
  leadId: string,
  touchpointId: string,
  at: number,
  channel: TouchpointRecorded['channel'],
  over: Partial<TouchpointRecorded> = {},
): TouchpointRecorded => ({
  touchpointId,
  leadId,
  anonymousId: null,
  type: 'page_view',
  eventName: 'Page Viewed',
  url: null,
  path: '/',
  referrer: null,
  campaignId: null,
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

export const salesActivity = (leadId: string, activityId: string, at: number): SalesActivityRecorded => ({
  activityId,
  leadId,
  repId: 'rep-1',
  kind: 'call',
  outcome: 'connected',
  occurredAt: at,
});

export const lifecycleChanged = (
  leadId: string,
  from: LifecycleChanged['from'],
  to: LifecycleChanged['to'],
  at: number,
  cycle = 0,
): LifecycleChanged => ({
  leadId,
  from,
  to,
  causeKind: 'score',
  causeDetail: 'test',
  causeEventId: null,
  reason: null,
  cycle,
  repId: null,
  occurredAt: at,
});

export const opportunityUpdated = (
  opportunityId: string,
  at: number,
  over: Partial<OpportunityUpdated> = {},
): OpportunityUpdated => ({
  opportunityId,
  accountId: null,
  name: null,
  stage: 'discovery',
  status: 'open',
  amount: null,
  closeDate: null,
  leadIds: [],
  created: false,
  occurredAt: at,
  ...over,
});

export const leadErased = (leadId: string, at: number): LeadErased => ({
  leadId,
  erasureId: `erasure-${leadId}`,
  requestedBy: 'test-key',
  occurredAt: at,
});
