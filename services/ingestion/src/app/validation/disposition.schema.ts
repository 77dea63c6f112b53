import {
  DISPOSITION_REASON_SYMBOLS,
  DISPOSITION_SYMBOLS,
  symbolsWithout,
  type Disposition as DispositionSymbol,
  type DispositionReason,
} from '@smarketing/contracts';
import { z } from 'zod';
import { boundedString, idString, isoDateTime } from './common.schema';
import { leadOrEmailRequired, leadReferenceFields } from './lead-reference.schema';
import { parseWithSchema } from './schema-parser';
import { VALIDATION_LIMITS, type ValidationResult } from './validation-result';

// Sales may send every disposition but the schema's catch-all 'unknown'.
export type DispositionOutcome = Exclude<DispositionSymbol, 'unknown'>;
export type { DispositionReason };

export const DISPOSITION_OUTCOMES = symbolsWithout(DISPOSITION_SYMBOLS, 'unknown');
export const DISPOSITION_REASONS = DISPOSITION_REASON_SYMBOLS;

/** Sales must say why it turned a lead down: that reason is what marketing learns from. */
function reasonRequired(disposition: DispositionOutcome): boolean {
  switch (disposition) {
    case 'rejected':
    case 'disqualified':
      return true;
    case 'accepted':
    case 'qualified':
    case 'recycled':
      return false;
    default: {
      const unreachable: never = disposition;
      return unreachable;
    }
  }
}

export const dispositionSchema = z
  .object(
    {
      dispositionId: idString,
      ...leadReferenceFields,
      repId: idString,
      disposition: z.enum(DISPOSITION_OUTCOMES, {
        error: `must be one of ${DISPOSITION_OUTCOMES.join(', ')}`,
      }),
      reason: z
        .enum(DISPOSITION_REASONS, { error: `must be one of ${DISPOSITION_REASONS.join(', ')}` })
        .optional(),
      notes: boundedString(VALIDATION_LIMITS.maxNotes).optional(),
      occurredAt: isoDateTime,
    },
    { error: 'must be an object' },
  )
  .refine(leadOrEmailRequired.check, leadOrEmailRequired.params)
  .refine((fact) => !reasonRequired(fact.disposition) || fact.reason !== undefined, {
    message: 'is required when the disposition is rejected or disqualified',
    path: ['reason'],
  });

export type Disposition = z.output<typeof dispositionSchema>;

export function parseDisposition(input: unknown): ValidationResult<Disposition> {
  return parseWithSchema(dispositionSchema, input);
}
