import { Clock } from '../app/ports/clock.port';

export class SystemClock extends Clock {
  now(): number {
    return Date.now();
  }
}
