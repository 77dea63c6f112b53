import { Inject, Injectable, Optional, type BeforeApplicationShutdown } from '@nestjs/common';
import type { HealthCheckResult, HealthIndicator } from './health-indicator';
import { OBSERVABILITY_OPTIONS, type ObservabilityOptions } from './observability-options';

/** One indicator's line in the readiness report. */
export type IndicatorReport = { name: string; ok: boolean; detail?: string };

/** The readiness report served by `GET /health/ready`. */
export type ReadinessReport = { status: 'ok' | 'unavailable'; checks: IndicatorReport[] };

/** Default time each indicator gets before it counts as failed. */
export const DEFAULT_INDICATOR_TIMEOUT_MS = 2_000;

/**
 * Holds the service's {@link HealthIndicator}s and runs them for `GET /health/ready`.
 *
 * Nest has no multi-providers, so instead of a token every module contributes to, the module that
 * owns a dependency registers its indicator here (usually in `onModuleInit`):
 *
 * ```ts
 * @Injectable()
 * export class PostgresHealth extends HealthIndicator implements OnModuleInit {
 *   readonly name = 'postgres';
 *   constructor(private readonly db: DataSource, private readonly health: HealthRegistry) { super(); }
 *   onModuleInit(): void { this.health.register(this); }
 *   async check() { await this.db.query('select 1'); return { ok: true }; }
 * }
 * ```
 *
 * From Nest's `beforeApplicationShutdown` on, readiness reports `shutdown` as failed so Kubernetes
 * stops sending traffic while the service drains.
 */
@Injectable()
export class HealthRegistry implements BeforeApplicationShutdown {
  private readonly indicators = new Map<string, HealthIndicator>();
  private shuttingDown = false;
  private readonly timeoutMs: number;

  constructor(
    @Optional() @Inject(OBSERVABILITY_OPTIONS) options?: Pick<ObservabilityOptions, 'indicatorTimeoutMs'>,
  ) {
    const ms = options?.indicatorTimeoutMs ?? DEFAULT_INDICATOR_TIMEOUT_MS;
    if (!Number.isFinite(ms) || ms <= 0)
      throw new Error(`indicatorTimeoutMs must be a positive number; got ${ms}`);
    this.timeoutMs = ms;
  }

  /**
   * Adds an indicator. Names are unique: registering the same instance twice is a no-op, another
   * instance under a taken name throws (two checks would hide each other in the report).
   */
  register(indicator: HealthIndicator): void {
    const current = this.indicators.get(indicator.name);
    if (current === indicator) return;
    if (current) throw new Error(`a health indicator named "${indicator.name}" is already registered`);
    this.indicators.set(indicator.name, indicator);
  }

  /** Names of the registered indicators, in registration order. */
  names(): string[] {
    return [...this.indicators.keys()];
  }

  /** Runs every indicator concurrently, each bounded by the timeout. */
  async readiness(): Promise<ReadinessReport> {
    const checks = await Promise.all([...this.indicators.values()].map((i) => this.run(i)));
    if (this.shuttingDown)
      checks.push({ name: 'shutdown', ok: false, detail: 'the service is shutting down' });
    return { status: checks.every((c) => c.ok) ? 'ok' : 'unavailable', checks };
  }

  beforeApplicationShutdown(): void {
    this.shuttingDown = true;
  }

  private async run(indicator: HealthIndicator): Promise<IndicatorReport> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<HealthCheckResult>((resolve) => {
      timer = setTimeout(
        () => resolve({ ok: false, detail: `timed out after ${this.timeoutMs} ms` }),
        this.timeoutMs,
      );
    });
    try {
      const result = await Promise.race([indicator.check(), timeout]);
      return {
        name: indicator.name,
        ok: result.ok === true,
        ...(result.detail ? { detail: result.detail } : {}),
      };
    } catch (error) {
      return {
        name: indicator.name,
        ok: false,
        detail: error instanceof Error ? error.message : String(error),
      };
    } finally {
      clearTimeout(timer);
    }
  }
}
