/** What the ingestion service emits about a lead: the only input the score depends on (besides the model and time). */
import {
  REGION_SYMBOLS,
  SENIORITY_SYMBOLS,
  TOUCHPOINT_TYPE_SYMBOLS,
  type Region,
  type Seniority,
  type TouchpointType,
} from '@smarketing/contracts';

export type { Region, Seniority, TouchpointType };

export const TOUCHPOINT_TYPES = TOUCHPOINT_TYPE_SYMBOLS;
export const SENIORITIES = SENIORITY_SYMBOLS;
export const REGIONS = REGION_SYMBOLS;

export type PropertyValue = string | number | boolean;

export type LeadProfile = {
  /** Lower-case domain of the lead's email, e.g. "acme.com". */
  emailDomain?: string;
  isFreeMail?: boolean;
  /** undefined = not known; only `true` counts as a student. */
  isStudent?: boolean;
  seniority: Seniority;
  employeeCount?: number;
  /** Normalized industry slug, e.g. "software", "it-services". */
  industry?: string;
  /** ISO 3166-1 alpha-2, upper case. */
  country?: string;
  region?: Region;
  properties: Readonly<Record<string, PropertyValue>>;
};

export type Touchpoint = {
  touchpointId: string;
  /** pricing_page_view is a page view of a pricing page: it is not also sent as page_view. */
  type: TouchpointType;
  /** Event time, epoch milliseconds. */
  occurredAt: number;
};

export type LeadSignals = {
  profile: LeadProfile;
  touchpoints: readonly Touchpoint[];
};
