import { parseCrmBody, type CrmKind } from '../crm/crm-fact';
import type { Clock } from '../ports/clock.port';
import type { Transactions } from '../ports/transactions.port';
import type { ApplyCrmFacts, CrmOutcome } from './apply-crm-facts.use-case';

/** POST /v1/crm/<kind>: one fact or an array, all-or-nothing, durable before it resolves. */
export class IngestCrmFacts {
  constructor(
    private readonly transactions: Transactions,
    private readonly clock: Clock,
    private readonly applyCrmFacts: ApplyCrmFacts,
  ) {}

  async execute(input: { source: string; kind: CrmKind; body: unknown }): Promise<CrmOutcome> {
    const facts = parseCrmBody(input.kind, input.body);
    const receivedAt = this.clock.now();
    const [outcome] = await this.transactions.run((tx) =>
      this.applyCrmFacts.execute([{ source: input.source, facts, receivedAt }], tx),
    );
    return outcome as CrmOutcome;
  }
}
