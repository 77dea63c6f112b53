import { unavailabilityAt, type PublicHolidayLookup, type Unavailability } from './availability';
import { dayAndWeekKeys } from './period-keys';
import type { RepLoad } from './pool-state';
import { calendarOf, type Rep, type SalesOrg } from './sales-org';

/** Why a candidate was passed over: the trace of every assignment lists one per rep considered. */
export type SkipReason = Unavailability | 'cap_reached' | 'held_before' | 'unknown_rep';

export const SKIP_REASONS: readonly SkipReason[] = [
  'inactive',
  'out_of_office',
  'holiday',
  'outside_hours',
  'cap_reached',
  'held_before',
  'unknown_rep',
];

/** An absence worth catching up on (a rep outside their daily hours is not "away"). */
export const isAbsence = (reason: SkipReason): boolean => reason === 'out_of_office' || reason === 'holiday';

export type Candidate = { readonly repId: string; readonly verdict: 'assigned' | SkipReason };

/** Everything an eligibility check reads: the org, event time, the lead's holders this cycle, rep loads. */
export type EligibilityContext = {
  readonly org: SalesOrg;
  readonly at: number;
  readonly publicHoliday: PublicHolidayLookup;
  readonly heldBefore: ReadonlySet<string>;
  readonly loadOf: (repId: string) => RepLoad | undefined;
};

export const zoneOf = (org: SalesOrg, rep: Rep): string => calendarOf(org, rep)?.timeZone ?? 'UTC';

/** Whether the rep reached a daily or weekly cap in their own local day and week at `at`. */
export const capReached = (org: SalesOrg, rep: Rep, load: RepLoad | undefined, at: number): boolean => {
  if (load === undefined || (rep.caps.daily === undefined && rep.caps.weekly === undefined)) return false;
  const keys = dayAndWeekKeys(at, zoneOf(org, rep));
  if (rep.caps.daily !== undefined && load.dayKey === keys.day && load.dayCount >= rep.caps.daily)
    return true;
  return rep.caps.weekly !== undefined && load.weekKey === keys.week && load.weekCount >= rep.caps.weekly;
};

/** Undefined when the rep can take the lead now; else the reason, cheapest checks first. */
export const skipReasonFor = (
  ctx: EligibilityContext,
  repId: string,
  options: { ignoreCaps?: boolean } = {},
): SkipReason | undefined => {
  if (ctx.heldBefore.has(repId)) return 'held_before';
  const rep = ctx.org.reps.get(repId);
  if (rep === undefined) return 'unknown_rep';
  const unavailable = unavailabilityAt(ctx.org, rep, ctx.at, ctx.publicHoliday);
  if (unavailable !== undefined) return unavailable;
  if (!options.ignoreCaps && capReached(ctx.org, rep, ctx.loadOf(repId), ctx.at)) return 'cap_reached';
  return undefined;
};
