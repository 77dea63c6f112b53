/** "Now" for what no event carries: held-lead timers, publication times. Rules use event time. */
export abstract class Clock {
  abstract now(): number;
}
