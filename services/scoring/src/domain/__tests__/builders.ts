// Test builders shared by the domain specs (not a spec itself).
import alignedGuardedJson from '../../../models/aligned-guarded.v1.json';
import alignedJson from '../../../models/aligned.v1.json';
import marketingJson from '../../../models/marketing-view.v1.json';
import salesJson from '../../../models/sales-view.v1.json';
import { DAY_MS } from '../duration';
import type { LeadProfile, LeadSignals, Touchpoint, TouchpointType } from '../lead-signals';
import { parseScoringModel } from '../parse-scoring-model';
import type { ScoringModel } from '../scoring-model';

export const AT = Date.UTC(2025, 2, 15, 12, 0, 0);
export const HOUR_MS = 3_600_000;
export const daysBefore = (days: number, at = AT): number => at - days * DAY_MS;

const load = (document: unknown): ScoringModel => {
  const result = parseScoringModel(document);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.model;
};
export const aligned = load(alignedJson);
export const alignedGuarded = load(alignedGuardedJson);
export const marketingView = load(marketingJson);
export const salesView = load(salesJson);

export const profile = (overrides: Partial<LeadProfile> = {}): LeadProfile => ({
  emailDomain: 'acme.test',
  isFreeMail: false,
  seniority: 'unknown',
  properties: {},
  ...overrides,
});

let sequence = 0;
export const touch = (
  type: TouchpointType,
  occurredAt = AT,
  touchpointId = `tp-${++sequence}`,
): Touchpoint => ({ touchpointId, type, occurredAt });
export const times = (n: number, type: TouchpointType, occurredAt = AT): Touchpoint[] =>
  Array.from({ length: n }, () => touch(type, occurredAt));

export const signals = (p: Partial<LeadProfile> = {}, touchpoints: Touchpoint[] = []): LeadSignals => ({
  profile: profile(p),
  touchpoints,
});

/** Company fit 50 (45 in the marketing view): 100-1,000 employees, target industry, target region. */
export const fullCompanyFit: Partial<LeadProfile> = {
  employeeCount: 500,
  industry: 'software',
  region: 'NA',
  country: 'US',
};

/** A minimal valid model document that specs tweak to provoke one error at a time. */
export const minimalModelDocument = (): Record<string, unknown> => ({
  id: 'test',
  version: 1,
  name: 'Test',
  description: 'Test model',
  targetIndustries: ['software'],
  targetCountries: ['US'],
  targetRegions: ['NA'],
  competitorDomains: ['rival.example'],
  rules: [
    { id: 'fit-size', kind: 'fit', name: 'size', points: 10, condition: { kind: 'employee_count', min: 10 } },
    { id: 'visit', kind: 'engagement', name: 'visits', points: 5, touchpointTypes: ['page_view'] },
  ],
  disqualifiers: [{ id: 'dq-student', reason: 'student', condition: { kind: 'student' } }],
  caps: { total: 100, fit: 60, engagement: 60, groups: {} },
  bands: [
    { band: 'hot', min: 75 },
    { band: 'mql', min: 60 },
    { band: 'nurture', min: 45 },
    { band: 'cold', min: 0 },
  ],
});

export const modelFrom = (document: Record<string, unknown>): ScoringModel => load(document);
