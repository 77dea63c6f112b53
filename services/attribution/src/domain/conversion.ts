import type { Money } from './credit-journey';

/** What converted: a lead's MQL or SQL milestone, an opportunity created, or won (with revenue). */
export type ConversionKind = 'mql' | 'sql' | 'opportunity' | 'won';

/** Whose touches make the journey of a conversion. */
export type JourneyScope = 'lead' | 'account' | 'opportunity_contacts';

/** How an opportunity's buying group is drawn: every lead of its account, or only its contacts (Marketo Measure's mapping). */
export type BuyingGroup = 'account' | 'opportunity_contacts';

export type Conversion = {
  /** `mql:<leadId>:<cycle>`, `sql:<leadId>:<cycle>`, `opportunity:<id>`, `won:<id>` (see conversionId). */
  readonly id: string;
  readonly kind: ConversionKind;
  readonly at: number;
  readonly leadId: string | null;
  readonly opportunityId: string | null;
  readonly accountId: string | null;
  readonly revenue: Money | null;
};

/** Stable ids: one conversion per lead milestone and cycle, one per opportunity created and won. */
export const conversionId = {
  lead: (kind: 'mql' | 'sql', leadId: string, cycle: number): string => `${kind}:${leadId}:${cycle}`,
  opportunity: (kind: 'opportunity' | 'won', opportunityId: string): string => `${kind}:${opportunityId}`,
};

/**
 * The journey scope of a conversion: a lead's own milestones are the lead's journey; an
 * opportunity's is its buying group, the account's leads unless the setting says its contacts, or
 * when it has no account.
 */
export const scopeOf = (kind: ConversionKind, accountId: string | null, group: BuyingGroup): JourneyScope =>
  kind === 'mql' || kind === 'sql'
    ? 'lead'
    : group === 'account' && accountId !== null
      ? 'account'
      : 'opportunity_contacts';
