import type { SeenLead } from '../ports/lead-store.port';
import type { Transactions } from '../ports/transactions.port';

/** One lead as this service has seen it, or undefined when it never has. */
export class GetLead {
  constructor(private readonly transactions: Transactions) {}

  execute(leadId: string): Promise<SeenLead | undefined> {
    return this.transactions.run((tx) => tx.leads.find(leadId));
  }
}
