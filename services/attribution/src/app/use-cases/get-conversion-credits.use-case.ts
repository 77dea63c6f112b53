import { conversionId } from '../../domain';
import type { CreditVersion } from '../ports/credit-store.port';
import type { Transactions } from '../ports/transactions.port';

/** The latest credits of conversions under every model in force (or one), by conversion or by opportunity. */
export class GetConversionCredits {
  constructor(private readonly transactions: Transactions) {}

  ofConversion(id: string, modelId?: string): Promise<CreditVersion[]> {
    return this.transactions.run((tx) => tx.credits.ofConversions([id], modelId));
  }

  /** Both conversions of an opportunity: created and won. */
  ofOpportunity(opportunityId: string, modelId?: string): Promise<CreditVersion[]> {
    return this.transactions.run((tx) =>
      tx.credits.ofConversions(
        [
          conversionId.opportunity('opportunity', opportunityId),
          conversionId.opportunity('won', opportunityId),
        ],
        modelId,
      ),
    );
  }
}
