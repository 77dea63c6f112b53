import { parseBusinessCalendar } from '../business-calendar.schema';
import { selectCalendar } from '../select-calendar';
import { selectPolicy } from '../select-policy';
import { parsePolicy } from '../sla-policy.schema';
import { responsePolicy } from './builders';
import { officeCalendar } from './calendars';

describe('calendar documents', () => {
  const valid = {
    id: 'emea-sales',
    version: 1,
    name: 'EMEA sales',
    timeZone: 'Europe/Berlin',
    week: { mon: [{ from: '09:00', to: '17:00' }] },
    holidays: { regions: [{ country: 'DE' }], dates: ['2026-12-24'] },
    appliesTo: { regions: ['EMEA'] },
  };

  it('accepts a valid calendar and fills the defaults', () => {
    const r = parseBusinessCalendar(valid);
    expect(r.ok && r.value.holidays).toEqual({
      regions: [{ country: 'DE' }],
      dates: ['2026-12-24'],
      workingDates: [],
    });
  });

  it('names every bad field by its path', () => {
    const r = parseBusinessCalendar({
      ...valid,
      timeZone: 'Mars/Olympus',
      week: { mon: [{ from: '17:00', to: '09:00' }], tue: [{ from: '9am', to: '17:00' }] },
      holidays: { regions: [{ country: 'XX' }], dates: ['2026-02-30'] },
    });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.errors.map((e) => e.path).sort()).toEqual([
      'holidays.dates[0]',
      'holidays.regions[0].country',
      'timeZone',
      'week.mon[0].to',
      'week.tue[0].from',
    ]);
  });

  it('refuses overlapping hours and a week without working time', () => {
    const overlap = parseBusinessCalendar({
      ...valid,
      week: {
        mon: [
          { from: '09:00', to: '13:00' },
          { from: '12:00', to: '17:00' },
        ],
      },
    });
    expect(!overlap.ok && overlap.errors).toEqual([
      { path: 'week.mon[1].from', message: 'overlaps 09:00-13:00' },
    ]);
    const empty = parseBusinessCalendar({ ...valid, week: {} });
    expect(!empty.ok && empty.errors).toEqual([
      { path: 'week', message: 'must have working hours on at least one weekday' },
    ]);
  });
});

describe('policy documents', () => {
  const valid = {
    id: 'response-hot',
    version: 1,
    name: 'Hot leads within 1 business hour',
    kind: 'response',
    appliesTo: { bands: ['hot'] },
    target: { kind: 'business', hours: 1 },
    warningAt: 0.75,
  };

  it('accepts a valid policy and fills the defaults', () => {
    const r = parsePolicy(valid);
    expect(r.ok && r.value).toMatchObject({
      priority: 0,
      calendarId: null,
      escalateAfter: null,
      onDisposition: {},
    });
  });

  it('names every bad field by its path', () => {
    const r = parsePolicy({
      ...valid,
      appliesTo: { bands: ['lukewarm'] },
      target: { kind: 'business', hours: 0 },
      warningAt: 1.5,
      onDisposition: { recycled: 'snooze' },
    });
    expect(!r.ok && r.errors.map((e) => e.path).sort()).toEqual([
      'appliesTo.bands[0]',
      'onDisposition.recycled',
      'target.hours',
      'warningAt',
    ]);
  });

  it('refuses an unknown kind and unknown fields', () => {
    expect(!parsePolicy({ ...valid, kind: 'happiness' }).ok).toBe(true);
    const r = parsePolicy({ ...valid, targett: 1 });
    expect(!r.ok && r.errors.map((e) => e.path)).toEqual(['(root)']);
  });

  it('validates a volume policy', () => {
    const r = parsePolicy({
      id: 'v',
      version: 1,
      name: 'v',
      kind: 'volume',
      period: 'fortnight',
      timeZone: 'UTC',
      targetMqls: 0,
    });
    expect(!r.ok && r.errors.map((e) => e.path).sort()).toEqual(['period', 'targetMqls']);
  });
});

describe('which policy and calendar apply', () => {
  const any = responsePolicy({ id: 'response-default', target: { kind: 'business', hours: 24 } });
  const hot = responsePolicy({
    id: 'response-hot',
    appliesTo: { bands: ['hot'], teams: [], regions: [], sources: [] },
  });
  const hotEmea = responsePolicy({
    id: 'response-hot-emea',
    appliesTo: { bands: ['hot'], teams: [], regions: ['EMEA'], sources: [] },
  });
  const lead = { band: 'hot', teamId: 't1', region: 'EMEA', source: null };

  it('takes the more specific of equal priority, then the higher priority', () => {
    expect(selectPolicy([any, hot, hotEmea], 'response', lead)?.id).toBe('response-hot-emea');
    expect(selectPolicy([any, hot, hotEmea], 'response', { ...lead, region: 'NA' })?.id).toBe('response-hot');
    expect(selectPolicy([any, hot, { ...any, priority: 5 }], 'response', lead)?.id).toBe('response-default');
  });

  it('falls back to a policy without conditions when the band is not known yet', () => {
    expect(selectPolicy([any, hot], 'response', { ...lead, band: null })?.id).toBe('response-default');
    expect(selectPolicy([hot], 'response', { ...lead, band: null })).toBeUndefined();
    expect(selectPolicy([hot], 'disposition', lead)).toBeUndefined();
  });

  it("uses the policy's calendar, else the team's, else the region's, else default", () => {
    const cals = [
      officeCalendar('UTC', {}, 'default'),
      { ...officeCalendar('Europe/Berlin', {}, 'emea'), appliesTo: { teams: [], regions: ['EMEA'] } },
      { ...officeCalendar('Europe/London', {}, 'team-uk'), appliesTo: { teams: ['t1'], regions: [] } },
    ];
    expect(selectCalendar(cals, 'emea', 't1', 'NA')?.id).toBe('emea');
    expect(selectCalendar(cals, null, 't1', 'EMEA')?.id).toBe('team-uk');
    expect(selectCalendar(cals, null, 't2', 'EMEA')?.id).toBe('emea');
    expect(selectCalendar(cals, null, null, null)?.id).toBe('default');
    expect(selectCalendar(cals, 'missing', null, null)).toBeUndefined();
  });
});
