/** Time is passed in, never read, so tests can move it. */
export abstract class Clock {
  abstract now(): number;
}
