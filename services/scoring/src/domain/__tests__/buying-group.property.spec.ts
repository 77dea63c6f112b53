import fc from 'fast-check';
import { placeContribution, type AccountMembers, type LeadContribution } from '../buying-group';
import { SENIORITIES } from '../lead-signals';
import { scoreAccount } from '../score-account';
import { AT } from './builders';
import { alignedIcp, idealAccount } from './icp-builders';

const engagement = fc.double({ min: 0, max: 200, noNaN: true }).map((n) => Math.round(n * 100) / 100);
const arbContribution = (leadId: string) =>
  fc.record({
    leadId: fc.constant(leadId),
    engagement,
    total: engagement,
    band: fc.constantFrom('hot', 'mql', 'nurture', 'cold', 'disqualified' as const),
    seniority: fc.constantFrom(...SENIORITIES),
  }) as fc.Arbitrary<LeadContribution>;

const arbMembers: fc.Arbitrary<AccountMembers> = fc
  .uniqueArray(fc.stringMatching(/^l[0-9]{1,3}$/), { maxLength: 12 })
  .chain((ids) => fc.tuple(...ids.map(arbContribution)))
  .map((list) => Object.fromEntries(list.map((c) => [c.leadId, c])));

const profiles = fc.constantFrom(idealAccount(), idealAccount({ industry: 'retail' }), { properties: {} });

describe('account engagement (property)', () => {
  it('never decreases when a lead engages: more engagement for a member, or a new engaged member', () => {
    fc.assert(
      fc.property(
        arbMembers,
        profiles,
        arbContribution('lnew'),
        engagement,
        (members, profile, newcomer, more) => {
          const before = scoreAccount(alignedIcp, profile, members, AT);
          const ids = Object.keys(members);
          const target = ids.length ? (ids[Math.floor(more) % ids.length] ?? 'lnew') : 'lnew';
          const existing = members[target];
          const engaged: LeadContribution =
            existing === undefined ? newcomer : { ...existing, engagement: existing.engagement + more };
          const after = scoreAccount(alignedIcp, profile, { ...members, [target]: engaged }, AT);
          expect(after.engagement).toBeGreaterThanOrEqual(before.engagement);
          expect(after.total).toBeGreaterThanOrEqual(before.total);
          expect(after.group.engagedLeads).toBeGreaterThanOrEqual(before.group.engagedLeads);
          expect(after.group.seniorityLevels.length).toBeGreaterThanOrEqual(
            before.group.seniorityLevels.length,
          );
        },
      ),
    );
  });
});

describe('moving a lead between accounts (property)', () => {
  const sumOf = (accounts: ReadonlyMap<string, AccountMembers>): number =>
    [...accounts.values()].reduce(
      (sum, members) => sum + Object.values(members).reduce((s, c) => s + c.engagement, 0),
      0,
    );

  it('conserves the sum of contributions over all accounts, and the lead is in exactly one', () => {
    fc.assert(
      fc.property(
        fc.array(arbMembers, { minLength: 2, maxLength: 4 }),
        fc.nat(),
        fc.nat(),
        (memberLists, fromIndex, toIndex) => {
          // Each lead belongs to one account at most: give each account its own lead ids.
          const accounts = new Map<string, AccountMembers>(
            memberLists.map((members, a) => [
              `acct-${a}`,
              Object.fromEntries(
                Object.values(members).map((c) => [`${c.leadId}-${a}`, { ...c, leadId: `${c.leadId}-${a}` }]),
              ),
            ]),
          );
          const ids = [...accounts.keys()];
          const from = ids[fromIndex % ids.length] ?? 'acct-0';
          const to = ids[toIndex % ids.length] ?? 'acct-0';
          const lead = Object.values(accounts.get(from) ?? {})[0];
          fc.pre(lead !== undefined);
          if (lead === undefined) return;
          const changed = placeContribution(accounts, lead.leadId, { accountId: to, contribution: lead });
          const after = new Map([...accounts, ...changed]);
          expect(sumOf(after)).toBeCloseTo(sumOf(accounts), 6);
          expect([...after.values()].filter((m) => Object.hasOwn(m, lead.leadId))).toHaveLength(1);
          expect(Object.hasOwn(after.get(to) ?? {}, lead.leadId)).toBe(true);
        },
      ),
    );
  });
});
