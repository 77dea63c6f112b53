import type { AssignmentRecord } from '../ports/assignment-store.port';
import type { LeadRecord } from '../ports/lead-store.port';
import type { Transactions } from '../ports/transactions.port';

export type LeadRouting = { readonly lead: LeadRecord; readonly history: AssignmentRecord[] };

/** A lead's current owner (or queue, or hold) and its full routing history with traces (read). */
export class GetLeadRouting {
  constructor(private readonly transactions: Transactions) {}

  execute(leadId: string): Promise<LeadRouting | undefined> {
    return this.transactions.read(async (tx) => {
      const lead = await tx.leads.find(leadId);
      if (lead === undefined) return undefined;
      return { lead, history: await tx.assignments.history(leadId) };
    });
  }
}
