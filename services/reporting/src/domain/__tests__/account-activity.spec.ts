import { activityDelta, leadActivity, opportunityActivity } from '../account-activity';
import { newLead, type LeadRecord } from '../lead-record';
import { newOpportunity } from '../opportunity-record';

// 31 Dec 2026 is a Thursday of ISO week 2026-W53; 1 Jan 2027 is in the same ISO week.
const NEW_YEARS_EVE = Date.UTC(2026, 11, 31, 23, 30);

const lead = (accountId: string | null, mql: number | null, mergedInto: string | null = null): LeadRecord => {
  const l = newLead('l1');
  return {
    ...l,
    profile: { at: 0, value: { source: 'web', region: 'emea', segment: 'smb', accountId } },
    milestones: { ...l.milestones, lead: 0, mql },
    mergedInto,
  };
};

describe('account activity', () => {
  it('counts a lead’s first MQL under its account in its quarter, month and ISO week', () => {
    expect(leadActivity(lead('acme', NEW_YEARS_EVE))).toEqual([
      { accountId: 'acme', period: '2026-Q4', kind: 'mql', count: 1 },
      { accountId: 'acme', period: '2026-12', kind: 'mql', count: 1 },
      { accountId: 'acme', period: '2026-W53', kind: 'mql', count: 1 },
    ]);
  });

  it('counts nothing for a lead without an account, without an MQL, or merged away', () => {
    expect(leadActivity(lead(null, NEW_YEARS_EVE))).toEqual([]);
    expect(leadActivity(lead('acme', null))).toEqual([]);
    expect(leadActivity(lead('acme', NEW_YEARS_EVE, 'l2'))).toEqual([]);
  });

  it('counts an opportunity first seen under its account', () => {
    const o = {
      ...newOpportunity('o1'),
      state: { at: 0, value: { accountId: 'acme', status: 'open', amount: null, leadIds: [] } },
      createdAt: Date.UTC(2027, 0, 4),
    };
    expect(opportunityActivity(o).map((a) => `${a.kind} ${a.period}`)).toEqual([
      'opportunity 2027-Q1',
      'opportunity 2027-01',
      'opportunity 2027-W01',
    ]);
    expect(opportunityActivity({ ...o, state: null })).toEqual([]);
  });

  it('moves a lead’s count from its old account to its new one, and drops what cancels out', () => {
    const before = leadActivity(lead('old', NEW_YEARS_EVE));
    const after = leadActivity(lead('new', NEW_YEARS_EVE));
    const d = activityDelta(before, after);
    expect(d.map((a) => `${a.accountId} ${a.period} ${a.count}`)).toEqual([
      'new 2026-12 1',
      'new 2026-Q4 1',
      'new 2026-W53 1',
      'old 2026-12 -1',
      'old 2026-Q4 -1',
      'old 2026-W53 -1',
    ]);
    expect(activityDelta(before, before)).toEqual([]);
  });

  it('sums the activity of several records per account and period', () => {
    const two = [...leadActivity(lead('acme', NEW_YEARS_EVE)), ...leadActivity(lead('acme', NEW_YEARS_EVE))];
    expect(activityDelta([], two).map((a) => a.count)).toEqual([2, 2, 2]);
  });
});
