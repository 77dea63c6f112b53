/** A half-open span of instants [from, to), epoch milliseconds UTC. */
export type Interval = { readonly from: number; readonly to: number };

/**
 * A pause of an SLA clock from `from` until `to` (null: still paused). Paused time does not count
 * towards any SLA duration.
 */
export type Pause = { readonly from: number; readonly to: number | null; readonly reason: string };

/**
 * The parts of each interval not covered by a pause, in order. Pauses may overlap and come in any
 * order; an open pause (to: null) covers everything after its start, so the sequence ends there.
 */
export function* withoutPauses(intervals: Iterable<Interval>, pauses: readonly Pause[]): Generator<Interval> {
  const sorted = [...pauses].sort((a, b) => a.from - b.from);
  for (const interval of intervals) {
    let from = interval.from;
    for (const pause of sorted) {
      const pauseTo = pause.to ?? Infinity;
      if (pauseTo <= from) continue;
      if (pause.from >= interval.to) break;
      if (pause.from > from) yield { from, to: pause.from };
      from = Math.max(from, pauseTo);
      if (from >= interval.to) break;
    }
    if (from === Infinity) return;
    if (from < interval.to) yield { from, to: interval.to };
  }
}
