import { DateTime } from 'luxon';
import { z } from 'zod';
import { WEEKDAYS, type BusinessCalendar } from './business-calendar';
import { documentId, documentVersion, label, timeZone } from './document-fields';
import { parseWith, type Parsed } from './field-error';
import { isKnownHolidayRegion } from './holiday-dates';

const CLOCK_TIME = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;
const clockTime = z.string().regex(CLOCK_TIME, 'must be a local time "HH:MM" (00:00 to 24:00)');
const localDate = z
  .string()
  .refine((d) => /^\d{4}-\d{2}-\d{2}$/.test(d) && DateTime.fromISO(d).isValid, 'must be a date "YYYY-MM-DD"');

const dayHours = z.array(z.strictObject({ from: clockTime, to: clockTime })).superRefine((hours, ctx) => {
  const sorted = hours.map((h, i) => ({ ...h, i })).sort((a, b) => (a.from < b.from ? -1 : 1));
  hours.forEach((h, i) => {
    if (CLOCK_TIME.test(h.from) && CLOCK_TIME.test(h.to) && h.from >= h.to)
      ctx.addIssue({ code: 'custom', path: [i, 'to'], message: 'must be after from' });
  });
  sorted.forEach((h, k) => {
    const prev = sorted[k - 1];
    if (prev !== undefined && h.from < prev.to)
      ctx.addIssue({ code: 'custom', path: [h.i, 'from'], message: `overlaps ${prev.from}-${prev.to}` });
  });
});

export const businessCalendarSchema: z.ZodType<BusinessCalendar> = z
  .strictObject({
    id: documentId,
    version: documentVersion,
    name: label,
    timeZone,
    week: z.strictObject(
      Object.fromEntries(WEEKDAYS.map((d) => [d, dayHours.optional()])) as Record<
        (typeof WEEKDAYS)[number],
        z.ZodOptional<typeof dayHours>
      >,
    ),
    holidays: z
      .strictObject({
        regions: z
          .array(
            z
              .strictObject({
                country: z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code in upper case'),
                state: z
                  .string()
                  .regex(/^[A-Z0-9]{1,3}$/, 'must be a subdivision code such as "NY"')
                  .optional(),
                types: z
                  .array(z.enum(['public', 'bank', 'school', 'optional', 'observance']))
                  .min(1, 'must list at least one type')
                  .optional(),
              })
              .refine((r) => isKnownHolidayRegion(r.country, r.state), {
                message: 'is not a country (and state) date-holidays knows',
                path: ['country'],
              }),
          )
          .default([]),
        dates: z.array(localDate).default([]),
        workingDates: z.array(localDate).default([]),
      })
      .default({ regions: [], dates: [], workingDates: [] }),
    appliesTo: z
      .strictObject({ teams: z.array(label).default([]), regions: z.array(label).default([]) })
      .default({ teams: [], regions: [] }),
  })
  .refine((c) => WEEKDAYS.some((d) => (c.week[d] ?? []).length > 0), {
    message: 'must have working hours on at least one weekday',
    path: ['week'],
  });

/** An untrusted calendar document (a bundled file or an admin API body) into a calendar or field errors. */
export const parseBusinessCalendar = (document: unknown): Parsed<BusinessCalendar> =>
  parseWith(businessCalendarSchema, document);
