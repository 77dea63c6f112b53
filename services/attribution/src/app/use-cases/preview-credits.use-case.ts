import {
  conversionId,
  creditJourney,
  journeyOf,
  ruleModel,
  type JourneyCredit,
  type ModelSpec,
} from '../../domain';
import { conversionJourneys } from '../credit/conversion-journeys';
import type { Transactions } from '../ports/transactions.port';

/**
 * The credits of an opportunity's conversions under any rule model, in force or not (a custom
 * weighting, another half-life), computed from the stored journey without storing or emitting.
 */
export class PreviewCredits {
  constructor(private readonly transactions: Transactions) {}

  execute(
    opportunityId: string,
    spec: ModelSpec,
  ): Promise<{ conversionId: string; credit: JourneyCredit }[]> {
    return this.transactions.run(async (tx) => {
      const settings = (await tx.settings.latest())?.settings;
      if (!settings) return [];
      const ids = [
        conversionId.opportunity('opportunity', opportunityId),
        conversionId.opportunity('won', opportunityId),
      ];
      const conversions = [...(await tx.conversions.get(ids)).values()];
      const model = ruleModel(spec);
      return (await conversionJourneys(conversions, settings, tx)).map((j) => ({
        conversionId: j.conversion.id,
        credit: creditJourney(
          model,
          journeyOf(j.touches, j.conversion.at, j.milestones, settings, model.touches),
          j.conversion.revenue,
        ),
      }));
    });
  }
}
