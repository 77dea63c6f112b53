import type { Touch } from '../../domain';
import type { LeadFacts } from '../ports/fact-store.port';
import type { AttributionTx } from '../ports/transactions.port';
import type { Recredit } from './recredit';

/**
 * Records touches and recredits the conversions whose journeys they fall in. Touches of an erased
 * lead from before its erasure are dropped (a late replay must not bring the person back); a touch
 * of a lead never seen creates a placeholder lead (no cross-topic order: the profile may come later).
 */
export const applyTouches = async (
  touches: readonly (Touch & { readonly accountId: string | null })[],
  tx: AttributionTx,
  recredit: Recredit,
): Promise<void> => {
  if (!touches.length) return;
  const leadIds = [...new Set(touches.map((t) => t.leadId))];
  const erased = await tx.facts.erasures(leadIds);
  const kept = touches.filter((t) => {
    const e = erased.get(t.leadId);
    return e === undefined || t.at > e.at;
  });
  if (!kept.length) return;
  const known = await tx.facts.leads(leadIds);
  const fresh = new Map<string, LeadFacts>();
  for (const t of kept) {
    const lead = fresh.get(t.leadId) ?? known.get(t.leadId);
    if (!lead)
      fresh.set(t.leadId, { leadId: t.leadId, accountId: t.accountId, createdAt: null, profileAt: null });
    else if (lead.accountId === null && t.accountId !== null)
      fresh.set(t.leadId, { ...lead, accountId: t.accountId });
  }
  await tx.facts.saveLeads([...fresh.values()]);
  const inserted = await tx.facts.addTouches(kept.map(({ accountId: _, ...t }) => t));
  if (!inserted.length) return;
  const settings = await tx.settings.latest();
  const accounts = new Set<string>();
  for (const id of new Set(inserted.map((t) => t.leadId))) {
    const a = (fresh.get(id) ?? known.get(id))?.accountId;
    if (a) accounts.add(a);
  }
  const ats = inserted.map((t) => t.at);
  const affected = await tx.conversions.affected(
    [...new Set(inserted.map((t) => t.leadId))],
    [...accounts],
    Math.min(...ats),
    Math.max(...ats),
    settings?.settings.lookbackDays ?? 0,
  );
  await recredit.execute(affected, tx);
};
