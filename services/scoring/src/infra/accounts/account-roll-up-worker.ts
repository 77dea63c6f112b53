import {
  Inject,
  Injectable,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { createLogger } from '@smarketing/observability';
import { RollUpAccounts } from '../../app/use-cases/roll-up-accounts.use-case';

export const ACCOUNT_ROLLUP_INTERVAL = Symbol('ACCOUNT_ROLLUP_INTERVAL');

/**
 * Rolls queued accounts up every interval: an account its leads touch many times within one interval
 * is re-scored, and emits account-scored, once. A round that fills its batch is followed at once by
 * the next, so a backlog never waits for the timer.
 */
@Injectable()
export class AccountRollUpWorker implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = createLogger({ service: 'scoring' }).child({ component: 'account-roll-up' });
  private timer?: NodeJS.Timeout;
  private current?: Promise<void>;
  private stopped = false;

  constructor(
    @Inject(RollUpAccounts) private readonly rollUp: RollUpAccounts,
    @Inject(ACCOUNT_ROLLUP_INTERVAL) private readonly intervalMs: number,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => this.wake(), this.intervalMs);
    this.timer.unref();
  }

  private wake(): void {
    if (this.stopped || this.current) return;
    this.current = this.rollUp
      .execute(() => this.stopped)
      .then(
        () => undefined,
        (error: unknown) => {
          // The queued changes stay queued (the round rolled back); the next interval takes them again.
          this.logger.warn({ err: String(error) }, 'account roll-up failed, will retry');
        },
      )
      .finally(() => {
        this.current = undefined;
      });
  }

  /** Rolls up everything queued now, without waiting for the interval (for the benchmark and tests). */
  async flush(): Promise<void> {
    while (this.current) await this.current;
    await this.rollUp.execute(() => this.stopped);
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.current;
  }
}
