import { Inject, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import { HealthController } from './health.controller';
import { HealthRegistry } from './health-registry';
import { initMetrics } from './metrics';
import { MetricsController } from './metrics.controller';
import { OBSERVABILITY_OPTIONS, type ObservabilityOptions } from './observability-options';
import { shutdownTelemetry } from './telemetry';

/**
 * Health probes, the Prometheus endpoint and the {@link HealthRegistry}, for one service. Import it
 * once, in the service's root module; it is global, so any module can inject `HealthRegistry`.
 *
 * ```ts
 * @Module({ imports: [ObservabilityModule.forRoot({ service: 'scoring' }), ...] })
 * export class ScoringModule {}
 * ```
 */
@Module({})
export class ObservabilityModule implements OnApplicationShutdown {
  constructor(@Inject(OBSERVABILITY_OPTIONS) private readonly options: ObservabilityOptions) {}

  /** Serves `/health/live`, `/health/ready` and `/metrics`, and labels metrics with `service`. */
  static forRoot(options: ObservabilityOptions): DynamicModule {
    initMetrics({ service: options.service });
    return {
      module: ObservabilityModule,
      global: true,
      controllers: [HealthController, MetricsController],
      providers: [{ provide: OBSERVABILITY_OPTIONS, useValue: options }, HealthRegistry],
      exports: [HealthRegistry, OBSERVABILITY_OPTIONS],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.options.shutdownTelemetryOnClose ?? true) await shutdownTelemetry();
  }
}
