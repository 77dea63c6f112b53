import { counter } from '@smarketing/observability';
import { RoutingMetrics, type DecisionCount } from '../../app/ports/routing-metrics.port';

/** `smarketing_routing_decisions_total{outcome,kind,via}`: assigned, queued, held, kept; initial, reassignment, escalation. */
export class PromRoutingMetrics extends RoutingMetrics {
  private readonly decisions = counter({
    name: 'smarketing_routing_decisions_total',
    help: 'Routing decisions by outcome (assigned, queued, held, kept), kind and how the owner was found',
    labelNames: ['outcome', 'kind', 'via'],
  });

  decided(decisions: readonly DecisionCount[]): void {
    for (const d of decisions) this.decisions.inc({ outcome: d.outcome, kind: d.kind, via: d.via });
  }
}
