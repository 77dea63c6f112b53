export { ACCOUNT_ID_NAMESPACE, deriveAccountId } from './derive-account-id';
export { matchAccount, type AccountMatch, type AccountMatchInput } from './match-account';
export { ANONYMOUS_LEAD_ID_NAMESPACE, anonymousLeadId } from './anonymous-lead-id';
export { CHANNELS, channelOf, type Channel } from './channel-of';
export { COUNTRIES, type CountryRecord } from './country-table';
export { normalizeCountry } from './normalize-country';
export { isDisposableDomain } from './is-disposable-domain';
export { normalizeDomain, type NormalizedDomain } from './normalize-domain';
export { normalizeEmail, type NormalizedEmail, type NormalizedEmailResult } from './normalize-email';
export { employeeBand, type EmployeeBand } from './employee-band';
export { parseEmployeeCount, type EmployeeCount } from './parse-employee-count';
export { segmentEventTime, type SegmentTimes, type TimeInput } from './segment-event-time';
export { boundExtras, DEFAULT_EXTRAS_MAX_BYTES, type BoundedExtras } from './bound-extras';
export { isFreeMailDomain } from './is-free-mail-domain';
export { INDUSTRIES, normalizeIndustry, type Industry } from './normalize-industry';
export { deriveLeadId, LEAD_ID_NAMESPACE } from './derive-lead-id';
export { toMinorUnits, type MinorUnitsResult } from './to-minor-units';
export { classifyPage } from './classify-page';
export { regionOf, type Region } from './region-of';
export { seniorityFromTitle, type Seniority } from './seniority-from-title';
export { type TouchpointClassification, type TouchpointType } from './touchpoint-type';
export { classifyTrack } from './classify-track';
export { parseUtm, type ClickIdKind, type Utm, type UtmInput } from './parse-utm';
export { emailOfIdentify } from './email-of-identify';
export {
  type AccountRecord,
  type IdentityKind,
  type IdentityLink,
  type LeadPatch,
  type LeadRecord,
} from './lead-record';
export { mergePatch } from './merge-patch';
export { mergePlaceholders, type MergeCandidate, type PlaceholderMerge } from './merge-placeholders';
export { needsPlaceholder, placeholderPatch } from './placeholder-patch';
export {
  resolveLead,
  userPlaceholderId,
  type IdentityClaims,
  type KnownIdentities,
  type LeadResolution,
} from './resolve-lead';
export { uuidV5 } from '@smarketing/contracts';
export { isPersonalTrait, splitPersonalTraits, type SplitTraits } from './split-personal-traits';
