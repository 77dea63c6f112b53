import { placeContribution, rollUpBuyingGroup } from '../buying-group';
import { contribution, membersOf } from './icp-builders';

describe('rollUpBuyingGroup', () => {
  it('counts the seniority levels covered by engaged people, most senior first', () => {
    const group = rollUpBuyingGroup(
      membersOf(
        contribution('a', 10, 'manager'),
        contribution('b', 20, 'c_level_vp'),
        contribution('c', 5, 'director'),
      ),
      5,
    );
    expect(group.seniorityLevels).toEqual(['c_level_vp', 'director', 'manager']);
    expect(group.engagedLeads).toBe(3);
  });

  it('counts one level for many people at the same level: three interns are one level', () => {
    const group = rollUpBuyingGroup(
      membersOf(
        contribution('a', 50, 'individual_contributor'),
        contribution('b', 50, 'individual_contributor'),
        contribution('c', 50, 'individual_contributor'),
      ),
      5,
    );
    expect(group.seniorityLevels).toEqual(['individual_contributor']);
    expect(group.engagedLeads).toBe(3);
  });

  it('never counts unknown seniority as a level, but counts the person', () => {
    const group = rollUpBuyingGroup(membersOf(contribution('a', 50, 'unknown')), 5);
    expect(group).toMatchObject({ engagedLeads: 1, seniorityLevels: [] });
  });

  it('leaves people below the engagement threshold out of people and coverage, not out of the engagement sum', () => {
    const group = rollUpBuyingGroup(
      membersOf(contribution('a', 4.5, 'c_level_vp'), contribution('b', 10, 'manager')),
      5,
    );
    expect(group).toMatchObject({
      leads: 2,
      engagedLeads: 1,
      leadEngagement: 14.5,
      seniorityLevels: ['manager'],
    });
  });

  it('counts distinct people: a lead placed twice is one member', () => {
    let accounts = new Map([['acme', membersOf()]]);
    for (let i = 0; i < 2; i++) {
      accounts = new Map([
        ...accounts,
        ...placeContribution(accounts, 'lead-1', {
          accountId: 'acme',
          contribution: contribution('lead-1', 10 + i, 'director'),
        }),
      ]);
    }
    const group = rollUpBuyingGroup(accounts.get('acme') ?? {}, 5);
    expect(group).toMatchObject({ leads: 1, engagedLeads: 1, leadEngagement: 11 });
  });

  it('names the hottest lead (highest total, then the smallest lead id)', () => {
    const group = rollUpBuyingGroup(
      membersOf(
        contribution('b', 10, 'manager', 80, 'hot'),
        contribution('a', 10, 'manager', 80, 'hot'),
        contribution('c', 30, 'manager', 60, 'mql'),
      ),
      5,
    );
    expect(group.hottestLead).toEqual({ leadId: 'a', total: 80, band: 'hot' });
    expect(rollUpBuyingGroup({}, 5).hottestLead).toBeNull();
  });
});

describe('placeContribution', () => {
  it('moves a lead out of its old account into the new one and reports both as changed', () => {
    const accounts = new Map([
      ['old', membersOf(contribution('l', 10), contribution('x', 3))],
      ['new', membersOf()],
    ]);
    const changed = placeContribution(accounts, 'l', {
      accountId: 'new',
      contribution: contribution('l', 10),
    });
    expect(Object.keys(changed.get('old') ?? {})).toEqual(['x']);
    expect(Object.keys(changed.get('new') ?? {})).toEqual(['l']);
  });

  it('removes a merged or erased lead from every account', () => {
    const accounts = new Map([['acme', membersOf(contribution('l', 10))]]);
    expect(placeContribution(accounts, 'l', null).get('acme')).toEqual({});
  });

  it('reports nothing when the contribution is unchanged', () => {
    const accounts = new Map([['acme', membersOf(contribution('l', 10))]]);
    expect(
      placeContribution(accounts, 'l', { accountId: 'acme', contribution: contribution('l', 10) }).size,
    ).toBe(0);
  });
});
