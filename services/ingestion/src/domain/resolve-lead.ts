import { anonymousLeadId } from './anonymous-lead-id';
import { deriveLeadId } from './derive-lead-id';
import type { NormalizedEmail } from './normalize-email';

/** External id -> lead id, per identity kind, as known so far (stored links and the batch's earlier calls). */
export type KnownIdentities = {
  readonly anonymous: ReadonlyMap<string, string>;
  readonly user: ReadonlyMap<string, string>;
};

/** What identity resolution looks at in a call: its ids, and the email it names (identify calls only). */
export type IdentityClaims = {
  readonly userId?: string | undefined;
  readonly anonymousId?: string | undefined;
  readonly email: NormalizedEmail | null;
};

/** The lead a call belongs to, and the leads an identify may merge into it (placeholders are checked later). */
export type LeadResolution = { readonly leadId: string; readonly candidates: readonly string[] };

/** Placeholder of a userId never linked to an email (separate names from anonymousIds). */
export const userPlaceholderId = (userId: string): string => anonymousLeadId(`user:${userId}`);

const unique = (values: readonly (string | undefined)[]): string[] => [
  ...new Set(values.filter((v): v is string => v !== undefined)),
];

/**
 * Which lead a call belongs to. A call naming an email belongs to the email's lead, and the leads
 * its userId and anonymousId point at (or would get as placeholders) are candidates to merge into
 * it. Any other call belongs to the lead its userId, else its anonymousId, is linked to; unlinked,
 * to the placeholder of its userId, else of its anonymousId. Validation guarantees one of the two.
 */
export function resolveLead(call: IdentityClaims, known: KnownIdentities): LeadResolution {
  const { userId, anonymousId, email } = call;
  if (email !== null) {
    const leadId = deriveLeadId(email);
    const candidates = unique([
      userId === undefined ? undefined : (known.user.get(userId) ?? userPlaceholderId(userId)),
      anonymousId === undefined
        ? undefined
        : (known.anonymous.get(anonymousId) ?? anonymousLeadId(anonymousId)),
    ]).filter((id) => id !== leadId);
    return { leadId, candidates };
  }
  const linked =
    (userId !== undefined ? known.user.get(userId) : undefined) ??
    (anonymousId !== undefined ? known.anonymous.get(anonymousId) : undefined);
  const leadId =
    linked ?? (userId !== undefined ? userPlaceholderId(userId) : anonymousLeadId(anonymousId as string));
  return { leadId, candidates: [] };
}
