import { Clock } from '../../src/app/ports/clock.port';

/** The injected clock of the integration tests: time moves only when a test moves it (time skipping). */
export class ManualClock extends Clock {
  constructor(private t: number) {
    super();
  }
  now(): number {
    return this.t;
  }
  set(t: number): void {
    this.t = t;
  }
}
