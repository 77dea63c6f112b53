import { z } from 'zod';
import { CHANNELS } from '../../domain';
import { amount, boundedString, currencyCode, idString, isoDate, isoDateTime } from './common.schema';
import { withMinorUnits } from './money.schema';
import { parseWithSchema } from './schema-parser';
import type { ValidationResult } from './validation-result';

/** Spend on a campaign over whole days, inclusive; attribution divides revenue by it. */
export const campaignCostSchema = z
  .object(
    {
      costId: idString,
      campaignId: idString,
      campaignName: boundedString().optional(),
      channel: z.enum(CHANNELS, { error: `must be one of ${CHANNELS.join(', ')}` }),
      periodStart: isoDate,
      periodEnd: isoDate,
      amount,
      currency: currencyCode,
      occurredAt: isoDateTime.optional(),
    },
    { error: 'must be an object' },
  )
  // ISO dates compare correctly as strings.
  .refine((cost) => cost.periodStart <= cost.periodEnd, {
    message: 'must not be before periodStart',
    path: ['periodEnd'],
  })
  .transform(withMinorUnits);

export type CampaignCost = z.output<typeof campaignCostSchema>;

export function parseCampaignCost(input: unknown): ValidationResult<CampaignCost> {
  return parseWithSchema(campaignCostSchema, input);
}
