/** Time source for bookkeeping (publication time of settings); business rules use event time. */
export abstract class Clock {
  abstract now(): number;
}
