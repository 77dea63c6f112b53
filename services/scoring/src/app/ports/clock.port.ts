/** Time source for bookkeeping (publication time, job leases); business rules use event time. */
export abstract class Clock {
  abstract now(): number;
}
