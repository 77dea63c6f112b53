import { z } from 'zod';
import { documentId, documentVersion, durationSchema, label, timeZone } from './document-fields';
import { parseWith, type Parsed } from './field-error';
import { BANDS, DISPOSITIONS, type SlaPolicy } from './sla-policy';

const names = z.array(label).default([]);
const base = { id: documentId, version: documentVersion, name: label };

const leadPolicy = (kind: 'response' | 'disposition') =>
  z.strictObject({
    ...base,
    kind: z.literal(kind),
    priority: z.number().int('must be an integer').default(0),
    appliesTo: z
      .strictObject({
        bands: z.array(z.enum(BANDS)).default([]),
        teams: names,
        regions: names,
        sources: names,
      })
      .default({ bands: [], teams: [], regions: [], sources: [] }),
    calendarId: documentId.nullable().default(null),
    target: durationSchema,
    warningAt: z.number().gt(0, 'must be > 0').lt(1, 'must be < 1').nullable().default(null),
    escalateAfter: durationSchema.nullable().default(null),
    reassignAfter: durationSchema.nullable().default(null),
    onDisposition: z.partialRecord(z.enum(DISPOSITIONS), z.enum(['meet', 'pause', 'cancel'])).default({}),
  });

const volumePolicy = z.strictObject({
  ...base,
  kind: z.literal('volume'),
  period: z.enum(['week', 'month', 'quarter']),
  timeZone,
  segment: z.strictObject({ regions: names, sources: names }).default({ regions: [], sources: [] }),
  targetMqls: z.number().int('must be an integer').min(1, 'must be >= 1'),
  qualityFloor: z.number().min(0, 'must be >= 0').max(1, 'must be <= 1').nullable().default(null),
  atRiskBelow: z.number().gt(0, 'must be > 0').max(1, 'must be <= 1').default(1),
  evaluateEveryHours: z
    .number()
    .min(1, 'must be >= 1')
    .max(24 * 31, 'must be at most 744')
    .default(24),
});

export const slaPolicySchema: z.ZodType<SlaPolicy> = z.discriminatedUnion('kind', [
  leadPolicy('response'),
  leadPolicy('disposition'),
  volumePolicy,
]);

/** An untrusted policy document (a bundled file or an admin API body) into a policy or field errors. */
export const parsePolicy = (document: unknown): Parsed<SlaPolicy> => parseWith(slaPolicySchema, document);
