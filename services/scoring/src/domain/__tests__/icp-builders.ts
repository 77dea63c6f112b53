// Test builders for the ICP and account specs (not a spec itself).
import alignedIcpJson from '../../../icp/aligned.v1.json';
import type { Band } from '../band';
import type { LeadContribution } from '../buying-group';
import type { AccountProfile, Icp } from '../icp';
import type { Seniority } from '../lead-signals';
import { parseIcp } from '../parse-icp';

export const loadIcp = (document: unknown): Icp => {
  const result = parseIcp(document);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.icp;
};
export const alignedIcp = loadIcp(alignedIcpJson);
export const alignedIcpDocument = alignedIcpJson as unknown as Record<string, unknown>;

/** 450 people, software, US (NA), revenue 50M: every fit rule of the aligned ICP but enterprise size. */
export const idealAccount = (overrides: Partial<AccountProfile> = {}): AccountProfile => ({
  domain: 'acme.com',
  name: 'Acme',
  employeeCount: 450,
  industry: 'software',
  country: 'US',
  region: 'NA',
  properties: { annualRevenue: 50_000_000 },
  ...overrides,
});

export const contribution = (
  leadId: string,
  engagement: number,
  seniority: Seniority = 'unknown',
  total = engagement,
  band: Band = 'cold',
): LeadContribution => ({ leadId, engagement, total, band, seniority });

export const membersOf = (...contributions: LeadContribution[]): Record<string, LeadContribution> =>
  Object.fromEntries(contributions.map((c) => [c.leadId, c]));
