import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bandOf, engagementPoints, fitPoints, NO_ENGAGEMENT } from '../score-model';

// The generator plans bands with its own reading of scoring's default model; this pins that reading
// to the model file itself (read as data), so a change to the agreed table shows up here.
type Rule = {
  id: string;
  points: number;
  condition?: Record<string, unknown>;
  minCount?: number;
  withinDays?: number;
};
const model = JSON.parse(
  readFileSync(join(__dirname, '../../../../../services/scoring/models/aligned.v1.json'), 'utf8'),
) as {
  targetIndustries: string[];
  targetRegions: string[];
  rules: Rule[];
  bands: { band: string; min: number }[];
};
const points = (id: string): number => model.rules.find((r) => r.id === id)?.points ?? NaN;

const nobody = { employees: null, industry: null, region: null, seniority: null, freeMail: false } as const;

describe("the generator's reading of the aligned model", () => {
  it('gives the fit points of the model file', () => {
    expect(fitPoints({ ...nobody, employees: 100 })).toBe(points('fit-employee-count'));
    expect(fitPoints({ ...nobody, employees: 1001 })).toBe(0);
    for (const industry of model.targetIndustries)
      expect(fitPoints({ ...nobody, industry: industry as never })).toBe(points('fit-target-industry'));
    for (const region of model.targetRegions)
      expect(fitPoints({ ...nobody, region: region as never })).toBe(points('fit-geography'));
    expect(fitPoints({ ...nobody, seniority: 'c_level_vp' })).toBe(points('fit-seniority-c-level-vp'));
    expect(fitPoints({ ...nobody, seniority: 'director' })).toBe(points('fit-seniority-director'));
    expect(fitPoints({ ...nobody, seniority: 'manager' })).toBe(points('fit-seniority-manager'));
    expect(fitPoints({ ...nobody, seniority: 'director', freeMail: true })).toBe(
      points('fit-seniority-director') + points('fit-free-mail'),
    );
    expect(fitPoints({ ...nobody, freeMail: true })).toBe(0); // never below 0
  });

  it('gives the engagement points of the model file, each rule once', () => {
    const pricing = model.rules.find((r) => r.id === 'engagement-pricing-page') as Rule;
    expect(engagementPoints({ ...NO_ENGAGEMENT, pageViews: 4 })).toBe(points('engagement-website-visit'));
    expect(engagementPoints({ ...NO_ENGAGEMENT, pricingViews: (pricing.minCount ?? 0) - 1 })).toBe(
      points('engagement-website-visit'),
    );
    expect(engagementPoints({ ...NO_ENGAGEMENT, pricingViews: pricing.minCount ?? 0 })).toBe(
      points('engagement-website-visit') + pricing.points,
    );
    expect(engagementPoints({ ...NO_ENGAGEMENT, demoRequests: 2 })).toBe(points('engagement-demo-request'));
    expect(engagementPoints({ ...NO_ENGAGEMENT, contentDownloads: 3 })).toBe(
      points('engagement-content-download'),
    );
  });

  it("uses the model file's bands", () => {
    for (const { band, min } of model.bands) {
      expect(bandOf(min)).toBe(band);
      if (min > 0) expect(bandOf(min - 0.01)).not.toBe(band);
    }
  });
});
