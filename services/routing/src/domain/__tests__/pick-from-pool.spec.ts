import { pickFromPool } from '../pick-from-pool';
import { newPoolState, type PoolState } from '../pool-state';
import type { Pool } from '../routing-rules';
import type { SalesOrg } from '../sales-org';
import {
  DAY,
  eligibility,
  HOUR,
  MemoryState,
  MONDAY_10_UTC,
  officeHours,
  pool,
  rep,
  salesOrg,
} from './builders';

const run = (
  p: Pool,
  org: SalesOrg,
  leads: number,
  state: PoolState = newPoolState(p.id),
  at = MONDAY_10_UTC,
) => Array.from({ length: leads }, () => pickFromPool(p, state, eligibility(org, at)).repId);

const tally = (ids: (string | undefined)[]) =>
  ids.reduce<Record<string, number>>(
    (acc, id) => ({ ...acc, [id ?? 'nobody']: (acc[id ?? 'nobody'] ?? 0) + 1 }),
    {},
  );

describe('round robin', () => {
  const org = salesOrg([rep('a'), rep('b'), rep('c')]);

  it('follows a strict cyclic order A, B, C, A, ...', () => {
    expect(run(pool(['a', 'b', 'c']), org, 7)).toEqual(['a', 'b', 'c', 'a', 'b', 'c', 'a']);
  });

  it('gives 2 of every 4 leads to a rep of weight 2 next to two of weight 1 (30/15/15 over 60)', () => {
    const weighted = pool(['a', 'b', 'c'], {
      members: [{ repId: 'a', weight: 2 }, { repId: 'b' }, { repId: 'c' }],
    });
    const picks = run(weighted, org, 60);
    expect(picks.slice(0, 4)).toEqual(['a', 'b', 'c', 'a']);
    expect(tally(picks)).toEqual({ a: 30, b: 15, c: 15 });
  });

  it("uses the rep's default weight when the pool sets none", () => {
    const heavy = salesOrg([rep('a', { weight: 3 }), rep('b')]);
    expect(tally(run(pool(['a', 'b']), heavy, 40))).toEqual({ a: 30, b: 10 });
  });

  it('numbers the turns: the position of each assignment in the rotation', () => {
    const state = newPoolState('pool');
    const p = pool(['a', 'b']);
    const positions = Array.from(
      { length: 3 },
      () => pickFromPool(p, state, eligibility(org, MONDAY_10_UTC)).position,
    );
    expect(positions).toEqual([1, 2, 3]);
  });

  it('continues after the rep served last when the members are reordered (no reset)', () => {
    const state = newPoolState('pool');
    run(pool(['a', 'b', 'c']), org, 2, state); // a, b
    expect(run(pool(['c', 'b', 'a']), org, 3, state)).toEqual(['a', 'c', 'b']);
  });

  it('skips a rep outside their working hours in their own time zone', () => {
    // 10:00 UTC is 19:00 in Tokyo (closed) and 11:00 in Berlin (open).
    const zoned = salesOrg([
      rep('tokyo', { calendar: officeHours('Asia/Tokyo') }),
      rep('berlin', { calendar: officeHours('Europe/Berlin') }),
    ]);
    const pick = pickFromPool(
      pool(['tokyo', 'berlin']),
      newPoolState('pool'),
      eligibility(zoned, MONDAY_10_UTC),
    );
    expect(pick.repId).toBe('berlin');
    expect(pick.candidates).toEqual([
      { repId: 'tokyo', verdict: 'outside_hours' },
      { repId: 'berlin', verdict: 'assigned' },
    ]);
  });

  it("follows the rep's hours across a DST change (New York 09:00 is 14:00 UTC in winter, 13:00 in summer)", () => {
    const ny = salesOrg([rep('ny', { calendar: officeHours('America/New_York') })]);
    const p = pool(['ny']);
    const at = (iso: string) => pickFromPool(p, newPoolState('pool'), eligibility(ny, Date.parse(iso))).repId;
    expect(at('2026-12-07T13:30:00Z')).toBeUndefined();
    expect(at('2026-12-07T14:00:00Z')).toBe('ny');
    expect(at('2026-07-06T13:00:00Z')).toBe('ny');
  });

  it('skips a rep on a holiday of their calendar and a rep out of office', () => {
    const absent = salesOrg([
      rep('holiday', { calendar: { ...officeHours('Europe/Paris'), holidays: { dates: ['2026-12-07'] } } }),
      rep('away', { outOfOffice: [{ from: MONDAY_10_UTC - DAY, to: MONDAY_10_UTC + DAY }] }),
      rep('here'),
    ]);
    const pick = pickFromPool(
      pool(['holiday', 'away', 'here']),
      newPoolState('pool'),
      eligibility(absent, MONDAY_10_UTC),
    );
    expect(pick.candidates).toEqual([
      { repId: 'holiday', verdict: 'holiday' },
      { repId: 'away', verdict: 'out_of_office' },
      { repId: 'here', verdict: 'assigned' },
    ]);
  });

  it('skips an inactive rep and one who held the lead before in this cycle', () => {
    const org2 = salesOrg([rep('gone', { active: false }), rep('held'), rep('free')]);
    const pick = pickFromPool(
      pool(['gone', 'held', 'free']),
      newPoolState('pool'),
      eligibility(org2, MONDAY_10_UTC, new MemoryState(), ['held']),
    );
    expect(pick.candidates.map((c) => c.verdict)).toEqual(['inactive', 'held_before', 'assigned']);
  });

  it('skips a rep whose daily cap is reached in their local day, and takes them again the next day', () => {
    const capped = salesOrg([rep('a', { caps: { daily: 1 } }), rep('b')]);
    const state = new MemoryState();
    state.setLoad('a', { dayKey: '2026-12-07', dayCount: 1, weekKey: '2026-W50', weekCount: 1 });
    const p = pool(['a', 'b']);
    const today = pickFromPool(p, newPoolState('pool'), eligibility(capped, MONDAY_10_UTC, state));
    expect(today.candidates).toEqual([
      { repId: 'a', verdict: 'cap_reached' },
      { repId: 'b', verdict: 'assigned' },
    ]);
    const tomorrow = pickFromPool(p, newPoolState('pool'), eligibility(capped, MONDAY_10_UTC + DAY, state));
    expect(tomorrow.repId).toBe('a');
  });

  it('skips a rep whose weekly cap is reached until the next ISO week', () => {
    const capped = salesOrg([rep('a', { caps: { weekly: 5 } }), rep('b')]);
    const state = new MemoryState();
    state.setLoad('a', { dayKey: '2026-12-07', dayCount: 5, weekKey: '2026-W50', weekCount: 5 });
    const p = pool(['a', 'b']);
    expect(
      pickFromPool(p, newPoolState('pool'), eligibility(capped, MONDAY_10_UTC + 2 * DAY, state)).repId,
    ).toBe('b');
    expect(
      pickFromPool(p, newPoolState('pool'), eligibility(capped, MONDAY_10_UTC + 7 * DAY, state)).repId,
    ).toBe('a');
  });

  it('leaves the state alone when nobody is eligible', () => {
    const closed = salesOrg([rep('a', { calendar: officeHours('UTC') })]);
    const state = newPoolState('pool');
    const pick = pickFromPool(pool(['a']), state, eligibility(closed, MONDAY_10_UTC - 5 * HOUR));
    expect(pick).toEqual({
      repId: undefined,
      candidates: [{ repId: 'a', verdict: 'outside_hours' }],
      position: undefined,
      catchUp: false,
    });
    expect(state).toEqual(newPoolState('pool'));
  });
});

describe('comeback after an absence (round robin)', () => {
  // a is out of office for the first 6 leads (one per hour), back from the 7th.
  const back = MONDAY_10_UTC + 6 * HOUR;
  const org = salesOrg([
    rep('a', { outOfOffice: [{ from: MONDAY_10_UTC - DAY, to: back }] }),
    rep('b'),
    rep('c'),
  ]);
  const hourly = (p: Pool, leads: number) => {
    const state = newPoolState(p.id);
    return Array.from(
      { length: leads },
      (_, i) => pickFromPool(p, state, eligibility(org, MONDAY_10_UTC + i * HOUR)).repId,
    );
  };

  it('none: the rep rejoins the rotation at their next turn, with no extra leads', () => {
    expect(hourly(pool(['a', 'b', 'c']), 12)).toEqual([
      'b',
      'c',
      'b',
      'c',
      'b',
      'c',
      'a',
      'b',
      'c',
      'a',
      'b',
      'c',
    ]);
  });

  it('catch_up: the rep first gets every turn they missed (one per cycle they were skipped in)', () => {
    const picks = hourly(pool(['a', 'b', 'c'], { comeback: { policy: 'catch_up' } }), 12);
    expect(picks.slice(0, 6)).toEqual(['b', 'c', 'b', 'c', 'b', 'c']);
    expect(picks.slice(6, 9)).toEqual(['a', 'a', 'a']);
    expect(picks.slice(9)).toEqual(['a', 'b', 'c']);
  });

  it('catch_up_capped: at most `max` missed turns are given back', () => {
    const picks = hourly(pool(['a', 'b', 'c'], { comeback: { policy: 'catch_up_capped', max: 1 } }), 10);
    expect(picks.slice(6)).toEqual(['a', 'a', 'b', 'c']);
  });

  it('does not count daily hours as an absence to catch up on', () => {
    const nights = salesOrg([rep('a', { calendar: officeHours('UTC', '12:00', '17:00') }), rep('b')]);
    const p = pool(['a', 'b'], { comeback: { policy: 'catch_up' } });
    const state = newPoolState(p.id);
    const picks = Array.from(
      { length: 6 },
      (_, i) => pickFromPool(p, state, eligibility(nights, MONDAY_10_UTC + i * HOUR)).repId,
    );
    // 10:00 and 11:00 go to b; from 12:00 a and b alternate, no catch-up for a's morning.
    expect(picks).toEqual(['b', 'b', 'a', 'b', 'a', 'b']);
  });
});

describe('count based', () => {
  const org = salesOrg([rep('a'), rep('b'), rep('c')]);

  it('gives the next lead to the rep with the lowest count, ties in member order', () => {
    const p = pool(['a', 'b', 'c'], { strategy: 'count_based' });
    const state = newPoolState(p.id);
    state.members.set('a', { periodKey: 'all', periodCount: 5, owed: 0, away: false, assigned: 5 });
    state.members.set('b', { periodKey: 'all', periodCount: 3, owed: 0, away: false, assigned: 3 });
    expect(run(p, org, 6, state)).toEqual(['c', 'c', 'c', 'b', 'c', 'b']);
  });

  it('counts relative to weight', () => {
    const p = pool(['a', 'b'], {
      strategy: 'count_based',
      members: [{ repId: 'a', weight: 3 }, { repId: 'b' }],
    });
    expect(tally(run(p, org, 40))).toEqual({ a: 30, b: 10 });
  });

  it("starts the counts again in a new period of the pool's zone", () => {
    const p = pool(['a', 'b'], { strategy: 'count_based', countPeriod: 'day', timeZone: 'Europe/Berlin' });
    const state = newPoolState(p.id);
    run(p, org, 3, state); // a, b, a on Monday
    // 23:30 UTC Monday is already Tuesday in Berlin: counts restart, a goes first again.
    expect(run(p, org, 1, state, Date.UTC(2026, 11, 7, 23, 30))).toEqual(['a']);
  });

  const awayFor = (leads: number) => ({ from: MONDAY_10_UTC - DAY, to: MONDAY_10_UTC + leads * HOUR });
  const comeback = (policy: Pool['comeback']) => {
    const absentOrg = salesOrg([rep('a', { outOfOffice: [awayFor(6)] }), rep('b'), rep('c')]);
    const p = pool(['a', 'b', 'c'], { strategy: 'count_based', comeback: policy });
    const state = newPoolState(p.id);
    return Array.from(
      { length: 12 },
      (_, i) => pickFromPool(p, state, eligibility(absentOrg, MONDAY_10_UTC + i * HOUR)).repId,
    );
  };

  it('none: a rep back from an absence starts at the lowest count of the others (no flood)', () => {
    expect(comeback({ policy: 'none' }).slice(6)).toEqual(['a', 'b', 'c', 'a', 'b', 'c']);
  });

  it('catch_up: a rep back from an absence gets leads until level with the others', () => {
    expect(comeback({ policy: 'catch_up' }).slice(6)).toEqual(['a', 'a', 'a', 'a', 'b', 'c']);
  });

  it('catch_up_capped: a rep back from an absence gets at most `max` extra leads', () => {
    // b and c hold 3 each: a is lifted to 1, takes 2 to be level, then wins the tie by member order
    // (what `none` gives too: 2 extra leads, not 3).
    expect(comeback({ policy: 'catch_up_capped', max: 2 }).slice(6)).toEqual(['a', 'a', 'a', 'b', 'c', 'a']);
  });
});
