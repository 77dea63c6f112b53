/**
 * "Now" for the timer worker (which timers are due), publication times and periods to evaluate.
 * SLA rules use event time; tests replace the clock to skip time.
 */
export abstract class Clock {
  abstract now(): number;
}
