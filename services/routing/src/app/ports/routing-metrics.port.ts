/** One routing decision as the metrics count it. */
export type DecisionCount = { readonly outcome: string; readonly kind: string; readonly via: string };

/**
 * Counters of routing decisions (Prometheus in production). Counted when decided, inside the
 * transaction: a transaction retried after a transient failure counts its decisions again.
 */
export abstract class RoutingMetrics {
  abstract decided(decisions: readonly DecisionCount[]): void;
}

export class NoRoutingMetrics extends RoutingMetrics {
  decided(): void {}
}
