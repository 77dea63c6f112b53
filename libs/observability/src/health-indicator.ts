/** The outcome of one {@link HealthIndicator} check. */
export type HealthCheckResult = { ok: boolean; detail?: string };

/**
 * One dependency the service needs to do its work (its database, the Kafka broker, the schema
 * registry). `GET /health/ready` answers 200 only while every registered indicator is ok.
 *
 * Register an instance with {@link HealthRegistry.register}. A check that throws or takes longer
 * than the readiness timeout counts as not ok. Keep checks cheap (`select 1`, a metadata call):
 * Kubernetes runs them every few seconds.
 */
export abstract class HealthIndicator {
  /** Stable, short, PII-free name shown in the readiness response, e.g. `postgres`. */
  abstract readonly name: string;
  abstract check(): Promise<HealthCheckResult>;
}
