import { ACTIVITY_KIND_SYMBOLS, symbolsWithout } from '@smarketing/contracts';
import { z } from 'zod';
import { boundedString, idString, isoDateTime } from './common.schema';
import { leadOrEmailRequired, leadReferenceFields } from './lead-reference.schema';
import { parseWithSchema } from './schema-parser';
import { VALIDATION_LIMITS, type ValidationResult } from './validation-result';

/** What a rep did: a call, an email or a meeting (the schema's catch-all 'other' is for readers). */
export const SALES_ACTIVITY_KINDS = symbolsWithout(ACTIVITY_KIND_SYMBOLS, 'other');
export type SalesActivityKind = (typeof SALES_ACTIVITY_KINDS)[number];

export const salesActivitySchema = z
  .object(
    {
      activityId: idString,
      ...leadReferenceFields,
      repId: idString,
      kind: z.enum(SALES_ACTIVITY_KINDS, { error: 'must be one of "call", "email", "meeting"' }),
      occurredAt: isoDateTime,
      outcome: boundedString(VALIDATION_LIMITS.maxId).optional(),
      notes: boundedString(VALIDATION_LIMITS.maxNotes).optional(),
    },
    { error: 'must be an object' },
  )
  .refine(leadOrEmailRequired.check, leadOrEmailRequired.params);

export type SalesActivity = z.output<typeof salesActivitySchema>;

export function parseSalesActivity(input: unknown): ValidationResult<SalesActivity> {
  return parseWithSchema(salesActivitySchema, input);
}
