import type { OnModuleDestroy } from '@nestjs/common';
import type { DashboardQueries } from '../../app/queries';

export type Freshness = Awaited<ReturnType<DashboardQueries['freshness']>>;

type Listener = { readonly change: (f: Freshness) => void; readonly end: () => void };

/**
 * One poll of the read models' freshness for every open stream: it runs while someone listens, and
 * tells each listener when the version moves (and, on subscribing, the version it starts from).
 */
export class FreshnessFeed implements OnModuleDestroy {
  private readonly listeners = new Set<Listener>();
  private timer: NodeJS.Timeout | undefined;
  private last: Freshness | undefined;
  private polling = false;

  constructor(
    private readonly queries: DashboardQueries,
    private readonly intervalMs: number,
  ) {}

  /** Calls `change` on every new version; `end` when the app shuts down. Returns the unsubscribe. */
  subscribe(change: (f: Freshness) => void, end: () => void): () => void {
    const listener = { change, end };
    this.listeners.add(listener);
    if (this.last !== undefined) change(this.last);
    else void this.poll();
    this.timer ??= setInterval(() => void this.poll(), this.intervalMs);
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) this.stop();
    };
  }

  onModuleDestroy(): void {
    for (const l of [...this.listeners]) l.end();
    this.listeners.clear();
    this.stop();
  }

  private stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
    this.last = undefined;
  }

  private async poll(): Promise<void> {
    if (this.polling) return;
    this.polling = true;
    try {
      const now = await this.queries.freshness();
      if (this.listeners.size === 0) return;
      if (this.last === undefined || now.version !== this.last.version) {
        this.last = now;
        for (const l of this.listeners) l.change(now);
      }
    } catch {
      // The database is away for a moment: the streams stay open and the next tick asks again.
    } finally {
      this.polling = false;
    }
  }
}
