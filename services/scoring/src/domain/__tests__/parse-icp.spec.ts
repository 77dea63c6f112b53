import { parseIcp } from '../parse-icp';
import { alignedIcpDocument } from './icp-builders';

const withChanges = (changes: Record<string, unknown>) => ({ ...alignedIcpDocument, ...changes });
const errorsOf = (document: unknown) => {
  const result = parseIcp(document);
  return result.ok ? [] : result.errors;
};

describe('parseIcp', () => {
  it('accepts the bundled aligned ICP', () => {
    expect(parseIcp(alignedIcpDocument).ok).toBe(true);
  });

  it('names the field of a negative engagement weight (engagement must never lower an account)', () => {
    const engagement = { ...(alignedIcpDocument.engagement as object), pointsPerSeniorityLevel: -5 };
    expect(errorsOf(withChanges({ engagement }))).toEqual([
      {
        path: 'engagement.pointsPerSeniorityLevel',
        message: 'must be >= 0 (engagement never lowers an account)',
      },
    ]);
  });

  it('refuses tiers out of order, and tier names out of rank', () => {
    expect(
      errorsOf(
        withChanges({
          tiers: [
            { tier: 'tier_2', min: 80 },
            { tier: 'tier_1', min: 50 },
          ],
        }),
      ).map((e) => e.path),
    ).toEqual(['tiers[1].tier']);
    expect(
      errorsOf(
        withChanges({
          tiers: [
            { tier: 'tier_1', min: 50 },
            { tier: 'tier_2', min: 50 },
          ],
        }),
      ).map((e) => e.path),
    ).toEqual(['tiers[1].min']);
  });

  it('needs the lowest band to start at 0', () => {
    expect(errorsOf(withChanges({ bands: [{ band: 'hot', min: 100 }] }))).toEqual([
      { path: 'bands[0].min', message: 'the lowest band must start at 0 so that every total has a band' },
    ]);
  });

  it('refuses duplicate ids across rules and exclusions, and bad conditions with their path', () => {
    const rules = alignedIcpDocument.rules as { id: string }[];
    const errors = errorsOf(
      withChanges({
        exclusions: [
          { id: rules[0]?.id, reason: 'dup', condition: { kind: 'industry_in', industries: ['x'] } },
          { id: 'bad', reason: 'bad', condition: { kind: 'employee_count', min: 10, max: 5 } },
          { id: 'worse', reason: 'worse', condition: { kind: 'country_in', countries: ['us'] } },
        ],
      }),
    );
    expect(errors.map((e) => e.path)).toEqual([
      'exclusions[1].condition.min',
      'exclusions[2].condition.countries[0]',
      'exclusions[0].id',
    ]);
    const duplicate = errorsOf(
      withChanges({
        exclusions: [
          { id: rules[0]?.id, reason: 'dup', condition: { kind: 'industry_in', industries: ['x'] } },
        ],
      }),
    );
    expect(duplicate).toEqual([
      { path: 'exclusions[0].id', message: 'duplicate id "size-mid-market" (also rules[0])' },
    ]);
  });

  it('refuses unknown fields', () => {
    expect(errorsOf(withChanges({ tier1: 5 })).map((e) => e.path)).toEqual(['(root)']);
  });
});
