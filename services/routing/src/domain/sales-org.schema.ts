import { IANAZone } from 'luxon';
import { z } from 'zod';
import { knownHolidayRegion } from './public-holidays';
import {
  WEEKDAYS,
  type AccountOwner,
  type Rep,
  type Team,
  type TimeSpan,
  type WeeklyHours,
  type WorkCalendar,
} from './sales-org';

// The sales org's invariants, shared by the files in services/routing/org and the admin API.

export const orgId = z
  .string()
  .regex(/^[a-z0-9]+([_-][a-z0-9]+)*$/, 'must be a lower-case slug (a-z, 0-9, "-" or "_")')
  .max(100, 'must be at most 100 characters');
const text = z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters');
const timeZone = z
  .string()
  .refine((tz) => IANAZone.isValidZone(tz), 'must be an IANA time zone such as "Europe/Berlin"');
const localDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date "YYYY-MM-DD"');
const hhmm = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;

const span = z.string().transform((s, ctx): TimeSpan => {
  const [from, to, ...rest] = s.split('-');
  if (
    from === undefined ||
    to === undefined ||
    rest.length ||
    !hhmm.test(from) ||
    !hhmm.test(to) ||
    from === '24:00'
  ) {
    ctx.addIssue({ code: 'custom', message: 'must be a span "HH:mm-HH:mm" such as "09:00-17:30"' });
    return z.NEVER;
  }
  if (from >= to) {
    ctx.addIssue({
      code: 'custom',
      message: 'must end after it starts (a night shift is two spans on two days)',
    });
    return z.NEVER;
  }
  return { from, to };
});

const weeklyHours = z.partialRecord(z.enum(WEEKDAYS), z.array(span)).superRefine((hours, ctx) => {
  for (const day of WEEKDAYS) {
    const spans = [...(hours[day] ?? [])].sort((a, b) => a.from.localeCompare(b.from));
    for (let i = 1; i < spans.length; i++)
      if ((spans[i] as TimeSpan).from < (spans[i - 1] as TimeSpan).to)
        ctx.addIssue({ code: 'custom', path: [day], message: 'spans must not overlap' });
  }
}) as unknown as z.ZodType<WeeklyHours>;

export const calendarSchema: z.ZodType<WorkCalendar> = z.strictObject({
  timeZone,
  workingHours: weeklyHours,
  holidays: z
    .strictObject({
      country: z
        .string()
        .regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code in upper case')
        .optional(),
      region: z.string().min(1).max(10).optional(),
      dates: z.array(localDate).default([]),
    })
    .superRefine((h, ctx) => {
      if (h.region !== undefined && h.country === undefined)
        ctx.addIssue({ code: 'custom', path: ['region'], message: 'needs country' });
      else if (h.country !== undefined && !knownHolidayRegion(h.country, h.region))
        ctx.addIssue({
          code: 'custom',
          path: h.region !== undefined ? ['region'] : ['country'],
          message: 'is not a country/region date-holidays knows',
        });
    })
    .default({ dates: [] }),
});

const instant = z.iso
  .datetime({ offset: true, message: 'must be an ISO 8601 time with an offset, e.g. 2026-12-01T00:00:00Z' })
  .transform((s) => Date.parse(s));

export const outOfOfficeSchema = z
  .strictObject({ from: instant, to: instant, reason: z.string().max(200).optional() })
  .refine((o) => o.to > o.from, { message: 'must end after it starts', path: ['to'] });

const cap = z.number().int('must be an integer').min(0, 'must be >= 0');

export const repSchema: z.ZodType<Rep> = z.strictObject({
  id: orgId,
  name: text,
  email: z.email('must be an email address'),
  teamId: orgId,
  territories: z.array(text).default([]),
  segments: z.array(text).default([]),
  weight: z.number().int('must be an integer').min(1, 'must be >= 1').max(100, 'must be <= 100').default(1),
  caps: z.strictObject({ daily: cap.optional(), weekly: cap.optional() }).default({}),
  calendar: calendarSchema.optional(),
  outOfOffice: z.array(outOfOfficeSchema).default([]),
  active: z.boolean().default(true),
});

export const teamSchema: z.ZodType<Team> = z.strictObject({
  id: orgId,
  name: text,
  managerId: orgId.optional(),
  calendar: calendarSchema,
});

export const accountOwnerSchema: z.ZodType<AccountOwner> = z.strictObject({
  accountKey: z.string().trim().min(1, 'must not be empty').max(200),
  repId: orgId,
  segment: text.optional(),
});

/** A whole org file: teams, reps, named accounts, consistent among themselves. */
export const orgFileSchema = z
  .strictObject({
    teams: z.array(teamSchema),
    reps: z.array(repSchema),
    accountOwners: z.array(accountOwnerSchema).default([]),
  })
  .superRefine((org, ctx) => {
    const teams = new Set(org.teams.map((t) => t.id));
    const reps = new Set(org.reps.map((r) => r.id));
    org.reps.forEach((r, i) => {
      if (!teams.has(r.teamId))
        ctx.addIssue({ code: 'custom', path: ['reps', i, 'teamId'], message: `no team "${r.teamId}"` });
    });
    org.teams.forEach((t, i) => {
      if (t.managerId !== undefined && !reps.has(t.managerId))
        ctx.addIssue({ code: 'custom', path: ['teams', i, 'managerId'], message: `no rep "${t.managerId}"` });
    });
    org.accountOwners.forEach((a, i) => {
      if (!reps.has(a.repId))
        ctx.addIssue({ code: 'custom', path: ['accountOwners', i, 'repId'], message: `no rep "${a.repId}"` });
    });
  });

export type OrgFile = z.output<typeof orgFileSchema>;
