import {
  Inject,
  Injectable,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { createLogger } from '@smarketing/observability';
import { RescoreScheduler } from '../../app/ports/rescore-scheduler.port';
import { RunRescoreJobs } from '../../app/use-cases/run-rescore-jobs.use-case';

const POLL_MS = 5_000;

/** Runs re-scoring jobs in the background: woken by a publication, and polling for jobs other replicas left behind. */
@Injectable()
export class RescoreWorker
  extends RescoreScheduler
  implements OnApplicationBootstrap, BeforeApplicationShutdown
{
  private readonly logger = createLogger({ service: 'scoring' }).child({ component: 'rescore' });
  private timer?: NodeJS.Timeout;
  private current?: Promise<void>;
  private again = false;
  private stopped = false;

  constructor(@Inject(RunRescoreJobs) private readonly run: RunRescoreJobs) {
    super();
  }

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => this.wake(), POLL_MS);
    this.timer.unref();
    this.wake();
  }

  wake(): void {
    if (this.stopped) return;
    if (this.current) {
      this.again = true;
      return;
    }
    this.current = this.drain().finally(() => {
      this.current = undefined;
    });
  }

  /** Resolves when no job is being run (for tests and the benchmark). */
  async idle(): Promise<void> {
    while (this.current) await this.current;
  }

  private async drain(): Promise<void> {
    do {
      this.again = false;
      try {
        const jobs = await this.run.execute(() => this.stopped);
        if (jobs) this.logger.info({ jobs }, 're-scoring finished');
      } catch (error) {
        // Transient or not, the job keeps its cursor; the next poll resumes it after the lease.
        this.logger.warn({ err: String(error) }, 're-scoring failed, will resume');
      }
    } while (this.again && !this.stopped);
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.current;
  }
}
