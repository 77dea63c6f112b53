import { z } from 'zod';
import { boundedString, idString, isoDateTime } from './common.schema';
import { leadOrEmailRequired, leadReferenceFields } from './lead-reference.schema';
import { parseWithSchema } from './schema-parser';
import { VALIDATION_LIMITS, type ValidationResult } from './validation-result';

export type SalesActivityKind = 'call' | 'email' | 'meeting';

export const SALES_ACTIVITY_KINDS = [
  'call',
  'email',
  'meeting',
] as const satisfies readonly SalesActivityKind[];

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
