import type { OpportunityUpdated } from '@smarketing/contracts';
import { earliest, latest, type Stamped } from './stamped';

/** What an opportunity borrows from its primary lead (the first it lists): the dashboard's dimensions. */
export type LeadDims = {
  readonly segment: string;
  readonly region: string;
  /** The first-touch channel, `none` without a touchpoint. */
  readonly channel: string;
  readonly team: string;
  readonly firstTouchAt: number | null;
};

export type OpportunityRecord = {
  readonly opportunityId: string;
  readonly state: Stamped<{
    readonly accountId: string | null;
    readonly status: string;
    readonly amount: { readonly amountMinor: number; readonly currency: string } | null;
    readonly leadIds: readonly string[];
  }> | null;
  readonly createdAt: number | null;
  /** The first time it was seen in each closed status, so a reopened and re-won deal keeps its first close. */
  readonly firstWonAt: number | null;
  readonly firstLostAt: number | null;
  /** Refreshed whenever the opportunity or its primary lead changes. */
  readonly lead: LeadDims | null;
};

export const newOpportunity = (opportunityId: string): OpportunityRecord => ({
  opportunityId,
  state: null,
  createdAt: null,
  firstWonAt: null,
  firstLostAt: null,
  lead: null,
});

export const withOpportunityUpdate = (
  o: OpportunityRecord,
  e: OpportunityUpdated,
  at: number,
): OpportunityRecord => ({
  ...o,
  state: latest(o.state, {
    value: { accountId: e.accountId, status: e.status, amount: e.amount, leadIds: e.leadIds },
    at,
  }),
  createdAt: earliest(o.createdAt, at),
  firstWonAt: e.status === 'won' ? earliest(o.firstWonAt, at) : o.firstWonAt,
  firstLostAt: e.status === 'lost' ? earliest(o.firstLostAt, at) : o.firstLostAt,
});

export const primaryLeadId = (o: OpportunityRecord): string | null => o.state?.value.leadIds[0] ?? null;
