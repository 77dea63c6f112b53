import type { BusinessCalendar } from './business-calendar';

/** The calendar used when nothing more specific applies; the seeded defaults include it. */
export const DEFAULT_CALENDAR_ID = 'default';

/**
 * The calendar to measure a lead's SLA on (latest versions): the policy's own when it names one;
 * else the one for the rep's team; else the one for the lead's region; else "default".
 * Among several for the same team or region, the smallest id wins (deterministic).
 */
export const selectCalendar = (
  calendars: readonly BusinessCalendar[],
  policyCalendarId: string | null,
  teamId: string | null,
  region: string | null,
): BusinessCalendar | undefined => {
  const byId = [...calendars].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  if (policyCalendarId !== null) return byId.find((c) => c.id === policyCalendarId);
  return (
    (teamId !== null ? byId.find((c) => c.appliesTo.teams.includes(teamId)) : undefined) ??
    (region !== null ? byId.find((c) => c.appliesTo.regions.includes(region)) : undefined) ??
    byId.find((c) => c.id === DEFAULT_CALENDAR_ID)
  );
};
