import type { Band } from '../band';
import { LIFECYCLE_CAUSE_KINDS, type LifecycleCause, type LifecycleCauseKind } from '../lifecycle-cause';
import {
  initialLifecycleState,
  LIFECYCLE_STAGES,
  type LifecycleStage,
  type LifecycleState,
} from '../lifecycle-state';
import { transition } from '../transition';
import { AT, HOUR_MS } from './builders';

const ENTERED = AT - 24 * HOUR_MS;
const NOW = AT;

type StageVariant =
  Exclude<LifecycleStage, 'disqualified'> | 'disqualified_by_score' | 'disqualified_by_sales';

const stateOf = (variant: StageVariant): LifecycleState => {
  const base = { enteredAt: ENTERED, mqlCycle: 1, openOpportunityIds: [] as string[] };
  switch (variant) {
    case 'lead':
      return { ...base, stage: 'lead', mqlCycle: 0 };
    case 'opportunity':
      return { ...base, stage: 'opportunity', openOpportunityIds: ['opp-1'] };
    case 'recycled':
      return { ...base, stage: 'recycled', reason: 'rejected: bad_timing' };
    case 'disqualified_by_score':
      return { ...base, stage: 'disqualified', disqualifiedBy: 'score', reason: 'student' };
    case 'disqualified_by_sales':
      return { ...base, stage: 'disqualified', disqualifiedBy: 'sales', reason: 'fraud' };
    default:
      return { ...base, stage: variant };
  }
};

const causes: Record<LifecycleCauseKind, LifecycleCause> = {
  score_changed: { kind: 'score_changed', band: 'mql', engagementSince: ENTERED, engagedSince: true },
  disposition_accepted: { kind: 'disposition_accepted' },
  disposition_rejected: { kind: 'disposition_rejected', reason: 'bad_timing' },
  disposition_qualified: { kind: 'disposition_qualified' },
  disposition_disqualified: { kind: 'disposition_disqualified', reason: 'fraud' },
  disposition_recycled: { kind: 'disposition_recycled' },
  opportunity_created: { kind: 'opportunity_created', opportunityId: 'opp-2' },
  opportunity_won: { kind: 'opportunity_won', opportunityId: 'opp-1' },
  opportunity_lost: { kind: 'opportunity_lost', opportunityId: 'opp-1' },
};

// Every (stage, cause kind) pair. Columns: score → mql band, accepted, rejected (bad timing), qualified,
// disqualified, recycled, opportunity created, won, lost.
const table: Record<StageVariant, Record<LifecycleCauseKind, LifecycleStage>> = {
  lead: row(
    'mql',
    'sal',
    'recycled',
    'sql',
    'disqualified',
    'recycled',
    'opportunity',
    'customer',
    'recycled',
  ),
  mql: row(
    'mql',
    'sal',
    'recycled',
    'sql',
    'disqualified',
    'recycled',
    'opportunity',
    'customer',
    'recycled',
  ),
  sal: row(
    'sal',
    'sal',
    'recycled',
    'sql',
    'disqualified',
    'recycled',
    'opportunity',
    'customer',
    'recycled',
  ),
  sql: row(
    'sql',
    'sql',
    'recycled',
    'sql',
    'disqualified',
    'recycled',
    'opportunity',
    'customer',
    'recycled',
  ),
  opportunity: row(
    'opportunity',
    'opportunity',
    'opportunity',
    'opportunity',
    'opportunity',
    'opportunity',
    'opportunity',
    'customer',
    'recycled',
  ),
  customer: row(
    'customer',
    'customer',
    'customer',
    'customer',
    'customer',
    'customer',
    'customer',
    'customer',
    'customer',
  ),
  recycled: row(
    'mql',
    'sal',
    'recycled',
    'sql',
    'disqualified',
    'recycled',
    'opportunity',
    'customer',
    'recycled',
  ),
  disqualified_by_score: row(
    'mql',
    'sal',
    'disqualified',
    'sql',
    'disqualified',
    'recycled',
    'opportunity',
    'customer',
    'disqualified',
  ),
  disqualified_by_sales: row(
    'disqualified',
    'sal',
    'disqualified',
    'sql',
    'disqualified',
    'recycled',
    'opportunity',
    'customer',
    'disqualified',
  ),
};

function row(...stages: LifecycleStage[]): Record<LifecycleCauseKind, LifecycleStage> {
  return Object.fromEntries(LIFECYCLE_CAUSE_KINDS.map((kind, i) => [kind, stages[i]])) as Record<
    LifecycleCauseKind,
    LifecycleStage
  >;
}

const cells = (Object.keys(table) as StageVariant[]).flatMap((variant) =>
  LIFECYCLE_CAUSE_KINDS.map((kind) => [variant, kind, table[variant][kind]] as const),
);

describe('lifecycle transition', () => {
  it('covers every stage and every cause kind', () => {
    const stages = new Set(
      Object.keys(table).map((v) => (v.startsWith('disqualified') ? 'disqualified' : v)),
    );
    expect([...stages].sort()).toEqual([...LIFECYCLE_STAGES].sort());
    expect(cells).toHaveLength(9 * LIFECYCLE_CAUSE_KINDS.length);
  });

  it.each(cells)('%s + %s → %s', (variant, kind, expected) => {
    const current = stateOf(variant);
    const result = transition(current, causes[kind], NOW);
    expect(result.state.stage).toBe(expected);
    if (expected === current.stage) {
      expect(result.transitions).toEqual([]);
      expect(result.outcome).toBe('unchanged');
    } else {
      expect(result.outcome).toBe('changed');
      expect(result.transitions).toEqual([
        { from: current.stage, to: expected, cause: causes[kind], at: NOW, mqlCycle: result.state.mqlCycle },
      ]);
      expect(result.state.enteredAt).toBe(NOW);
    }
  });

  describe('score changes', () => {
    const bands: Band[] = ['hot', 'mql', 'nurture', 'cold', 'disqualified'];
    const scoreTable: Record<StageVariant, Record<Band, LifecycleStage>> = {
      lead: { hot: 'mql', mql: 'mql', nurture: 'lead', cold: 'lead', disqualified: 'disqualified' },
      mql: { hot: 'mql', mql: 'mql', nurture: 'mql', cold: 'mql', disqualified: 'disqualified' },
      sal: { hot: 'sal', mql: 'sal', nurture: 'sal', cold: 'sal', disqualified: 'sal' },
      sql: { hot: 'sql', mql: 'sql', nurture: 'sql', cold: 'sql', disqualified: 'sql' },
      opportunity: {
        hot: 'opportunity',
        mql: 'opportunity',
        nurture: 'opportunity',
        cold: 'opportunity',
        disqualified: 'opportunity',
      },
      customer: {
        hot: 'customer',
        mql: 'customer',
        nurture: 'customer',
        cold: 'customer',
        disqualified: 'customer',
      },
      recycled: {
        hot: 'mql',
        mql: 'mql',
        nurture: 'recycled',
        cold: 'recycled',
        disqualified: 'disqualified',
      },
      disqualified_by_score: {
        hot: 'mql',
        mql: 'mql',
        nurture: 'lead',
        cold: 'lead',
        disqualified: 'disqualified',
      },
      disqualified_by_sales: {
        hot: 'disqualified',
        mql: 'disqualified',
        nurture: 'disqualified',
        cold: 'disqualified',
        disqualified: 'disqualified',
      },
    };
    const scoreCells = (Object.keys(scoreTable) as StageVariant[]).flatMap((v) =>
      bands.map((band) => [v, band, scoreTable[v][band]] as const),
    );

    it.each(scoreCells)('%s + band %s → %s', (variant, band, expected) => {
      const cause: LifecycleCause = {
        kind: 'score_changed',
        band,
        engagementSince: ENTERED,
        engagedSince: true,
        ...(band === 'disqualified' ? { disqualifiedBy: 'competitor' } : {}),
      };
      expect(transition(stateOf(variant), cause, NOW).state.stage).toBe(expected);
    });

    it('makes a lead MQL on entering mql or hot, starting MQL cycle 1', () => {
      const result = transition(initialLifecycleState(ENTERED), { kind: 'score_changed', band: 'hot' }, NOW);
      expect(result.state).toEqual({ stage: 'mql', enteredAt: NOW, mqlCycle: 1, openOpportunityIds: [] });
    });

    it('keeps a lead MQL when its score decays below the MQL threshold before acceptance', () => {
      const result = transition(stateOf('mql'), { kind: 'score_changed', band: 'cold' }, NOW);
      expect(result).toMatchObject({ outcome: 'unchanged', state: { stage: 'mql' } });
    });

    it('never demotes a lead that sales accepted, even when it is disqualified by score', () => {
      const result = transition(
        stateOf('sal'),
        { kind: 'score_changed', band: 'disqualified', disqualifiedBy: 'competitor' },
        NOW,
      );
      expect(result.state.stage).toBe('sal');
    });

    it('records the score disqualification reason', () => {
      const result = transition(
        stateOf('lead'),
        { kind: 'score_changed', band: 'disqualified', disqualifiedBy: 'student' },
        NOW,
      );
      expect(result.state).toMatchObject({
        stage: 'disqualified',
        disqualifiedBy: 'score',
        reason: 'student',
      });
    });
  });

  describe('recycling and MQL cycles', () => {
    const recycledAt = ENTERED;
    const recycled = stateOf('recycled');

    it('keeps a recycled lead recycled when its MQL-level score still counts engagement from before the recycle', () => {
      expect(transition(recycled, { kind: 'score_changed', band: 'hot' }, NOW).state.stage).toBe('recycled');
      expect(
        transition(recycled, { kind: 'score_changed', band: 'hot', engagementSince: recycledAt - 1 }, NOW)
          .state.stage,
      ).toBe('recycled');
    });

    it('keeps a recycled lead recycled when its fit alone is sales-ready, without engagement since the recycle', () => {
      expect(
        transition(
          recycled,
          { kind: 'score_changed', band: 'mql', engagementSince: recycledAt, engagedSince: false },
          NOW,
        ).state.stage,
      ).toBe('recycled');
      expect(
        transition(recycled, { kind: 'score_changed', band: 'hot', engagementSince: recycledAt }, NOW).state
          .stage,
      ).toBe('recycled');
    });

    it('returns a recycled lead as MQL in a new cycle when engagement since the recycle reaches MQL', () => {
      const result = transition(
        recycled,
        { kind: 'score_changed', band: 'mql', engagementSince: recycledAt, engagedSince: true },
        NOW,
      );
      expect(result.state).toMatchObject({ stage: 'mql', mqlCycle: 2, enteredAt: NOW });
      expect(result.transitions[0]).toMatchObject({ from: 'recycled', to: 'mql', mqlCycle: 2 });
      expect(result.state.reason).toBeUndefined();
    });

    it('runs a full cycle: MQL, rejected, re-engaged, MQL again', () => {
      let state = initialLifecycleState(AT);
      state = transition(state, { kind: 'score_changed', band: 'mql' }, AT + 1).state;
      state = transition(
        state,
        { kind: 'disposition_rejected', reason: 'no_budget', note: 'next year' },
        AT + 2,
      ).state;
      expect(state).toMatchObject({ stage: 'recycled', reason: 'rejected: no_budget', mqlCycle: 1 });
      state = transition(
        state,
        { kind: 'score_changed', band: 'mql', engagementSince: AT + 2, engagedSince: true },
        AT + 3,
      ).state;
      expect(state).toMatchObject({ stage: 'mql', mqlCycle: 2 });
    });

    it.each(['competitor', 'student', 'invalid_contact', 'spam'] as const)(
      'disqualifies instead of recycling when rejected as %s',
      (reason) => {
        for (const variant of ['lead', 'mql', 'sal', 'sql', 'recycled'] as const) {
          expect(
            transition(stateOf(variant), { kind: 'disposition_rejected', reason }, NOW).state,
          ).toMatchObject({
            stage: 'disqualified',
            disqualifiedBy: 'sales',
            reason: `rejected: ${reason}`,
          });
        }
      },
    );

    it('keeps a sales disqualification final against later scores even when a score disqualified it first', () => {
      const bySales = transition(
        stateOf('disqualified_by_score'),
        { kind: 'disposition_disqualified', reason: 'fraud' },
        NOW,
      );
      expect(bySales).toMatchObject({
        outcome: 'unchanged',
        state: { stage: 'disqualified', disqualifiedBy: 'sales', reason: 'fraud' },
      });
      expect(transition(bySales.state, { kind: 'score_changed', band: 'hot' }, NOW + 1).state.stage).toBe(
        'disqualified',
      );
    });
  });

  describe('opportunities', () => {
    it('jumps a plain lead to opportunity without inventing MQL, SAL or SQL', () => {
      const result = transition(
        stateOf('lead'),
        { kind: 'opportunity_created', opportunityId: 'opp-9' },
        NOW,
      );
      expect(result.transitions.map((t) => [t.from, t.to])).toEqual([['lead', 'opportunity']]);
      expect(result.state).toMatchObject({ mqlCycle: 0, openOpportunityIds: ['opp-9'] });
    });

    it('stays in opportunity when one of two open opportunities is lost', () => {
      const two = transition(
        stateOf('opportunity'),
        { kind: 'opportunity_created', opportunityId: 'opp-2' },
        NOW,
      ).state;
      expect(two.openOpportunityIds).toEqual(['opp-1', 'opp-2']);
      const oneLost = transition(two, { kind: 'opportunity_lost', opportunityId: 'opp-1' }, NOW + 1);
      expect(oneLost).toMatchObject({
        outcome: 'unchanged',
        state: { stage: 'opportunity', openOpportunityIds: ['opp-2'] },
      });
      const bothLost = transition(
        oneLost.state,
        { kind: 'opportunity_lost', opportunityId: 'opp-2', reason: 'price' },
        NOW + 2,
      );
      expect(bothLost.state).toMatchObject({
        stage: 'recycled',
        reason: 'opportunity lost: price',
        openOpportunityIds: [],
      });
    });

    it('keeps a customer a customer when an upsell opportunity opens, and tracks it', () => {
      const result = transition(
        stateOf('customer'),
        { kind: 'opportunity_created', opportunityId: 'upsell' },
        NOW,
      );
      expect(result).toMatchObject({
        outcome: 'unchanged',
        transitions: [],
        state: { stage: 'customer', openOpportunityIds: ['upsell'] },
      });
    });
  });

  describe('stale events (older than the current stage entry)', () => {
    const before = ENTERED - HOUR_MS;

    it('ignores a stale regressing disposition', () => {
      const result = transition(
        stateOf('sal'),
        { kind: 'disposition_rejected', reason: 'bad_timing' },
        before,
      );
      expect(result).toMatchObject({
        outcome: 'ignored_stale',
        transitions: [],
        state: { stage: 'sal', enteredAt: ENTERED },
      });
    });

    it('applies a late forward cause as of the current stage entry', () => {
      const result = transition(
        stateOf('sal'),
        { kind: 'opportunity_created', opportunityId: 'opp-7' },
        before,
      );
      expect(result.outcome).toBe('changed');
      expect(result.transitions).toEqual([
        {
          from: 'sal',
          to: 'opportunity',
          cause: { kind: 'opportunity_created', opportunityId: 'opp-7' },
          at: ENTERED,
          mqlCycle: 1,
        },
      ]);
    });

    it('applies a late won to an open opportunity', () => {
      expect(
        transition(stateOf('opportunity'), { kind: 'opportunity_won', opportunityId: 'opp-1' }, before).state
          .stage,
      ).toBe('customer');
    });

    it('ignores a stale score that would disqualify an MQL', () => {
      expect(
        transition(stateOf('mql'), { kind: 'score_changed', band: 'disqualified' }, before).outcome,
      ).toBe('ignored_stale');
    });

    it('ignores stale causes for recycled and disqualified leads, even forward ones: the exit was decided later', () => {
      expect(
        transition(
          stateOf('recycled'),
          { kind: 'score_changed', band: 'hot', engagementSince: before, engagedSince: true },
          before,
        ).state.stage,
      ).toBe('recycled');
      expect(transition(stateOf('recycled'), { kind: 'disposition_accepted' }, before).state.stage).toBe(
        'recycled',
      );
      expect(
        transition(stateOf('disqualified_by_score'), { kind: 'score_changed', band: 'nurture' }, before).state
          .stage,
      ).toBe('disqualified');
    });

    it('treats a cause at exactly the stage entry as current', () => {
      expect(transition(stateOf('sal'), { kind: 'disposition_recycled' }, ENTERED).state.stage).toBe(
        'recycled',
      );
    });

    it('still closes a stale lost opportunity in the bookkeeping', () => {
      const result = transition(
        stateOf('opportunity'),
        { kind: 'opportunity_lost', opportunityId: 'opp-1' },
        before,
      );
      expect(result).toMatchObject({
        outcome: 'ignored_stale',
        state: { stage: 'opportunity', openOpportunityIds: [] },
      });
    });
  });

  it('does not modify the state it is given', () => {
    const current = stateOf('opportunity');
    const copy = structuredClone(current);
    transition(current, { kind: 'opportunity_won', opportunityId: 'opp-1' }, NOW);
    expect(current).toEqual(copy);
  });
});
