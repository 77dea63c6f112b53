import {
  scopeOf,
  type AttributionSettings,
  type Conversion,
  type JourneyScope,
  type Milestones,
  type Touch,
} from '../../domain';
import type { AttributionTx } from '../ports/transactions.port';

const DAY_MS = 86_400_000;

/** What a conversion's journey is drawn from: its scope's touches (unfiltered) and milestones. */
export type ConversionJourney = {
  readonly conversion: Conversion;
  readonly scope: JourneyScope;
  readonly touches: readonly Touch[];
  readonly milestones: Milestones;
};

/**
 * The journeys of several conversions, in a few set-based queries: the opportunities, the leads of
 * each scope (a lead; an account's leads plus the opportunity's contacts; or the contacts only),
 * and their touches over the union of the windows. Lead creation of a buying group is its earliest
 * lead's; won is the opportunity's first won update. Nothing is locked: the conversions are.
 */
export const conversionJourneys = async (
  conversions: readonly Conversion[],
  settings: AttributionSettings,
  tx: AttributionTx,
): Promise<ConversionJourney[]> => {
  if (!conversions.length) return [];
  const opportunities = await tx.facts.readOpportunities(
    conversions.flatMap((c) => (c.opportunityId ? [c.opportunityId] : [])),
  );
  const scopes = conversions.map((c) => ({
    c,
    scope: scopeOf(c.kind, c.accountId, settings.buyingGroup),
    opportunity: c.opportunityId ? opportunities.get(c.opportunityId) : undefined,
  }));
  const accounts = await tx.facts.leadIdsOfAccounts([
    ...new Set(scopes.flatMap((s) => (s.scope === 'account' && s.c.accountId ? [s.c.accountId] : []))),
  ]);
  const leadsOf = (s: (typeof scopes)[number]): string[] => {
    switch (s.scope) {
      case 'lead':
        return s.c.leadId ? [s.c.leadId] : [];
      case 'account':
        // The account's leads, and contacts on the opportunity not (yet) matched to the account.
        return [
          ...new Set([...(accounts.get(s.c.accountId ?? '') ?? []), ...(s.opportunity?.leadIds ?? [])]),
        ];
      case 'opportunity_contacts':
        return [...(s.opportunity?.leadIds ?? [])];
      default: {
        const never: never = s.scope;
        throw new Error(`unknown scope ${String(never)}`);
      }
    }
  };
  const scoped = scopes.map((s) => ({ ...s, leadIds: leadsOf(s) }));
  const allLeads = [...new Set(scoped.flatMap((s) => s.leadIds))];
  const leads = await tx.facts.readLeads(allLeads);
  const from = Math.min(...conversions.map((c) => c.at)) - settings.lookbackDays * DAY_MS;
  const to = Math.max(...conversions.map((c) => c.at));
  const touchesByLead = new Map<string, Touch[]>();
  for (const t of await tx.facts.touchesOf(allLeads, from, to)) {
    const list = touchesByLead.get(t.leadId);
    if (list) list.push(t);
    else touchesByLead.set(t.leadId, [t]);
  }
  return scoped.map((s) => {
    const created = s.leadIds
      .map((id) => leads.get(id)?.createdAt ?? null)
      .filter((x): x is number => x !== null);
    return {
      conversion: s.c,
      scope: s.scope,
      touches: s.leadIds.flatMap((id) => touchesByLead.get(id) ?? []),
      milestones: {
        leadCreatedAt: created.length ? Math.min(...created) : null,
        opportunityCreatedAt: s.opportunity?.createdAt ?? null,
        wonAt: s.c.kind === 'won' ? (s.opportunity?.wonAt ?? s.c.at) : null,
      },
    };
  });
};
