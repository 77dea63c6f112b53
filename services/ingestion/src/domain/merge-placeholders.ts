import type { LeadPatch } from './lead-record';

/** A lead an identify may merge: its current patch (stored and batch folded), and where it was merged to. */
export type MergeCandidate = {
  readonly leadId: string;
  readonly lead: LeadPatch | undefined;
  readonly mergedInto: string | null;
};

export type PlaceholderMerge = {
  readonly merged: readonly string[];
  readonly anonymousIds: readonly string[];
};

/**
 * What an identify's merge absorbs: the candidates that are placeholders (known, with no email, not
 * merged already), and the anonymous ids the survivor gains (the placeholders', then the call's).
 * Nothing, not even the call's anonymousId, when no candidate is a placeholder.
 */
export function mergePlaceholders(
  candidates: readonly MergeCandidate[],
  anonymousId: string | undefined,
): PlaceholderMerge {
  const placeholders = candidates.filter(
    (c) => c.lead !== undefined && c.lead.email === null && c.mergedInto === null,
  );
  if (placeholders.length === 0) return { merged: [], anonymousIds: [] };
  const anonymousIds = placeholders.flatMap((c) => c.lead?.anonymousIds ?? []);
  if (anonymousId !== undefined) anonymousIds.push(anonymousId);
  return { merged: placeholders.map((c) => c.leadId), anonymousIds };
}
