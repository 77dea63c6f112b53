import { OPPORTUNITY_STATUS_SYMBOLS, symbolsWithout } from '@smarketing/contracts';
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

/** What the CRM may send (the schema's catch-all 'unknown' is for readers). */
export const OPPORTUNITY_STATUSES = symbolsWithout(OPPORTUNITY_STATUS_SYMBOLS, 'unknown');
export type OpportunityStatus = (typeof OPPORTUNITY_STATUSES)[number];

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
