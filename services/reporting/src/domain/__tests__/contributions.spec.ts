import type {
  LeadAssigned,
  LeadDispositioned,
  LeadScored,
  LeadUpserted,
  LifecycleChanged,
  TouchpointRecorded,
} from '@smarketing/contracts';
import fc from 'fast-check';
import { costContributions, delta, leadContributions, type Contribution } from '../contributions';
import {
  newLead,
  withAssignment,
  withDisposition,
  withLifecycle,
  withSalesActivity,
  withScore,
  withTouchpoint,
  withUpsert,
  type LeadRecord,
} from '../lead-record';

const T0 = Date.UTC(2026, 10, 1);
const DAY = 86_400_000;

type Update = { readonly leadId: string; readonly kind: number; readonly at: number; readonly n: number };

const STAGES = ['mql', 'sal', 'sql', 'opportunity', 'customer'] as const;
const CHANNELS = ['email', 'paid_search', 'direct'] as const;

// One event of a random kind, with just the fields the reducers read.
function applyUpdate(l: LeadRecord, u: Update): LeadRecord {
  switch (u.kind) {
    case 0:
      return withUpsert(
        l,
        {
          source: 'web',
          region: u.n % 2 ? 'NA' : 'EMEA',
          employeeCount: u.n * 300,
          accountId: null,
        } as unknown as LeadUpserted,
        u.at,
      );
    case 1:
      return withTouchpoint(
        l,
        { channel: CHANNELS[u.n % 3], campaignId: `c${u.n % 2}` } as unknown as TouchpointRecorded,
        u.at,
      );
    case 2:
      return withLifecycle(l, { to: STAGES[u.n % 5] } as unknown as LifecycleChanged, u.at);
    case 3:
      return withAssignment(
        l,
        { repId: `r${u.n % 2}`, teamId: `t${u.n % 2}` } as unknown as LeadAssigned,
        u.at,
      );
    case 4:
      return withSalesActivity(l, {} as never, u.at);
    case 5:
      return withDisposition(
        l,
        {
          disposition: u.n % 2 ? 'accepted' : 'rejected',
          reason: u.n % 2 ? null : 'bad_fit',
          repId: 'r0',
        } as unknown as LeadDispositioned,
        u.at,
      );
    default:
      return withScore(
        l,
        { total: u.n * 9, band: u.n > 5 ? 'hot' : 'nurture' } as unknown as LeadScored,
        u.at,
      );
  }
}

const keyOf = (c: Contribution) => JSON.stringify([c.metric, c.day, c.dims, c.detail]);

/** A roll-up as a map of counter → (sum, count), zero counters dropped, sums rounded against float noise. */
function rollup(cs: readonly Contribution[]): Map<string, readonly [number, number]> {
  const m = new Map<string, [number, number]>();
  for (const c of cs) {
    const cur = m.get(keyOf(c)) ?? [0, 0];
    m.set(keyOf(c), [cur[0] + c.sum, cur[1] + c.count]);
  }
  return new Map(
    [...m]
      .filter(([, [s, n]]) => n !== 0 || Math.abs(s) > 1e-6)
      .map(([k, [s, n]]) => [k, [Math.round(s * 1e6) / 1e6, n] as const]),
  );
}

const update = fc.record({
  leadId: fc.constantFrom('L1', 'L2', 'L3'),
  kind: fc.integer({ min: 0, max: 6 }),
  at: fc.integer({ min: T0, max: T0 + 20 * DAY }),
  n: fc.integer({ min: 0, max: 10 }),
});

describe('contributions to the daily roll-up', () => {
  it('add up, update by update, to the contributions of the final states (in any order)', () => {
    fc.assert(
      fc.property(fc.array(update, { maxLength: 60 }), (updates) => {
        const state = new Map<string, LeadRecord>();
        const applied: Contribution[] = [];
        for (const u of updates) {
          const before = state.get(u.leadId);
          const after = applyUpdate(before ?? newLead(u.leadId), u);
          applied.push(...delta(before ? leadContributions(before) : [], leadContributions(after)));
          state.set(u.leadId, after);
        }
        const recomputed = [...state.values()].flatMap(leadContributions);
        expect(rollup(applied)).toEqual(rollup(recomputed));
      }),
    );
  });

  it('reach the same final states whatever the order of the updates', () => {
    fc.assert(
      fc.property(
        fc
          .array(update, { maxLength: 40 })
          .chain((us) =>
            fc.tuple(
              fc.constant(us),
              fc.shuffledSubarray(us, { minLength: us.length, maxLength: us.length }),
            ),
          ),
        ([a, b]) => {
          const fold = (us: readonly Update[]) => {
            const state = new Map<string, LeadRecord>();
            for (const u of us) state.set(u.leadId, applyUpdate(state.get(u.leadId) ?? newLead(u.leadId), u));
            return rollup([...state.values()].flatMap(leadContributions));
          };
          expect(fold(b)).toEqual(fold(a));
        },
      ),
    );
  });

  it('count a lead only once it is seen (lead-upserted), under its first-touch channel', () => {
    const touched = withTouchpoint(
      newLead('L1'),
      { channel: 'email', campaignId: 'c1' } as unknown as TouchpointRecorded,
      T0,
    );
    expect(leadContributions(touched)).toEqual([]);
    const seen = withUpsert(
      touched,
      { source: 'web', region: 'NA', employeeCount: 50, accountId: null } as unknown as LeadUpserted,
      T0,
    );
    expect(leadContributions(seen)).toEqual([
      {
        metric: 'stage.lead',
        day: T0,
        dims: { segment: 'smb', region: 'NA', channel: 'email', team: 'unassigned' },
        detail: '',
        sum: 1,
        count: 1,
      },
    ]);
  });

  it('spread a cost over its days in whole minor units', () => {
    const cs = costContributions(
      {
        costId: 'k',
        at: T0,
        cost: {
          costId: 'k',
          campaignId: 'c',
          campaignName: null,
          channel: 'email',
          periodStart: T0 / DAY,
          periodEnd: T0 / DAY + 2,
          amount: { amountMinor: 100, currency: 'USD' },
          occurredAt: T0,
        },
      },
      { currency: 'USD' },
    );
    expect(cs.map((c) => [c.day, c.sum])).toEqual([
      [T0, 34],
      [T0 + DAY, 33],
      [T0 + 2 * DAY, 33],
    ]);
    expect(
      costContributions(
        {
          ...{ costId: 'k', at: T0 },
          cost: { ...cs[0]!, amount: { amountMinor: 1, currency: 'EUR' } } as never,
        },
        { currency: 'USD' },
      ),
    ).toEqual([]);
  });
});
