import fc from 'fast-check';
import { isSalesReadyBand } from '../band';
import { replayLead, type BacktestLead } from '../backtest-model';
import { DAY_MS } from '../duration';
import { TOUCHPOINT_TYPES, type LeadProfile } from '../lead-signals';
import { scoreLead } from '../score-lead';
import type { ScoringModel } from '../scoring-model';
import { AT, aligned, alignedGuarded, marketingView, profile, salesView } from './builders';

const period = { from: AT - 30 * DAY_MS, to: AT };
const RANK = { hot: 4, mql: 3, nurture: 2, cold: 1, disqualified: 0 } as const;

/** The obvious replay: score at every moment, keep the highest band (then total). */
const naive = (model: ScoringModel, lead: BacktestLead) => {
  const moments = [
    ...new Set(
      [
        ...lead.touchpoints.map((t) => t.occurredAt),
        ...(lead.profileAt === null ? [] : [lead.profileAt]),
      ].filter((m) => m >= period.from && m <= period.to),
    ),
  ].sort((a, b) => a - b);
  let best: { band: keyof typeof RANK; total: number } | undefined;
  let mql = false;
  for (const at of moments) {
    const p: LeadProfile =
      lead.profile !== null && lead.profileAt !== null && at >= lead.profileAt
        ? lead.profile
        : { seniority: 'unknown', properties: {} };
    const s = scoreLead(model, { profile: p, touchpoints: lead.touchpoints }, at);
    mql ||= isSalesReadyBand(s.band);
    if (
      best === undefined ||
      RANK[s.band] > RANK[best.band] ||
      (s.band === best.band && s.total > best.total)
    )
      best = { band: s.band, total: s.total };
  }
  return best === undefined ? undefined : { ...best, mql };
};

const profiles = fc.constantFrom<LeadProfile>(
  profile({ employeeCount: 500, industry: 'software', region: 'NA', seniority: 'director' }),
  profile({ employeeCount: 500, industry: 'software' }),
  profile({ isFreeMail: true, seniority: 'c_level_vp' }),
  profile({ emailDomain: 'hubspot.com', employeeCount: 500 }),
  profile({ isStudent: true }),
);
const time = fc.integer({ min: period.from - 40 * DAY_MS, max: period.to + 5 * DAY_MS });
const lead: fc.Arbitrary<BacktestLead> = fc.record({
  leadId: fc.constant('lead'),
  profile: fc.option(profiles, { nil: null }),
  profileAt: time,
  touchpoints: fc.array(
    fc.record({ touchpointId: fc.uuid(), type: fc.constantFrom(...TOUCHPOINT_TYPES), occurredAt: time }),
    { maxLength: 15 },
  ),
  outcome: fc.constant(null),
});

describe('replayLead (property)', () => {
  it.each([
    ['aligned (a 30-day window)', aligned],
    ['aligned-guarded (caps, decay)', alignedGuarded],
    ['marketing view', marketingView],
    ['sales view', salesView],
  ])('finds the same peak band, total and MQL as scoring at every moment: %s', (_, model) => {
    fc.assert(
      fc.property(lead, (l) => {
        const fast = replayLead(model, l, period);
        const slow = naive(model, l);
        expect(
          fast === undefined ? undefined : { band: fast.score.band, total: fast.score.total, mql: fast.mql },
        ).toEqual(slow);
      }),
      { numRuns: 300 },
    );
  });
});
