import { initialLifecycleState } from '..';
import { mergeLifecycles } from '../merge-lifecycles';

describe('merging lifecycles', () => {
  it('takes the merged lead state when it got further than the survivor, uniting open opportunities', () => {
    const survivor = { ...initialLifecycleState(5), openOpportunityIds: ['o2'] };
    const merged = { stage: 'sal' as const, enteredAt: 3, mqlCycle: 1, openOpportunityIds: ['o1'] };
    expect(mergeLifecycles(survivor, merged)).toEqual({
      stage: 'sal',
      enteredAt: 3,
      mqlCycle: 1,
      openOpportunityIds: ['o1', 'o2'],
    });
  });

  it('keeps the survivor state when it is at least as far', () => {
    const survivor = { stage: 'mql' as const, enteredAt: 9, mqlCycle: 2, openOpportunityIds: [] };
    expect(mergeLifecycles(survivor, initialLifecycleState(1))).toEqual(survivor);
  });
});
