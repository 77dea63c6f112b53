import { checkRulesAgainstOrg, parseRoutingRules } from '../routing-rules.schema';
import { parseWith } from '../field-errors';
import { repSchema } from '../sales-org.schema';
import { rep, salesOrg } from './builders';

const validRules = {
  version: 1,
  name: 'Rules',
  description: 'Test',
  rules: [{ id: 'all', name: 'All', pool: 'p' }],
  pools: [{ id: 'p', name: 'P', teamId: 'team', strategy: 'round_robin', members: [{ repId: 'a' }] }],
  queues: [{ id: 'q', name: 'Q' }],
  defaultQueue: 'q',
};

describe('routing rules documents', () => {
  it('accepts a minimal document and fills the defaults', () => {
    const parsed = parseRoutingRules(validRules);
    expect(parsed.ok).toBe(true);
    if (parsed.ok)
      expect(parsed.value.rules[0]).toMatchObject({
        when: [],
        accountOwnerFirst: true,
        whenNobodyEligible: { action: 'hold' },
        sla: { onBreach: 'reassign', maxReassignments: 2 },
      });
  });

  it('names every bad field by its path', () => {
    const parsed = parseRoutingRules({
      ...validRules,
      rules: [
        { id: 'all', name: 'All', pool: 'nope', when: [{ field: 'colour', in: ['red'] }] },
        { id: 'all', name: 'Again', pool: 'p', whenNobodyEligible: { action: 'queue', queue: 'missing' } },
      ],
      pools: [{ ...validRules.pools[0], strategy: 'random', members: [{ repId: 'a', weight: 0 }] }],
      defaultQueue: 'other',
    });
    expect(parsed.ok).toBe(false);
    const paths = parsed.ok ? [] : parsed.errors.map((e) => e.path);
    expect(paths).toEqual(
      expect.arrayContaining(['rules[0].when[0].field', 'pools[0].strategy', 'pools[0].members[0].weight']),
    );
  });

  it('checks references inside the document once its shape is right', () => {
    const parsed = parseRoutingRules({
      ...validRules,
      rules: [
        { id: 'all', name: 'All', pool: 'nope' },
        { id: 'all', name: 'Again', pool: 'p', whenNobodyEligible: { action: 'queue', queue: 'missing' } },
      ],
      defaultQueue: 'other',
    });
    expect(parsed.ok ? [] : parsed.errors).toEqual(
      expect.arrayContaining([
        { path: 'rules[0].pool', message: 'no pool "nope"' },
        { path: 'rules[1].id', message: 'duplicate id "all" (also rules[0])' },
        { path: 'rules[1].whenNobodyEligible.queue', message: 'no queue "missing"' },
        { path: 'defaultQueue', message: 'no queue "other"' },
      ]),
    );
  });

  it('accepts conditions on the account tier and band with the symbols of the account-scored schema', () => {
    const parsed = parseRoutingRules({
      ...validRules,
      rules: [
        {
          id: 'top',
          name: 'Top accounts',
          pool: 'p',
          when: [
            { field: 'accountTier', in: ['tier_1', 'tier_2', 'tier_3', 'untiered', 'excluded'] },
            { field: 'accountBand', in: ['hot', 'warm', 'cold', 'excluded'] },
          ],
        },
      ],
    });
    expect(parsed.ok ? parsed.value.rules[0]?.when : parsed.errors).toEqual([
      { field: 'accountTier', in: ['tier_1', 'tier_2', 'tier_3', 'untiered', 'excluded'] },
      { field: 'accountBand', in: ['hot', 'warm', 'cold', 'excluded'] },
    ]);
  });

  it('names the value of an account tier or band that is not a symbol (unknown included)', () => {
    const parsed = parseRoutingRules({
      ...validRules,
      rules: [
        {
          id: 'top',
          name: 'Top accounts',
          pool: 'p',
          when: [
            { field: 'accountTier', in: ['tier_1', 'Tier 1'] },
            { field: 'accountBand', in: ['unknown'] },
            { field: 'accountTier', in: [] },
          ],
        },
      ],
    });
    expect(parsed.ok ? [] : parsed.errors).toEqual([
      {
        path: 'rules[0].when[0].in[1]',
        message: 'must be one of tier_1, tier_2, tier_3, untiered, excluded',
      },
      { path: 'rules[0].when[1].in[0]', message: 'must be one of hot, warm, cold, excluded' },
      { path: 'rules[0].when[2].in', message: 'must list at least one value' },
    ]);
  });

  it('lists the account conditions among the fields a condition may name', () => {
    const parsed = parseRoutingRules({
      ...validRules,
      rules: [{ id: 'r', name: 'R', pool: 'p', when: [{ field: 'tier', in: ['tier_1'] }] }],
    });
    expect(parsed.ok ? [] : parsed.errors).toEqual([
      expect.objectContaining({
        path: 'rules[0].when[0].field',
        message: expect.stringContaining('accountTier, accountBand'),
      }),
    ]);
  });

  it('reports reps and teams the sales org does not have', () => {
    const parsed = parseRoutingRules(validRules);
    if (!parsed.ok) throw new Error('fixture invalid');
    expect(checkRulesAgainstOrg(parsed.value, salesOrg([rep('b')], []))).toEqual([
      { path: 'pools[0].teamId', message: 'no team "team"' },
      { path: 'pools[0].members[0].repId', message: 'no rep "a"' },
    ]);
  });
});

describe('rep documents', () => {
  const valid = {
    id: 'ada',
    name: 'Ada',
    email: 'ada@sales.example',
    teamId: 'emea',
    calendar: {
      timeZone: 'Europe/Berlin',
      workingHours: { mon: ['09:00-12:00', '13:00-17:00'] },
      holidays: { country: 'DE', region: 'BY' },
    },
    outOfOffice: [{ from: '2026-12-21T00:00:00Z', to: '2027-01-04T00:00:00Z' }],
  };

  it('parses working hours spans and absences', () => {
    const parsed = parseWith(repSchema, valid);
    expect(parsed.ok && parsed.value.calendar?.workingHours.mon).toEqual([
      { from: '09:00', to: '12:00' },
      { from: '13:00', to: '17:00' },
    ]);
    expect(parsed.ok && parsed.value.outOfOffice[0]).toEqual({
      from: Date.parse('2026-12-21T00:00:00Z'),
      to: Date.parse('2027-01-04T00:00:00Z'),
    });
  });

  it('names each bad field: zone, span, holiday region, absence, email', () => {
    const parsed = parseWith(repSchema, {
      ...valid,
      email: 'not-an-email',
      calendar: {
        timeZone: 'Mars/Olympus',
        workingHours: { mon: ['17:00-09:00'], fri: ['9-5'] },
        holidays: { country: 'DE', region: 'XX' },
      },
      outOfOffice: [{ from: '2027-01-04T00:00:00Z', to: '2026-12-21T00:00:00Z' }],
    });
    expect(parsed.ok ? [] : parsed.errors.map((e) => e.path)).toEqual(
      expect.arrayContaining([
        'email',
        'calendar.timeZone',
        'calendar.workingHours.mon[0]',
        'calendar.workingHours.fri[0]',
        'calendar.holidays.region',
        'outOfOffice[0].to',
      ]),
    );
  });
});
