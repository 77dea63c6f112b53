/** Options for {@link ObservabilityModule.forRoot}. */
export type ObservabilityOptions = {
  /** Service name: the `service` label on every metric. */
  service: string;
  /** How long each health indicator may take (ms) before it counts as failed; default 2000. */
  indicatorTimeoutMs?: number;
  /**
   * Flush and stop OpenTelemetry when Nest shuts down (`app.close()` or SIGTERM with
   * `enableShutdownHooks()`); default true. Nest exits the process after its shutdown hooks, so this
   * is the last moment buffered spans can leave.
   */
  shutdownTelemetryOnClose?: boolean;
};

/** Injection token of the {@link ObservabilityOptions} given to `forRoot`. */
export const OBSERVABILITY_OPTIONS = Symbol('OBSERVABILITY_OPTIONS');
