import { z } from 'zod';
import {
  amount,
  boundedString,
  currencyCode,
  idString,
  isoDate,
  isoDateTime,
  leadId,
  normalizedDomain,
  normalizedEmail,
} from './common.schema';
import { withMinorUnits } from './money.schema';
import { runOnObjects } from './segment-common.schema';
import { parseWithSchema } from './schema-parser';
import { VALIDATION_LIMITS, type ValidationResult } from './validation-result';

export type OpportunityStatus = 'open' | 'won' | 'lost';

export const OPPORTUNITY_STATUSES = ['open', 'won', 'lost'] as const satisfies readonly OpportunityStatus[];

/** An opportunity always belongs to a company, named by our accountId or by its domain. */
export const opportunitySchema = z
  .object(
    {
      opportunityId: idString,
      accountId: z.uuid({ error: 'must be a UUID' }).optional(),
      accountDomain: normalizedDomain.optional(),
      name: boundedString().min(1, 'must not be empty'),
      stage: boundedString(VALIDATION_LIMITS.maxId).min(1, 'must not be empty'),
      amount,
      currency: currencyCode,
      closeDate: isoDate,
      status: z.enum(OPPORTUNITY_STATUSES, { error: 'must be one of "open", "won", "lost"' }),
      leadIds: z
        .array(leadId)
        .max(VALIDATION_LIMITS.maxListItems, `must have at most ${VALIDATION_LIMITS.maxListItems} items`)
        .default([]),
      contactEmails: z
        .array(normalizedEmail)
        .max(VALIDATION_LIMITS.maxListItems, `must have at most ${VALIDATION_LIMITS.maxListItems} items`)
        .default([]),
      occurredAt: isoDateTime,
    },
    { error: 'must be an object' },
  )
  .refine((fact) => fact.accountId !== undefined || fact.accountDomain !== undefined, {
    message: 'accountId or accountDomain is required',
    path: ['accountId'],
    when: runOnObjects,
  })
  .transform(withMinorUnits);

export type Opportunity = z.output<typeof opportunitySchema>;

export function parseOpportunity(input: unknown): ValidationResult<Opportunity> {
  return parseWithSchema(opportunitySchema, input);
}
