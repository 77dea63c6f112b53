import {
  Inject,
  Injectable,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { createLogger } from '@smarketing/observability';
import { FireDueTimers, type FiredTimers } from '../../app/use-cases/fire-due-timers.use-case';
import { timerMetrics } from './timer-metrics';

export const TIMER_WORKER_OPTIONS = Symbol('TIMER_WORKER_OPTIONS');
export type TimerWorkerOptions = { pollMs: number; concurrency: number; batchSize: number; enabled: boolean };

/**
 * Fires durable timers: `concurrency` loops, each claiming a batch of due timers per transaction
 * (SKIP LOCKED: loops and replicas never claim the same timer), draining while batches come back
 * full, then polling every `pollMs`. Overdue timers (the service was down) fire at start-up, as soon
 * as the first round runs. A failed round (database unavailable, a lost race) changes nothing and
 * the next poll retries it.
 */
@Injectable()
export class TimerWorker implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = createLogger({ service: 'sla-monitor' }).child({ component: 'timers' });
  private loops: Promise<void>[] = [];
  private stopped = false;
  private wakers: (() => void)[] = [];
  private readonly metrics = timerMetrics();

  constructor(
    @Inject(FireDueTimers) private readonly fire: FireDueTimers,
    @Inject(TIMER_WORKER_OPTIONS) private readonly options: TimerWorkerOptions,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.options.enabled) return;
    for (let i = 0; i < this.options.concurrency; i++) this.loops.push(this.loop());
  }

  /** Runs the next round now instead of at the next poll (after the clock moved, in tests). */
  wake(): void {
    for (const w of this.wakers.splice(0)) w();
  }

  /** Fires every due timer in the calling task, round after round, and says how many fired (tests, bench). */
  async runUntilIdle(): Promise<number> {
    let total = 0;
    for (;;) {
      const { claimed } = this.observe(await this.fire.execute());
      total += claimed;
      if (claimed === 0) return total;
    }
  }

  private observe(round: FiredTimers): FiredTimers {
    if (round.claimed) this.metrics.fired.inc(round.claimed);
    for (const ms of round.latenessMs) this.metrics.lateness.observe(ms / 1_000);
    return round;
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.wakers = this.wakers.filter((w) => w !== done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wakers.push(done);
    });
  }

  private async loop(): Promise<void> {
    while (!this.stopped) {
      let full = false;
      try {
        const { claimed } = this.observe(await this.fire.execute());
        full = claimed >= this.options.batchSize;
      } catch (error) {
        this.logger.warn(
          { err: String(error) },
          'timer round failed; due timers stay due and the next round retries',
        );
      }
      if (!full && !this.stopped) await this.sleep(this.options.pollMs);
    }
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    this.wake();
    await Promise.all(this.loops);
  }
}
