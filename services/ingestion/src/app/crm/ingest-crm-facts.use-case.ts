import type { Clock } from '../ports/clock.port';
import type { UnitOfWork } from '../ports/ingestion-tx.port';
import { parseCrmBody, type CrmKind } from './crm-fact';
import type { CrmFactsProcessor, CrmOutcome } from './crm-facts.processor';

/** POST /v1/crm/<kind>: one fact or an array, all-or-nothing, durable before it resolves. */
export class IngestCrmFactsUseCase {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
    private readonly processor: CrmFactsProcessor,
  ) {}

  async execute(input: { source: string; kind: CrmKind; body: unknown }): Promise<CrmOutcome> {
    const facts = parseCrmBody(input.kind, input.body);
    const receivedAt = this.clock.now();
    return this.uow.run((tx) => this.processor.apply(tx, { source: input.source, facts, receivedAt }));
  }
}
