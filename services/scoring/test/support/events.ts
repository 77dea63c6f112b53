import { randomUUID } from 'node:crypto';
import type {
  LeadDispositioned,
  LeadUpserted,
  OpportunityUpdated,
  TouchpointRecorded,
  TouchpointType,
} from '@smarketing/contracts';
import { leadUpserted } from '@smarketing/service-testing';

/** Builders of the events ingestion produces, with defaults that score nothing unless asked. */
export { leadUpserted };

/** Fit 65 under the aligned model: company 25 + 15 + 10, director 15 (the table's points add up, no cap). */
export const fitLead = (leadId: string, at: number, over: Partial<LeadUpserted> = {}): LeadUpserted =>
  leadUpserted(leadId, at, {
    employeeCount: 500,
    industry: 'software',
    country: 'US',
    region: 'NA',
    seniority: 'director',
    ...over,
  });

export const touchpoint = (leadId: string, type: TouchpointType, at: number): TouchpointRecorded => ({
  touchpointId: randomUUID(),
  leadId,
  anonymousId: null,
  type,
  eventName: type,
  url: null,
  path: null,
  referrer: null,
  campaignId: null,
  utmSource: null,
  utmMedium: null,
  utmCampaign: null,
  utmTerm: null,
  utmContent: null,
  channel: 'direct',
  accountId: null,
  extraProperties: null,
  source: 'test',
  occurredAt: at,
});

export const disposition = (
  leadId: string,
  kind: LeadDispositioned['disposition'],
  at: number,
  reason: LeadDispositioned['reason'] = null,
): LeadDispositioned => ({
  dispositionId: randomUUID(),
  leadId,
  repId: 'rep-7',
  disposition: kind,
  reason,
  occurredAt: at,
});

export const opportunity = (
  opportunityId: string,
  leadIds: string[],
  status: OpportunityUpdated['status'],
  at: number,
  created = false,
): OpportunityUpdated => ({
  opportunityId,
  accountId: null,
  name: 'Deal',
  stage: status === 'open' ? 'discovery' : status,
  status,
  amount: { amountMinor: 1_000_000, currency: 'USD' },
  closeDate: null,
  leadIds,
  created,
  occurredAt: at,
});
