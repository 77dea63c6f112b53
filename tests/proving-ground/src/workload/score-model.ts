import type { IndustrySlug } from './companies';
import type { Seniority } from './people';
import type { Region } from './sales-org';

// The generator's reading of scoring's bundled default model (services/scoring/models/aligned.v1.json):
// enough to plan journeys that end in each band and to know which event makes a lead an MQL. It is
// a plan, not a check: scoring decides; the README says how far the two may differ.

export type Band = 'hot' | 'mql' | 'nurture' | 'cold';

export type FitFacts = {
  readonly employees: number | null;
  readonly industry: IndustrySlug | null;
  readonly region: Region | null;
  /** null until a title is known. */
  readonly seniority: Seniority | null;
  readonly freeMail: boolean;
};

const TARGET_INDUSTRIES: readonly IndustrySlug[] = ['software', 'saas', 'fintech'];
const TARGET_REGIONS: readonly Region[] = ['NA', 'EMEA'];
const SENIORITY_POINTS: Readonly<Record<Seniority, number>> = {
  c_level_vp: 25,
  director: 15,
  manager: 10,
  individual_contributor: 0,
};

/** Company size 100-1,000 (25), target industry (15), NA/EMEA (10), seniority, free mail -10; never below 0. */
export function fitPoints(facts: FitFacts): number {
  const size = facts.employees !== null && facts.employees >= 100 && facts.employees <= 1000 ? 25 : 0;
  const industry = facts.industry !== null && TARGET_INDUSTRIES.includes(facts.industry) ? 15 : 0;
  const geography = facts.region !== null && TARGET_REGIONS.includes(facts.region) ? 10 : 0;
  const seniority = facts.seniority === null ? 0 : SENIORITY_POINTS[facts.seniority];
  return Math.max(0, size + industry + geography + seniority - (facts.freeMail ? 10 : 0));
}

/** What a lead did so far, by the touchpoint types the model scores (each rule counts once). */
export type Engagement = {
  readonly pageViews: number;
  /** Pricing page views within the last 30 days. */
  readonly pricingViews: number;
  readonly contentDownloads: number;
  readonly demoRequests: number;
};

export const NO_ENGAGEMENT: Engagement = {
  pageViews: 0,
  pricingViews: 0,
  contentDownloads: 0,
  demoRequests: 0,
};

/** Demo request 30, 3 pricing views in 30 days 20, a content download 10, any page view 5. */
export function engagementPoints(e: Engagement): number {
  return (
    (e.demoRequests > 0 ? 30 : 0) +
    (e.pricingViews >= 3 ? 20 : 0) +
    (e.contentDownloads > 0 ? 10 : 0) +
    (e.pageViews + e.pricingViews > 0 ? 5 : 0)
  );
}

export function bandOf(total: number): Band {
  if (total >= 75) return 'hot';
  if (total >= 60) return 'mql';
  if (total >= 45) return 'nurture';
  return 'cold';
}

/** Sales-ready: the bands that make a lead an MQL (and so routed). */
export const isSalesReady = (total: number): boolean => total >= 60;
