import fc from 'fast-check';
import { nextRoundDelay, type EndedRound } from '../next-round-delay';

const round = (o: Partial<EndedRound>): EndedRound => ({
  published: 1,
  batchSize: 1_000,
  roundMs: 4,
  lingerMs: 100,
  ...o,
});

describe('nextRoundDelay', () => {
  it('rests only as long as a short round took, so a commit after an idle round is published almost at once', () => {
    expect(nextRoundDelay(round({ published: 1, roundMs: 4 }))).toBe(4);
  });

  it('rests as long as a longer round took, so commits during a backlog share the next produce request', () => {
    expect(nextRoundDelay(round({ published: 300, roundMs: 30 }))).toBe(30);
  });

  it('ends the rest lingerMs after the round started, as the fixed linger did', () => {
    expect(nextRoundDelay(round({ published: 600, roundMs: 60 }))).toBe(40);
  });

  it('does not rest after a round that took lingerMs or longer', () => {
    expect(nextRoundDelay(round({ published: 600, roundMs: 100 }))).toBe(0);
    expect(nextRoundDelay(round({ published: 600, roundMs: 2_500 }))).toBe(0);
  });

  it('does not rest after a full round: more rows are waiting', () => {
    expect(nextRoundDelay(round({ published: 1_000, roundMs: 60 }))).toBe(0);
    expect(nextRoundDelay(round({ published: 1_200, roundMs: 60 }))).toBe(0); // whole rows overshoot
  });

  it('does not rest after an empty round: the next commit is published at once', () => {
    expect(nextRoundDelay(round({ published: 0, roundMs: 30 }))).toBe(0);
  });

  it('does not rest when lingering is off (lingerMs 0)', () => {
    expect(nextRoundDelay(round({ published: 600, roundMs: 60, lingerMs: 0 }))).toBe(0);
  });

  it('does not rest for a round the clock saw end before it began (a clock step back)', () => {
    expect(nextRoundDelay(round({ published: 5, roundMs: -20 }))).toBe(0);
  });

  const rounds = fc.record({
    published: fc.integer({ min: 0, max: 5_000 }),
    batchSize: fc.integer({ min: 1, max: 5_000 }),
    roundMs: fc.integer({ min: -1_000, max: 10_000 }),
    lingerMs: fc.integer({ min: 0, max: 1_000 }),
  });

  it('rests no longer than the round took, for any round', () => {
    fc.assert(
      fc.property(rounds, (r) => {
        const d = nextRoundDelay(r);
        expect(d).toBeGreaterThanOrEqual(0);
        expect(d).toBeLessThanOrEqual(Math.max(0, r.roundMs));
      }),
    );
  });

  it('never starts the next round later than the fixed linger would (lingerMs after the round started)', () => {
    fc.assert(
      fc.property(rounds, (r) => {
        expect(r.roundMs + nextRoundDelay(r)).toBeLessThanOrEqual(Math.max(r.lingerMs, r.roundMs));
      }),
    );
  });
});
