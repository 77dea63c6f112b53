import {
  Inject,
  Injectable,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { counter, createLogger } from '@smarketing/observability';
import { ReleaseHeldLeads } from '../../app/use-cases/release-held-leads.use-case';

export const HELD_TIMER_SETTINGS = Symbol('HELD_TIMER_SETTINGS');
export type HeldTimerSettings = {
  readonly intervalMs: number;
  readonly batchSize: number;
  readonly autoStart: boolean;
};

/**
 * Fires held-lead timers: every interval it asks the due-at index for timers due on the injected
 * clock and releases them (several replicas share them through SKIP LOCKED). A full batch means
 * more are due: it runs again at once. Failures are retried on the next tick; the timer rows stay.
 */
@Injectable()
export class HeldLeadWorker implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = createLogger({ service: 'routing' }).child({ component: 'held-leads' });
  private readonly fired = counter({
    name: 'smarketing_routing_held_timers_fired_total',
    help: 'Held-lead timers fired (each lead routed again at its due time)',
  });
  private timer?: NodeJS.Timeout;
  private current?: Promise<number>;
  private stopped = false;

  constructor(
    @Inject(ReleaseHeldLeads) private readonly release: ReleaseHeldLeads,
    @Inject(HELD_TIMER_SETTINGS) private readonly settings: HeldTimerSettings,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.settings.autoStart) return;
    this.timer = setInterval(() => void this.tick(), this.settings.intervalMs);
    this.timer.unref();
  }

  /** Releases every due timer now (tests drive it with their own clock); resolves with how many fired. */
  async tick(): Promise<number> {
    if (this.current) return this.current;
    this.current = this.drain().finally(() => {
      this.current = undefined;
    });
    return this.current;
  }

  private async drain(): Promise<number> {
    let total = 0;
    try {
      for (;;) {
        if (this.stopped) break;
        const fired = await this.release.execute();
        total += fired;
        this.fired.inc(fired);
        if (fired < this.settings.batchSize) break;
      }
      if (total) this.logger.info({ released: total }, 'held leads looked at again');
    } catch (error) {
      this.logger.warn({ err: String(error) }, 'releasing held leads failed, retrying on the next tick');
    }
    return total;
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.current;
  }
}
