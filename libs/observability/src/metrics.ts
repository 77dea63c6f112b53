import {
  collectDefaultMetrics,
  Counter,
  Gauge,
  Histogram,
  Registry,
  type CounterConfiguration,
  type GaugeConfiguration,
  type HistogramConfiguration,
  type Metric,
} from 'prom-client';

/**
 * The process's one Prometheus registry; `GET /metrics` serves it. Use {@link counter},
 * {@link histogram} and {@link gauge} rather than registering metrics on it by hand.
 */
export const metricsRegistry = new Registry();

let defaultMetricsStarted = false;

/**
 * Labels every metric of the process with `service` and, the first time only, starts prom-client's
 * default Node.js metrics (CPU, memory, event-loop lag, GC, handles). Safe to call repeatedly; the
 * latest `service` wins. {@link ObservabilityModule} calls it from `forRoot`.
 */
export function initMetrics(options: { service: string }): void {
  metricsRegistry.setDefaultLabels({ service: options.service });
  if (defaultMetricsStarted) return;
  defaultMetricsStarted = true;
  collectDefaultMetrics({ register: metricsRegistry });
}

/** Metric options without `registers`: the helpers register in the registry they are given. */
export type CounterOptions<L extends string> = Omit<CounterConfiguration<L>, 'registers'>;
/** See {@link CounterOptions}. */
export type HistogramOptions<L extends string> = Omit<HistogramConfiguration<L>, 'registers'>;
/** See {@link CounterOptions}. */
export type GaugeOptions<L extends string> = Omit<GaugeConfiguration<L>, 'registers'>;

/**
 * A counter in `registry` (default {@link metricsRegistry}). Returns the already registered counter of the same name
 * (a module built twice in one test process), and throws if that name belongs to another kind of
 * metric or was registered with other label names.
 */
export function counter<L extends string = string>(
  options: CounterOptions<L>,
  registry: Registry = metricsRegistry,
): Counter<L> {
  return (
    existing(registry, options.name, Counter, options.labelNames) ??
    new Counter<L>({ ...options, registers: [registry] })
  );
}

/** A histogram in {@link metricsRegistry}; reuses one of the same name like {@link counter}. */
export function histogram<L extends string = string>(
  options: HistogramOptions<L>,
  registry: Registry = metricsRegistry,
): Histogram<L> {
  return (
    existing(registry, options.name, Histogram, options.labelNames) ??
    new Histogram<L>({ ...options, registers: [registry] })
  );
}

/** A gauge in {@link metricsRegistry}; reuses one of the same name like {@link counter}. */
export function gauge<L extends string = string>(
  options: GaugeOptions<L>,
  registry: Registry = metricsRegistry,
): Gauge<L> {
  return (
    existing(registry, options.name, Gauge, options.labelNames) ??
    new Gauge<L>({ ...options, registers: [registry] })
  );
}

function existing<M extends Metric<string>>(
  registry: Registry,
  name: string,
  kind: abstract new (...args: never[]) => M,
  labelNames: readonly string[] | undefined,
): M | undefined {
  const found = registry.getSingleMetric(name);
  if (!found) return undefined;
  if (!(found instanceof kind)) {
    throw new Error(`metric "${name}" is already registered as another kind (${found.constructor.name})`);
  }
  // prom-client keeps the label names on the instance but does not type them.
  const registered = (found as unknown as { labelNames?: readonly string[] }).labelNames ?? [];
  if (!sameLabels(registered, labelNames ?? [])) {
    throw new Error(`metric "${name}" is already registered with labels [${registered.join(', ')}]`);
  }
  return found;
}

function sameLabels(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && [...a].sort().every((label, i) => label === [...b].sort()[i]);
}
