/**
 * When a lead was first seen, given what was known (undefined: never seen) and one more event's
 * time (epoch ms). The earlier time wins, so a late or redelivered event never moves it forward
 * and the events of a lead can be applied in any order.
 */
export const firstSeen = (known: number | undefined, eventAt: number): number =>
  known === undefined ? eventAt : Math.min(known, eventAt);
