import { z } from 'zod';
import { normalizeDomain, normalizeEmail } from '../../domain';
import { VALIDATION_LIMITS } from './validation-result';

// Shared field schemas, so every payload applies the same limits and messages.

export const boundedString = (max: number = VALIDATION_LIMITS.maxString) =>
  z.string().max(max, `must be at most ${max} characters`);

export const idString = z
  .string()
  .min(1, 'must not be empty')
  .max(VALIDATION_LIMITS.maxId, `must be at most ${VALIDATION_LIMITS.maxId} characters`);

/** Segment allows numeric ids from some libraries; we store them as strings. */
export const segmentId = z
  .union([idString, z.number().finite().transform(String)], { error: 'must be a non-empty string' })
  .pipe(idString);

/** ISO-8601 date-time with a zone (Z or ±hh:mm): local times are ambiguous. zod also rejects Feb 30. */
export const isoDateTime = z.iso.datetime({
  offset: true,
  error: 'must be an ISO-8601 date-time with a time zone, e.g. 2024-05-01T12:00:00Z',
});

export const isoDate = z.iso.date({ error: 'must be an ISO-8601 date, e.g. 2024-05-01' });

/** Free-form traits/properties: a plain object, not an array or null. Size is bounded later. */
export const plainObject = z.record(z.string(), z.unknown(), { error: 'must be an object' });

export const normalizedEmail = z
  .string()
  .max(320, 'must be at most 320 characters')
  .transform((value, ctx) => {
    const result = normalizeEmail(value);
    if (result.ok) return result.email;
    ctx.issues.push({ code: 'custom', message: result.reason, input: value });
    return z.NEVER;
  });

export const normalizedDomain = z
  .string()
  .max(VALIDATION_LIMITS.maxString)
  .transform((value, ctx) => {
    const domain = normalizeDomain(value);
    if (domain !== null) return domain;
    ctx.issues.push({ code: 'custom', message: 'is not a domain name such as acme.com', input: value });
    return z.NEVER;
  });

export const leadId = z.uuid({ error: 'must be a UUID' });

/** Amount as a decimal string or number ≥ 0; converted to minor units together with the currency. */
export const amount = z.union([z.string().max(40), z.number()], {
  error: 'must be a decimal number or string',
});

export const currencyCode = z.string().regex(/^[A-Za-z]{3}$/, 'must be an ISO 4217 code such as USD');
