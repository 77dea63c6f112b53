import type { LeadSlaKind, LeadSlaPolicy, PolicyMatch } from './sla-policy';

/** What is known of a lead when its clock starts (null: not known yet, matches only "any"). */
export type LeadFacts = {
  readonly band: string | null;
  readonly teamId: string | null;
  readonly region: string | null;
  readonly source: string | null;
};

const fits = (allowed: readonly string[], value: string | null): boolean =>
  allowed.length === 0 || (value !== null && allowed.includes(value));

export const matches = (m: PolicyMatch, lead: LeadFacts): boolean =>
  fits(m.bands, lead.band) &&
  fits(m.teams, lead.teamId) &&
  fits(m.regions, lead.region) &&
  fits(m.sources, lead.source);

const specificity = (m: PolicyMatch): number =>
  [m.bands, m.teams, m.regions, m.sources].filter((l) => l.length > 0).length;

/**
 * The policy of a kind that applies to a lead: among the matching ones (latest versions), the
 * highest priority; on a tie the more specific (more conditions), then the smaller id, so the
 * choice never depends on storage order. Undefined when none matches: no clock starts.
 */
export const selectPolicy = (
  policies: readonly LeadSlaPolicy[],
  kind: LeadSlaKind,
  lead: LeadFacts,
): LeadSlaPolicy | undefined =>
  policies
    .filter((p) => p.kind === kind && matches(p.appliesTo, lead))
    .sort(
      (a, b) =>
        b.priority - a.priority ||
        specificity(b.appliesTo) - specificity(a.appliesTo) ||
        (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    )[0];
